package br.com.crm.web.funnel;

import br.com.crm.funnel.boundary.Funnel;
import jakarta.enterprise.context.RequestScoped;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The funnel board as one request shows it: read once, when the page renders it (only the columns it redraws), and
 * dropped with the request.
 * The view (in the session) keeps only what its next postback needs (FunnelBacking), not a hundred cards.
 */
@RequestScoped
public class ShownBoard {

    private Funnel.Board board;
    private Map<Long, FunnelBacking.Column> columns;
    private Map<String, Long> activityFigures;

    boolean isRead() {
        return board != null;
    }

    void read(Funnel.Board board) {
        this.board = board;
        columns = new LinkedHashMap<>();
        board.pages().forEach((stage, page) -> columns.put(stage, new FunnelBacking.Column(page.cards(),
                page.more())));
    }

    /** Something changed: the render reads the board again. */
    void forget() {
        board = null;
        columns = null;
        activityFigures = null;
    }

    Funnel.Board board() {
        return board;
    }

    Map<Long, FunnelBacking.Column> columns() {
        return columns;
    }

    /** The open activities' figures, read when the render first shows them (a column's next page does not). */
    Map<String, Long> activityFigures(Supplier<Map<String, Long>> read) {
        if (activityFigures == null) {
            activityFigures = read.get();
        }
        return activityFigures;
    }
}
