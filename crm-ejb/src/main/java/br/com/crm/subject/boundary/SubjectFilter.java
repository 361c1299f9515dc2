package br.com.crm.subject.boundary;

import br.com.crm.kernel.Text;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
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
        StringBuilder where = new StringBuilder(" and s.archived = :archived");
        parameters.put("archived", archived);
        if (text != null) {
            where.append(" and s.searchText like :text");
            parameters.put("text", likePattern());
        }
        if (!tagIds.isEmpty()) {
            where.append(" and exists (select st.tagId from SubjectTag st where st.subjectId = s.id "
                    + "and st.tagId in :tags)");
            parameters.put("tags", tagIds);
        }
        if (customerId != null) {
            where.append(" and c.id = :customer");
            parameters.put("customer", customerId);
        }
        if (responsible != null) {
            where.append(" and u.username = :responsible");
            parameters.put("responsible", responsible);
        }
        if (minAmount != null) {
            where.append(" and s.amount >= :minAmount");
            parameters.put("minAmount", minAmount);
        }
        if (maxAmount != null) {
            where.append(" and s.amount <= :maxAmount");
            parameters.put("maxAmount", maxAmount);
        }
        if (closeFrom != null) {
            where.append(" and s.expectedClose >= :closeFrom");
            parameters.put("closeFrom", closeFrom);
        }
        if (closeTo != null) {
            where.append(" and s.expectedClose <= :closeTo");
            parameters.put("closeTo", closeTo);
        }
        return where.toString();
    }

    /**
     * The same conditions in SQL on {@code s} (crm_subject), {@code c} (crm_customer) and {@code u} (crm_user), for
     * native queries; their values are added to {@code values} in the order of their {@code ?}.
     */
    public String sqlConditions(List<Object> values) {
        StringBuilder where = new StringBuilder(" and s.archived = ?");
        values.add(archived);
        if (text != null) {
            where.append(" and s.search_text like ? escape '\\'");
            values.add(likePattern());
        }
        if (!tagIds.isEmpty()) {
            where.append(" and exists (select 1 from crm_subject_tag st where st.subject_id = s.id and st.tag_id in (")
                    .append(String.join(", ", Collections.nCopies(tagIds.size(), "?"))).append("))");
            values.addAll(tagIds);
        }
        if (customerId != null) {
            where.append(" and c.id = ?");
            values.add(customerId);
        }
        if (responsible != null) {
            where.append(" and u.username = ?");
            values.add(responsible);
        }
        if (minAmount != null) {
            where.append(" and s.amount >= ?");
            values.add(minAmount);
        }
        if (maxAmount != null) {
            where.append(" and s.amount <= ?");
            values.add(maxAmount);
        }
        if (closeFrom != null) {
            where.append(" and s.expected_close >= ?");
            values.add(closeFrom);
        }
        if (closeTo != null) {
            where.append(" and s.expected_close <= ?");
            values.add(closeTo);
        }
        return where.toString();
    }

    /** The text as a LIKE pattern on the folded title or name, its wildcards escaped with a backslash. */
    private String likePattern() {
        return "%" + Text.searchable(text).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
