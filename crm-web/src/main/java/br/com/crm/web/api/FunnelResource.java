package br.com.crm.web.api;

import br.com.crm.funnel.boundary.Funnel;
import br.com.crm.web.subject.FilterParams;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The board in one call: per stage its figures and first cards (then page with /subjects?stage=…&cursor=…). */
@Path("funnel")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class FunnelResource {

    /** {@code weightedTotal}: the column's value weighed by its stage's win probability (the closing stage: won). */
    public record ColumnJson(StagesResource.StageJson stage, Funnel.Figures all, Funnel.Figures won,
                             Funnel.Figures lost, BigDecimal weightedTotal, List<Funnel.Card> cards, String next) {
    }

    @Inject
    Funnel funnel;

    @GET
    public List<ColumnJson> board(@QueryParam("limit") @DefaultValue("25") int limit, @BeanParam FilterParams filter) {
        Funnel.Board board = funnel.board(Math.min(Math.max(limit, 1), 100), Map.of(), filter.filter());
        return board.stages().stream().map(stage -> {
            Funnel.ColumnFigures f = board.figures().get(stage.getId());
            Funnel.Page page = board.pages().get(stage.getId());
            Funnel.Card last = page.last();
            return new ColumnJson(StagesResource.json(stage), f.all(), f.won(),
                    f.lost(), f.weighted(), page.cards(), page.more() && last != null ? last.id() + "_" + last.enteredAt() : null);
        }).toList();
    }
}
