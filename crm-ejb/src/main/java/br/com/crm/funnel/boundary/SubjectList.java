package br.com.crm.funnel.boundary;

import br.com.crm.activity.boundary.Activities;
import br.com.crm.activity.control.NextActivities;
import br.com.crm.erp.boundary.Erp;
import br.com.crm.erp.boundary.ErpUnavailable;
import br.com.crm.erp.control.ErpCalls;
import br.com.crm.funnel.control.ResultSnapshots;
import br.com.crm.security.entity.Roles;
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
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The list of subjects (Tipo de visualização: lista), sorted and paged on the server. A page is read in two steps:
 * the ids of the page, then those rows with their customer, user and tags. Unfiltered, the ids come from an index
 * that starts with the tab and the sorted column (page 5,000 walks index entries only, never rows and joins) and
 * the count from the kept column totals. Narrowed by a filter, the first {@link #SHOWN_AT_MOST} sorted ids of the
 * matches are read once (that query is also what the paginator counts) and kept in {@link ResultSnapshots} until
 * something changes, so paging costs one small query. Only that many: a broad filter ("ltda", a tag most subjects
 * carry) then stops walking the sorted index at the first thousand matches instead of reading and sorting a
 * hundred thousand, and the list says that more match (the exact count is read only when the user selects them
 * all).
 */
@Stateless
@RolesAllowed({Roles.ADMIN, Roles.USER, Roles.VIEWER})
public class SubjectList {

    public static final int MAX_PAGE_SIZE = 200;

    /** How many matches of a narrowed filter the list pages through, in the order asked. */
    public static final int SHOWN_AT_MOST = 1_000;

    /** What the list pages through: {@code rows} subjects, and whether more than those match the filter. */
    public record Shown(long rows, boolean more) implements Serializable {
    }

    /** The sortable columns, each with the JPQL it sorts by (ties broken by id). */
    public enum Sort {
        TITLE("s.searchTitle"),
        CUSTOMER("c.searchName"),
        STAGE("st.position"),
        AMOUNT("s.amount"),
        EXPECTED_CLOSE("s.expectedClose"),
        UPDATED("s.updatedAt"),
        LAST_ACTIVITY("s.lastActivityAt"),
        RESPONSIBLE("u.displayName");

        final String path;

        Sort(String path) {
            this.path = path;
        }
    }

    /** One row of the list. */
    public record Row(long id, long version, String title, long customerId, String customer, long stageId,
                      Outcome outcome, BigDecimal amount, LocalDate expectedClose, OffsetDateTime updatedAt,
                      OffsetDateTime lastActivityAt, String responsible, boolean archived, List<Tags.Chip> tags,
                      Activities.Next next, Erp.CustomerKey customerKey, Erp.Facts erp)
            implements Serializable {

        public Row(long id, long version, String title, long customerId, String customer, long stageId,
                   Outcome outcome, BigDecimal amount, LocalDate expectedClose, OffsetDateTime updatedAt,
                   OffsetDateTime lastActivityAt, String responsible, boolean archived, String customerErpCode,
                   String customerTaxId) {
            this(id, version, title, customerId, customer, stageId, outcome, amount, expectedClose, updatedAt,
                    lastActivityAt, responsible, archived, List.of(), null,
                    new Erp.CustomerKey(customerErpCode, customerTaxId), null);
        }

        Row with(List<Tags.Chip> chips, Activities.Next nextActivity) {
            return new Row(id, version, title, customerId, customer, stageId, outcome, amount, expectedClose,
                    updatedAt, lastActivityAt, responsible, archived, chips == null ? List.of() : List.copyOf(chips),
                    nextActivity, customerKey, erp);
        }

        Row with(Erp.Facts facts) {
            return new Row(id, version, title, customerId, customer, stageId, outcome, amount, expectedClose,
                    updatedAt, lastActivityAt, responsible, archived, tags, next, customerKey,
                    facts == null || facts.isEmpty() ? null : facts);
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    TagFinder tags;

    @Inject
    ErpCalls erp;

    @Inject
    ResultSnapshots snapshots;

    @Inject
    NextActivities activities;

    /** What identifies a kept list of ids. */
    private record Key(SubjectFilter filter, Sort sort, boolean ascending) {
    }

    /** How many rows the list pages through for the filter (at most {@link #SHOWN_AT_MOST} when narrowed). */
    public Shown shown(SubjectFilter filter) {
        if (filter.isNarrowed()) {
            int found = snapshot(filter, Sort.LAST_ACTIVITY, false).length;
            return new Shown(Math.min(found, SHOWN_AT_MOST), found > SHOWN_AT_MOST);
        }
        return new Shown(count(filter), false);
    }

    /** How many subjects the filter selects, all of them (a narrowed filter's count reads every match). */
    public long count(SubjectFilter filter) {
        if (filter.isEmpty()) {
            return em.createQuery("select coalesce(sum(t.subjects), 0) from StageTotal t", Number.class)
                    .getSingleResult().longValue();
        }
        Map<String, Object> parameters = new HashMap<>();
        var query = em.createQuery("select count(s.id)" + from(filter, null) + " where 1 = 1"
                + filter.conditions(parameters), Long.class);
        parameters.forEach(query::setParameter);
        return query.setHint(SubjectFilter.BIND_PARAMETERS, "True").getSingleResult();
    }

    /** The rows {@code first} to {@code first + size - 1} of the filtered list in the given order. */
    public List<Row> page(SubjectFilter filter, Sort sort, boolean ascending, int first, int size) {
        int from = Math.max(first, 0);
        int limit = Math.min(Math.max(size, 1), MAX_PAGE_SIZE);
        if (filter.isNarrowed()) {
            long[] ids = snapshot(filter, sort, ascending);
            int shown = Math.min(ids.length, SHOWN_AT_MOST);
            return withErpFacts(rows(Arrays.stream(ids, Math.min(from, shown), Math.min(from + limit, shown))
                    .boxed().toList()));
        }
        return withErpFacts(rows(pageIds(filter, sort, ascending, from, limit)));
    }

    /** The page's rows with their customers' ERP facts, from one ERP query; without them when the ERP is down. */
    private List<Row> withErpFacts(List<Row> rows) {
        try {
            Map<Erp.CustomerKey, Erp.Facts> facts = erp.facts(rows.stream().map(Row::customerKey).toList());
            return rows.stream().map(row -> row.with(facts.get(row.customerKey()))).toList();
        } catch (ErpUnavailable e) {
            return rows;
        }
    }

    private long[] snapshot(SubjectFilter filter, Sort sort, boolean ascending) {
        return snapshots.ids(new Key(filter, sort, ascending), () -> {
            Map<String, Object> parameters = new HashMap<>();
            var query = em.createQuery(idsQuery(filter, sort, ascending, parameters), Long.class);
            parameters.forEach(query::setParameter);
            // One more than shown: whether more match, without reading them.
            return query.setHint(SubjectFilter.BIND_PARAMETERS, "True").setMaxResults(SHOWN_AT_MOST + 1)
                    .getResultStream().mapToLong(Long::longValue).toArray();
        });
    }

    /** The rows of these ids, in this order, with their tags. */
    private List<Row> rows(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Integer> position = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            position.put(ids.get(i), i);
        }
        Map<Long, List<Tags.Chip>> chips = tags.chips(ids);
        Map<Long, Activities.Next> next = activities.of(ids);
        return em.createQuery("select new br.com.crm.funnel.boundary.SubjectList.Row(s.id, s.version, s.title, "
                        + "c.id, c.name, s.stageId, s.outcome, s.amount, s.expectedClose, s.updatedAt, "
                        + "s.lastActivityAt, u.displayName, s.archived, c.erpCode, c.taxId) "
                        + "from Subject s join s.customer c join s.responsible u where s.id in :ids", Row.class)
                .setParameter("ids", ids)
                .setHint(SubjectFilter.BIND_PARAMETERS, "True")
                .getResultStream()
                .map(row -> row.with(chips.get(row.id()), next.get(row.id())))
                .sorted(Comparator.comparing(row -> position.get(row.id())))
                .toList();
    }

    /** For the API's keyset paging: up to {@code size} rows after the id {@code afterId}, newest first. */
    public List<Row> after(SubjectFilter filter, Long afterId, int size) {
        Map<String, Object> parameters = new HashMap<>();
        var query = em.createQuery("select s.id" + from(filter, null) + " where s.id < :after"
                + filter.conditions(parameters) + " order by s.id desc", Long.class)
                .setParameter("after", afterId == null ? Long.MAX_VALUE : afterId);
        parameters.forEach(query::setParameter);
        List<Long> ids = query.setHint(SubjectFilter.BIND_PARAMETERS, "True")
                .setMaxResults(Math.min(Math.max(size, 1), MAX_PAGE_SIZE)).getResultList();
        return rows(ids);
    }

    private List<Long> pageIds(SubjectFilter filter, Sort sort, boolean ascending, int first, int size) {
        Map<String, Object> parameters = new HashMap<>();
        var query = em.createQuery(idsQuery(filter, sort, ascending, parameters), Long.class);
        parameters.forEach(query::setParameter);
        return query.setHint(SubjectFilter.BIND_PARAMETERS, "True")
                .setFirstResult(first)
                .setMaxResults(size)
                .getResultList();
    }

    private static String idsQuery(SubjectFilter filter, Sort sort, boolean ascending, Map<String, Object> parameters) {
        String direction = ascending ? " asc" : " desc";
        return "select s.id" + from(filter, sort) + " where 1 = 1" + filter.conditions(parameters)
                + " order by " + sort.path + direction + ", s.id" + direction;
    }

    /** Only the joins the filter and the order need: each join costs a lookup per row walked. */
    private static String from(SubjectFilter filter, Sort sort) {
        StringBuilder from = new StringBuilder(" from Subject s");
        if (filter.needsCustomer() || sort == Sort.CUSTOMER) {
            from.append(" join s.customer c");
        }
        if (filter.needsResponsible() || sort == Sort.RESPONSIBLE) {
            from.append(" join s.responsible u");
        }
        if (sort == Sort.STAGE) {
            from.append(" join s.stage st");
        }
        return from.toString();
    }
}
