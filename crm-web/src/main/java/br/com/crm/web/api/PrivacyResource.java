package br.com.crm.web.api;

import br.com.crm.privacy.boundary.Retention;
import br.com.crm.privacy.entity.PrivacyPolicy;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * The retention review, for administrators: the customers proposed for anonymisation under the company's setting,
 * and the confirmation that anonymises those chosen. Nothing is anonymised without it.
 */
@Path("privacy")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PrivacyResource {

    /** The setting and who it proposes now (ETag: the setting's version). */
    public record RetentionJson(int months, List<Retention.Candidate> proposed) {
    }

    public record ConfirmInput(List<Long> ids) {
    }

    public record ConfirmedJson(int anonymized) {
    }

    public record SettingInput(Integer months) {
    }

    @Inject
    Retention retention;

    @GET
    @Path("retention")
    public Response proposed() {
        PrivacyPolicy policy = retention.policy();
        return Response.ok(new RetentionJson(policy.getRetentionMonths(), retention.proposed()))
                .tag(Versions.tag(policy.getVersion())).build();
    }

    /** Anonymises the chosen customers that are still proposed; answers with how many. */
    @POST
    @Path("retention")
    public ConfirmedJson confirm(ConfirmInput input) {
        return new ConfirmedJson(retention.confirm(input == null ? null : input.ids()));
    }

    /** Changes the months after which customers are proposed ({@code If-Match}: the setting's version). */
    @PUT
    @Path("retention")
    public Response change(SettingInput input, @Context HttpHeaders headers) {
        long version = Versions.ifMatch(headers);
        retention.changeRetention(input == null ? null : input.months(), version);
        return proposed();
    }
}
