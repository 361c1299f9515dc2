package br.com.crm.funnel.boundary;

import br.com.crm.funnel.control.StageTotals;
import br.com.crm.funnel.entity.Stage;
import br.com.crm.security.entity.Roles;
import br.com.crm.subject.entity.Outcome;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The read side of the kanban board. One grouped query gives every column's count and sum; a column's cards come
 * a page at a time by keyset (newest in the stage first), so a stage with 100,000 subjects opens as fast as one
 * with ten. Archived subjects are not on the board.
 */
@Stateless
@RolesAllowed({Roles.ADMIN, Roles.USER, Roles.VIEWER})
public class Funnel {

    public static final int PAGE_SIZE = 25;

    /** Count and sum of one outcome group of a column. */
    public record Figures(long count, BigDecimal total) {
        static final Figures NONE = new Figures(0, BigDecimal.ZERO);

        Figures plus(Figures other) {
            return new Figures(count + other.count, total.add(other.total));
        }
    }

    /** A column's figures: all its open subjects, and in the closing stage, won and lost apart. */
    public record ColumnFigures(long stageId, Figures all, Figures won, Figures lost) {
    }

    /** What a card shows; {@code enteredAt} and {@code id} are also the keyset of the next page. */
    public record Card(long id, long version, String title, String customer, BigDecimal amount,
                       String responsible, Outcome outcome, OffsetDateTime enteredAt, LocalDate expectedClose,
                       long stageId) {
    }

    /** One page of a column, and whether more follow. */
    public record Page(List<Card> cards, boolean more) {
        public Card last() {
            return cards.isEmpty() ? null : cards.get(cards.size() - 1);
        }
    }

    private static final String CARD = "select new br.com.crm.funnel.boundary.Funnel.Card(s.id, s.version, s.title, "
            + "c.name, s.amount, u.displayName, s.outcome, s.stageEnteredAt, s.expectedClose, s.stageId) "
            + "from Subject s join s.customer c join s.responsible u "
            + "where s.stageId = :stage and s.archived = false ";
    private static final String ORDER = " order by s.stageEnteredAt desc, s.id desc";

    /** The whole board as a screen shows it: stages, every column's figures and first page. */
    public record Board(List<Stage> stages, Map<Long, ColumnFigures> figures, Map<Long, Page> pages) {
        public boolean isClosing(Stage stage) {
            return stages.get(stages.size() - 1).equals(stage);
        }
    }

    @PersistenceContext
    EntityManager em;

    @jakarta.inject.Inject
    Stages stages;

    /**
     * The board in one call and one transaction: the stages, one grouped query for all figures, and one keyset
     * query per column. {@code loaded} asks for more than the page size in a column (a board that was scrolled).
     */
    public Board board(int pageSize, Map<Long, Integer> loaded) {
        List<Stage> all = stages.list();
        Map<Long, Page> pages = new java.util.LinkedHashMap<>();
        for (Stage stage : all) {
            pages.put(stage.getId(), firstPage(stage.getId(), Math.max(pageSize, loaded.getOrDefault(stage.getId(), 0))));
        }
        return new Board(all, figures(all), pages);
    }

    /**
     * Every column's figures from one query of the kept totals ({@code crm_stage_total}, maintained with every
     * change of a subject); stages without subjects get zeros.
     */
    public Map<Long, ColumnFigures> figures(List<Stage> stages) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select stage_id, outcome, subjects, amount from crm_stage_total").getResultList();
        Map<Long, Map<Outcome, Figures>> grouped = new HashMap<>();
        for (Object[] row : rows) {
            Outcome outcome = StageTotals.OPEN.equals(row[1]) ? null : Outcome.valueOf((String) row[1]);
            BigDecimal sum = row[3] == null ? BigDecimal.ZERO : new BigDecimal(row[3].toString());
            grouped.computeIfAbsent(((Number) row[0]).longValue(), k -> new HashMap<>())
                    .put(outcome, new Figures(((Number) row[2]).longValue(), sum));
        }
        Map<Long, ColumnFigures> figures = new HashMap<>();
        for (Stage stage : stages) {
            Map<Outcome, Figures> byOutcome = grouped.getOrDefault(stage.getId(), Map.of());
            Figures all = byOutcome.values().stream().reduce(Figures.NONE, Figures::plus);
            figures.put(stage.getId(), new ColumnFigures(stage.getId(), all,
                    byOutcome.getOrDefault(Outcome.WON, Figures.NONE),
                    byOutcome.getOrDefault(Outcome.LOST, Figures.NONE)));
        }
        return figures;
    }

    /** The first page of a column. */
    public Page firstPage(long stageId, int size) {
        return page(em.createQuery(CARD + ORDER, Card.class).setParameter("stage", stageId), size);
    }

    /** The page after the card ({@code afterEnteredAt}, {@code afterId}). */
    public Page nextPage(long stageId, OffsetDateTime afterEnteredAt, long afterId, int size) {
        return page(em.createQuery(CARD + "and (s.stageEnteredAt < :at or (s.stageEnteredAt = :at and s.id < :id))"
                        + ORDER, Card.class)
                .setParameter("stage", stageId)
                .setParameter("at", afterEnteredAt)
                .setParameter("id", afterId), size);
    }

    private static Page page(jakarta.persistence.TypedQuery<Card> query, int size) {
        int limit = Math.min(Math.max(size, 1), 500);
        List<Card> cards = new ArrayList<>(query.setMaxResults(limit + 1).getResultList());
        boolean more = cards.size() > limit;
        if (more) {
            cards.remove(limit);
        }
        return new Page(cards, more);
    }
}
