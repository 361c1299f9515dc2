package br.com.crm.funnel.boundary;

import br.com.crm.activity.boundary.Activities;
import br.com.crm.activity.control.NextActivities;
import br.com.crm.erp.boundary.Erp;
import br.com.crm.erp.boundary.ErpUnavailable;
import br.com.crm.erp.control.ErpCalls;
import br.com.crm.kernel.BusinessCalendar;
import br.com.crm.kernel.SqlValues;
import br.com.crm.security.entity.Roles;
import br.com.crm.stage.entity.Stage;
import br.com.crm.stage.entity.StageTotal;
import br.com.crm.subject.boundary.SubjectFilter;
import br.com.crm.subject.entity.Outcome;
import br.com.crm.tag.boundary.Tags;
import br.com.crm.tag.control.TagFinder;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    public record Figures(long count, BigDecimal total) implements Serializable {
        static final Figures NONE = new Figures(0, BigDecimal.ZERO);

        Figures plus(Figures other) {
            return new Figures(count + other.count, total.add(other.total));
        }
    }

    /**
     * A column's figures: all its subjects, and in the closing stage, won and lost apart; {@code weighted}: what
     * the forecast counts of its value (an open stage's total weighed by its win probability; the closing stage's
     * won total).
     */
    public record ColumnFigures(long stageId, Figures all, Figures won, Figures lost, BigDecimal weighted)
            implements Serializable {
    }

    /**
     * What a card shows; {@code enteredAt} and {@code id} are also the keyset of the next page. {@code staleDays}:
     * days without activity when past the stage's limit (Configurações → Vendas), else {@code null}.
     */
    public record Card(long id, long version, String title, String customer, BigDecimal amount,
                       String responsible, Outcome outcome, OffsetDateTime enteredAt, LocalDate expectedClose,
                       long stageId, OffsetDateTime lastActivityAt, List<Tags.Chip> tags, Activities.Next next,
                       Long staleDays, Erp.CustomerKey customerKey, Erp.Facts erp) implements Serializable {

        /** As the column query reads it, before its tags, next activity and ERP facts are known. */
        public Card(long id, long version, String title, String customer, BigDecimal amount, String responsible,
                    Outcome outcome, OffsetDateTime enteredAt, LocalDate expectedClose, long stageId,
                    OffsetDateTime lastActivityAt, String customerErpCode, String customerTaxId) {
            this(id, version, title, customer, amount, responsible, outcome, enteredAt, expectedClose, stageId,
                    lastActivityAt, List.of(), null, null, new Erp.CustomerKey(customerErpCode, customerTaxId), null);
        }

        Card with(List<Tags.Chip> chips, Activities.Next nextActivity, Integer staleLimit, LocalDate today,
                  Erp.Facts facts) {
            Long idle = null;
            if (staleLimit != null && outcome == null) {
                long days = ChronoUnit.DAYS.between(BusinessCalendar.dayOf(lastActivityAt), today);
                idle = days >= staleLimit ? days : null;
            }
            return new Card(id, version, title, customer, amount, responsible, outcome, enteredAt, expectedClose,
                    stageId, lastActivityAt, chips == null ? List.of() : List.copyOf(chips), nextActivity, idle,
                    customerKey, facts == null || facts.isEmpty() ? null : facts);
        }
    }

    /** One page of a column, and whether more follow. */
    public record Page(List<Card> cards, boolean more) implements Serializable {
        public Card last() {
            return cards.isEmpty() ? null : cards.get(cards.size() - 1);
        }

        Page completed(Map<Long, List<Tags.Chip>> chips, Map<Long, Activities.Next> next, Integer staleLimit,
                       LocalDate today, Map<Erp.CustomerKey, Erp.Facts> facts) {
            return new Page(cards.stream().map(c -> c.with(chips.get(c.id()), next.get(c.id()), staleLimit, today,
                    facts.get(c.customerKey()))).toList(), more);
        }

        List<Erp.CustomerKey> customerKeys() {
            return cards.stream().map(Card::customerKey).toList();
        }
    }

    /** A column's cards, in SQL on {@code s}, {@code c}, {@code u} as {@link SubjectFilter#sqlConditions} has them. */
    private static final String CARD = "select s.id, s.version, s.title, c.name, s.amount, u.display_name, "
            + "s.outcome, s.stage_entered_at, s.expected_close, s.stage_id, s.last_activity_at, c.erp_code, c.tax_id "
            + "from crm_subject s join crm_customer c on c.id = s.customer_id "
            + "join crm_user u on u.id = s.responsible_id where s.stage_id = ?";
    private static final String ORDER = " order by s.stage_entered_at desc, s.id desc";

    /**
     * The whole board as a screen shows it: stages, every column's figures and first page. {@code erpAvailable}:
     * whether the ERP answered for the cards' facts (else they show none, and say why).
     */
    public record Board(List<Stage> stages, Map<Long, ColumnFigures> figures, Map<Long, Page> pages,
                        boolean erpAvailable) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    TagFinder tags;

    @Inject
    NextActivities activities;

    @Inject
    ErpCalls erp;

    /**
     * The board in one call and one transaction: one query for the stages with their kept totals, one for the
     * first page of every column, one each for the cards' tags, next activities and ERP facts. {@code loaded} asks
     * for more than the page size in a column (a board that was scrolled).
     */
    public Board board(int pageSize, Map<Long, Integer> loaded, SubjectFilter filter) {
        return board(pageSize, loaded, filter, null);
    }

    /**
     * The board with the cards of some columns only ({@code columns}, stage ids; {@code null} for all): every
     * stage and figure, and the pages of the columns a screen redraws (a column's next page, the two columns of a
     * move). The statements are the whole board's, on fewer cards.
     */
    public Board board(int pageSize, Map<Long, Integer> loaded, SubjectFilter filter, Set<Long> columns) {
        Map<Long, Stage> stages = new LinkedHashMap<>();
        Map<Long, Map<Outcome, Figures>> grouped = new HashMap<>();
        for (Object[] row : em.createQuery("select st, t from Stage st, StageTotal t where t.stageId = st.id "
                + "order by st.position", Object[].class).getResultList()) {
            Stage stage = (Stage) row[0];
            StageTotal total = (StageTotal) row[1];
            stages.put(stage.getId(), stage);
            Outcome outcome = StageTotal.OPEN.equals(total.getOutcome()) ? null : Outcome.valueOf(total.getOutcome());
            grouped.computeIfAbsent(stage.getId(), k -> new HashMap<>())
                    .put(outcome, new Figures(total.getSubjects(), total.getAmount()));
        }
        List<Stage> all = List.copyOf(stages.values());
        List<Stage> paged = columns == null ? all
                : all.stream().filter(stage -> columns.contains(stage.getId())).toList();
        Map<Long, Page> pages = paged.isEmpty() ? new LinkedHashMap<>() : pages(paged.stream()
                .map(stage -> new Slice(stage.getId(), Math.max(pageSize, loaded.getOrDefault(stage.getId(), 0)),
                        null, 0)).toList(), filter);
        List<Long> ids = pages.values().stream().flatMap(p -> p.cards().stream()).map(Card::id).toList();
        Map<Long, List<Tags.Chip>> chips = tags.chips(ids);
        Map<Long, Activities.Next> next = activities.of(ids);
        Map<Erp.CustomerKey, Erp.Facts> facts = erpFacts(pages.values().stream()
                .flatMap(p -> p.customerKeys().stream()).toList());
        LocalDate today = BusinessCalendar.today();
        pages.replaceAll((stage, page) -> page.completed(chips, next, stages.get(stage).getStaleDays(), today,
                facts == null ? Map.of() : facts));
        // The kept totals count active subjects; a filtered or archived board counts what it shows.
        return new Board(all, figures(all, filter.isEmpty() ? grouped : filteredFigures(filter)), pages,
                facts != null);
    }

    /** The ERP facts of the cards' customers, in one ERP query; {@code null} when the ERP does not answer. */
    private Map<Erp.CustomerKey, Erp.Facts> erpFacts(List<Erp.CustomerKey> keys) {
        try {
            return erp.facts(keys);
        } catch (ErpUnavailable e) {
            return null;
        }
    }

    /** Figures of the subjects a filter selects, in one grouped query. */
    private Map<Long, Map<Outcome, Figures>> filteredFigures(SubjectFilter filter) {
        Map<String, Object> parameters = new HashMap<>();
        var query = em.createQuery("select s.stageId, s.outcome, count(s.stageId), sum(s.amount) from Subject s "
                + "join s.customer c join s.responsible u where s.stageId is not null" + filter.conditions(parameters)
                + " group by s.stageId, s.outcome", Object[].class);
        parameters.forEach(query::setParameter);
        query.setHint(SubjectFilter.BIND_PARAMETERS, "True");
        Map<Long, Map<Outcome, Figures>> grouped = new HashMap<>();
        for (Object[] row : query.getResultList()) {
            BigDecimal sum = row[3] == null ? BigDecimal.ZERO : (BigDecimal) row[3];
            grouped.computeIfAbsent((Long) row[0], k -> new HashMap<>())
                    .put((Outcome) row[1], new Figures((Long) row[2], sum));
        }
        return grouped;
    }

    private static Map<Long, ColumnFigures> figures(List<Stage> stages, Map<Long, Map<Outcome, Figures>> grouped) {
        Map<Long, ColumnFigures> figures = new HashMap<>();
        for (Stage stage : stages) {
            Map<Outcome, Figures> byOutcome = grouped.getOrDefault(stage.getId(), Map.of());
            Figures all = byOutcome.values().stream().reduce(Figures.NONE, Figures::plus);
            Figures won = byOutcome.getOrDefault(Outcome.WON, Figures.NONE);
            figures.put(stage.getId(), new ColumnFigures(stage.getId(), all, won,
                    byOutcome.getOrDefault(Outcome.LOST, Figures.NONE),
                    stage.isClosing() ? won.total() : stage.weigh(all.total())));
        }
        return figures;
    }

    /** The first page of a column, with the cards' tags. */
    public Page firstPage(long stageId, int size, SubjectFilter filter) {
        return completed(stageId, pages(List.of(new Slice(stageId, size, null, 0)), filter).get(stageId));
    }

    /** The page after the card ({@code afterEnteredAt}, {@code afterId}), with the cards' tags. */
    public Page nextPage(long stageId, OffsetDateTime afterEnteredAt, long afterId, int size, SubjectFilter filter) {
        return completed(stageId, pages(List.of(new Slice(stageId, size, afterEnteredAt, afterId)), filter)
                .get(stageId));
    }

    /** The page with its cards' tags, next activities and ERP facts: three queries for the whole page. */
    private Page completed(long stageId, Page page) {
        List<Long> ids = page.cards().stream().map(Card::id).toList();
        Stage stage = em.find(Stage.class, stageId);
        Map<Erp.CustomerKey, Erp.Facts> facts = erpFacts(page.customerKeys());
        return page.completed(tags.chips(ids), activities.of(ids), stage == null ? null : stage.getStaleDays(),
                BusinessCalendar.today(), facts == null ? Map.of() : facts);
    }

    /** What of a column to read: up to {@code size} cards, after the card ({@code afterEnteredAt}, {@code afterId}). */
    private record Slice(long stageId, int size, OffsetDateTime afterEnteredAt, long afterId) {
        int limit() {
            return Math.min(Math.max(size, 1), 500);
        }
    }

    /**
     * Pages of columns in one statement, whatever their number: a keyset query per column (newest in the stage
     * first), each an index range of {@code crm_subject_column_ix}, glued by {@code union all}. Native, since JPQL
     * has no limit per branch. Each reads one card beyond its page to know whether more follow.
     */
    private Map<Long, Page> pages(List<Slice> slices, SubjectFilter filter) {
        List<Object> values = new ArrayList<>();
        List<String> branches = new ArrayList<>();
        for (Slice slice : slices) {
            values.add(slice.stageId());
            StringBuilder branch = new StringBuilder("(").append(CARD).append(filter.sqlConditions(values));
            if (slice.afterEnteredAt() != null) {
                branch.append(" and (s.stage_entered_at < ? or (s.stage_entered_at = ? and s.id < ?))");
                values.addAll(List.of(slice.afterEnteredAt(), slice.afterEnteredAt(), slice.afterId()));
            }
            branches.add(branch.append(ORDER).append(" fetch first ").append(slice.limit() + 1)
                    .append(" rows only)").toString());
        }
        var query = em.createNativeQuery(String.join(" union all ", branches));
        for (int i = 0; i < values.size(); i++) {
            query.setParameter(i + 1, values.get(i));
        }
        Map<Long, List<Card>> cards = new HashMap<>();
        for (Object row : query.getResultList()) {
            Card card = card((Object[]) row);
            cards.computeIfAbsent(card.stageId(), k -> new ArrayList<>()).add(card);
        }
        Map<Long, Page> pages = new LinkedHashMap<>();
        for (Slice slice : slices) {
            List<Card> column = cards.getOrDefault(slice.stageId(), new ArrayList<>());
            boolean more = column.size() > slice.limit();
            if (more) {
                column.subList(slice.limit(), column.size()).clear();
            }
            pages.put(slice.stageId(), new Page(column, more));
        }
        return pages;
    }

    private static Card card(Object[] row) {
        return new Card(SqlValues.longValue(row[0]), SqlValues.longValue(row[1]), (String) row[2], (String) row[3],
                (BigDecimal) row[4], (String) row[5], row[6] == null ? null : Outcome.valueOf((String) row[6]),
                SqlValues.offsetDateTime(row[7]), SqlValues.localDate(row[8]), SqlValues.longValue(row[9]),
                SqlValues.offsetDateTime(row[10]), (String) row[11], (String) row[12]);
    }
}
