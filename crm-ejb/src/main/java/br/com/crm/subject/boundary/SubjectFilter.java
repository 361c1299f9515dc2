package br.com.crm.subject.boundary;

import br.com.crm.kernel.Text;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
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
        return text != null || customerId != null;
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
            where.append(" and (s.searchTitle like :text or c.searchName like :text)");
            parameters.put("text", "%" + Text.searchable(text).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
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
}
