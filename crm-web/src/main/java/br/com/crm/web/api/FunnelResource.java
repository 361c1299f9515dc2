package br.com.crm.web.api;

import br.com.crm.funnel.boundary.Funnel;
import br.com.crm.funnel.boundary.Stages;
import br.com.crm.funnel.entity.Stage;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Map;

/** The board in one call: per stage its figures and first cards (then page with /subjects?stage=…&cursor=…). */
@Path("funnel")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class FunnelResource {

    public record ColumnJson(StagesResource.StageJson stage, Funnel.Figures all, Funnel.Figures won,
                             Funnel.Figures lost, List<Funnel.Card> cards, String next) {
    }

    @Inject
    Stages stages;

    @Inject
    Funnel funnel;

    @GET
    public List<ColumnJson> board(@QueryParam("limit") @DefaultValue("25") int limit) {
        List<Stage> all = stages.list();
        Map<Long, Funnel.ColumnFigures> figures = funnel.figures(all);
        return all.stream().map(stage -> {
            Funnel.ColumnFigures f = figures.get(stage.getId());
            Funnel.Page page = funnel.firstPage(stage.getId(), limit);
            Funnel.Card last = page.last();
            return new ColumnJson(StagesResource.json(stage, stage.equals(all.get(all.size() - 1))), f.all(), f.won(),
                    f.lost(), page.cards(), page.more() && last != null ? last.id() + "_" + last.enteredAt() : null);
        }).toList();
    }
}
