package br.com.crm.web.funnel;

import br.com.crm.funnel.boundary.Funnel;
import jakarta.enterprise.context.RequestScoped;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The funnel board as one request shows it: read once, when the page renders it, and dropped with the request.
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

    void read(Funnel.Board board, Map<String, Long> activityFigures) {
        this.board = board;
        this.activityFigures = activityFigures;
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

    Map<String, Long> activityFigures() {
        return activityFigures;
    }
}
