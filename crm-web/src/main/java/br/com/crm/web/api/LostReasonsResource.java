package br.com.crm.web.api;

import br.com.crm.stage.boundary.Stages;
import br.com.crm.stage.entity.LostReason;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** The reasons a subject can be lost (Configurações → Vendas), for closing one as lost over the API. */
@Path("lost-reasons")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class LostReasonsResource {

    public record LostReasonJson(long id, String description, String descriptionEn) {
    }

    @Inject
    Stages stages;

    /** The active ones: a retired reason stays on the subjects lost for it, but closes no new one. */
    @GET
    public List<LostReasonJson> list() {
        return stages.lostReasons().stream().map(LostReasonsResource::json).toList();
    }

    static LostReasonJson json(LostReason reason) {
        return new LostReasonJson(reason.getId(), reason.getDescription(), reason.getDescriptionEn());
    }
}
