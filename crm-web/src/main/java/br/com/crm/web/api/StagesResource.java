package br.com.crm.web.api;

import br.com.crm.stage.boundary.Stages;
import br.com.crm.stage.entity.ProposalRule;
import br.com.crm.stage.entity.Stage;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;

/** The funnel's stages: everyone reads; administrators add, change and remove (at most five). */
@Path("stages")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StagesResource {

    /** {@code probability}: the win probability (%) of a subject open here; absent on the closing stage. */
    public record StageJson(long id, int position, String description, String descriptionEn, boolean closing,
                            Integer staleDays, ProposalRule proposalRule, Integer probability, long version) {
    }

    /**
     * {@code staleDays}: after how many days without activity subjects are flagged (absent: never);
     * {@code proposalRule}: SENT or ACCEPTED, subjects come to this stage when a proposal is (absent: no rule);
     * {@code probability}: 0–100 (absent: unchanged; the closing stage takes none).
     */
    public record StageInput(String description, String descriptionEn, Integer position, Integer staleDays,
                             ProposalRule proposalRule, Integer probability) {
    }

    @Inject
    Stages stages;

    @GET
    public List<StageJson> list() {
        return stages.list().stream().map(StagesResource::json).toList();
    }

    @POST
    public Response add(StageInput input, @Context UriInfo uri) {
        Stage stage = stages.add(input == null ? null : input.description(), input == null ? null : input.descriptionEn());
        return Response.created(uri.getAbsolutePathBuilder().path(stage.getId().toString()).build())
                .tag(Versions.tag(stage.getVersion())).entity(json(stage)).build();
    }

    @PUT
    @Path("{id}")
    public Response update(@PathParam("id") long id, StageInput input, @Context HttpHeaders headers) {
        long version = Versions.ifMatch(headers);
        Stage current = stages.find(id);
        Stage stage = stages.update(id, version, input == null ? null : input.description(),
                input == null ? null : input.descriptionEn(),
                input == null || input.position() == null ? current.getPosition() : input.position(),
                input == null ? null : input.staleDays(), input == null ? null : input.proposalRule(),
                input == null || input.probability() == null ? current.getProbability() : input.probability());
        return Response.ok(json(stage)).tag(Versions.tag(stage.getVersion())).build();
    }

    @DELETE
    @Path("{id}")
    public Response remove(@PathParam("id") long id, @Context HttpHeaders headers) {
        stages.remove(id, Versions.ifMatch(headers));
        return Response.noContent().build();
    }

    static StageJson json(Stage s) {
        return new StageJson(s.getId(), s.getPosition(), s.getDescription(), s.getDescriptionEn(), s.isClosing(),
                s.getStaleDays(), s.getProposalRule(), s.getProbability(), s.getVersion());
    }
}
