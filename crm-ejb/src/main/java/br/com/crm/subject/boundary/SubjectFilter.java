package br.com.crm.subject.boundary;

import br.com.crm.kernel.Text;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Which subjects a screen shows (the funnel and, later, the list): text in the title or the customer's name
 * (accents and case ignored), any of some tags, a customer, a responsible user, a value range, an expected-close
 * range, and active or archived.
 */
public record SubjectFilter(String text, List<Long> tagIds, Long customerId, String responsible,
                            BigDecimal minAmount, BigDecimal maxAmount, LocalDate closeFrom, LocalDate closeTo,
                            boolean archived) implements Serializable {

    public static final SubjectFilter NONE = new SubjectFilter(null, List.of(), null, null, null, null, null, null,
            false);

    public SubjectFilter {
        text = text == null || text.isBlank() ? null : text.strip();
        tagIds = tagIds == null ? List.of() : List.copyOf(tagIds);
        responsible = responsible == null || responsible.isBlank() ? null : responsible.strip();
    }

    /** Active subjects, nothing else asked: the board can use the kept column totals. */
    public boolean isEmpty() {
        return text == null && tagIds.isEmpty() && customerId == null && responsible == null && minAmount == null
                && maxAmount == null && closeFrom == null && closeTo == null && !archived;
    }

    /**
     * Query hint for queries with these conditions: EclipseLink stops binding parameters when an IN list or a
     * subquery appears and then prints booleans as 0/1, which H2 2 refuses to compare with a BOOLEAN column.
     */
    public static final String BIND_PARAMETERS = "eclipselink.jdbc.bind-parameters";

    /** Anything asked beyond the tab (active or archived). */
    public boolean isNarrowed() {
        return text != null || !tagIds.isEmpty() || customerId != null || responsible != null || minAmount != null
                || maxAmount != null || closeFrom != null || closeTo != null;
    }

    /** Whether the conditions name {@code c}, the subject's customer. */
    public boolean needsCustomer() {
        return customerId != null;
    }

    /** Whether the conditions name {@code u}, the subject's responsible user. */
    public boolean needsResponsible() {
        return responsible != null;
    }

    /**
     * The JPQL conditions of this filter on {@code s} (Subject), {@code c} (its customer) and {@code u} (its
     * responsible user), each starting with "and"; their parameters go into {@code parameters}.
     */
    public String conditions(Map<String, Object> parameters) {
        StringBuilder where = new StringBuilder();
        for (Condition condition : asked()) {
            where.append(" and ").append(condition.jpql());
            parameters.put(condition.name(), condition.value());
        }
        return where.toString();
    }

    /**
     * The same conditions in SQL on {@code s} (crm_subject), {@code c} (crm_customer) and {@code u} (crm_user), for
     * native queries; their values are added to {@code values} in the order of their {@code ?}.
     */
    public String sqlConditions(List<Object> values) {
        StringBuilder where = new StringBuilder();
        for (Condition condition : asked()) {
            String sql = condition.sql();
            if (condition.value() instanceof Collection<?> many) {
                // One "?" per element: SQL has no list parameter.
                sql = sql.replace("(?)", "(" + String.join(", ", Collections.nCopies(many.size(), "?")) + ")");
                values.addAll(many);
            } else {
                values.add(condition.value());
            }
            where.append(" and ").append(sql);
        }
        return where.toString();
    }

    /** One condition of the filter, in JPQL (its parameter {@code name}) and in SQL (its {@code ?}). */
    private record Condition(String jpql, String sql, String name, Object value) {
    }

    /** The conditions this filter asks for, in order. */
    private List<Condition> asked() {
        List<Condition> asked = new ArrayList<>();
        asked.add(new Condition("s.archived = :archived", "s.archived = ?", "archived", archived));
        if (text != null) {
            asked.add(new Condition("s.searchText like :text", "s.search_text like ? escape '\\'", "text",
                    likePattern()));
        }
        if (!tagIds.isEmpty()) {
            asked.add(new Condition("exists (select st.tagId from SubjectTag st where st.subjectId = s.id "
                    + "and st.tagId in :tags)", "exists (select 1 from crm_subject_tag st where st.subject_id = s.id "
                    + "and st.tag_id in (?))", "tags", tagIds));
        }
        if (customerId != null) {
            asked.add(new Condition("c.id = :customer", "c.id = ?", "customer", customerId));
        }
        if (responsible != null) {
            asked.add(new Condition("u.username = :responsible", "u.username = ?", "responsible", responsible));
        }
        if (minAmount != null) {
            asked.add(new Condition("s.amount >= :minAmount", "s.amount >= ?", "minAmount", minAmount));
        }
        if (maxAmount != null) {
            asked.add(new Condition("s.amount <= :maxAmount", "s.amount <= ?", "maxAmount", maxAmount));
        }
        if (closeFrom != null) {
            asked.add(new Condition("s.expectedClose >= :closeFrom", "s.expected_close >= ?", "closeFrom",
                    closeFrom));
        }
        if (closeTo != null) {
            asked.add(new Condition("s.expectedClose <= :closeTo", "s.expected_close <= ?", "closeTo", closeTo));
        }
        return asked;
    }

    /** The text as a LIKE pattern on the folded title or name, its wildcards escaped with a backslash. */
    private String likePattern() {
        return "%" + Text.searchable(text).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
