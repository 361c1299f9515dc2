package br.com.crm.subject.control;

import br.com.crm.database.control.Dialect;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The stage history counted by São Paulo day of entry, stage and the subject's responsible ({@code crm_stage_day}):
 * the entries into the stage, how many of them went on to a stage placed after it ({@code advanced}), how many were
 * left ({@code left_at} set) and the seconds spent in the stage by those. The stage report sums these rows instead
 * of every history entry of its range.
 * <p>
 * An entry's row and figures change when its subject moves on (the entry is left, may have advanced) and when the
 * subject's responsible changes; entries come with a new subject or a move and go with the subject. So every such
 * change in the one write path ({@link SubjectChanges}) takes the subject's entries out of their counts as they
 * were and puts them in as they are, set-based, like {@link ForecastDays}; every write adds to the row of its key,
 * so concurrent changes add up instead of overwriting each other.
 */
@ApplicationScoped
public class StageDays {

    private static final List<String> KEYS = List.of("entered_on", "stage_id", "responsible_id");
    private static final List<String> COUNTERS = List.of("entered", "advanced", "left_stage", "stay_seconds");
    private static final String RESPONSIBLE = "s.responsible_id";

    @PersistenceContext
    EntityManager em;

    /** Counts the subjects' history entries as they are in the database now. */
    public void addSubjects(Collection<Long> subjectIds) {
        if (!subjectIds.isEmpty()) {
            count("c.subject_id in (" + SubjectChanges.literals(subjectIds) + ")", RESPONSIBLE, 1);
        }
    }

    /** Takes the subjects' history entries out of their counts, as they are in the database now; call before. */
    public void removeSubjects(Collection<Long> subjectIds) {
        if (!subjectIds.isEmpty()) {
            count("c.subject_id in (" + SubjectChanges.literals(subjectIds) + ")", RESPONSIBLE, -1);
        }
    }

    /**
     * Takes one subject's history entries out of the counts of {@code responsibleId} (its responsible before the
     * change, which the database may no longer hold), all but {@code exceptEntryId} ({@code null}: all): after a
     * change already flushed, its entries as they were before.
     */
    public void removeSubject(long subjectId, long responsibleId, Long exceptEntryId) {
        count("c.subject_id = " + subjectId + (exceptEntryId == null ? "" : " and c.id <> " + exceptEntryId),
                "cast(" + responsibleId + " as bigint)", -1);
    }

    /**
     * Adds {@code sign} × the history entries matching {@code where} to their counts, under {@code responsible}:
     * the subject's column or a number (never user text), then not grouped by (PostgreSQL refuses a constant in
     * GROUP BY, and takes a bare number there for a column's position).
     */
    private void count(String where, String responsible, int sign) {
        Dialect dialect = Dialect.of(em);
        String day = dialect.saoPauloDay("c.changed_at");
        List<String> groups = new ArrayList<>(List.of(day, "c.to_stage_id"));
        if (responsible.equals(RESPONSIBLE)) {
            groups.add(responsible);
        }
        String counted = "select " + day + " as entered_on, c.to_stage_id as stage_id, " + responsible
                + " as responsible_id, " + sign + " * count(*) as entered, "
                + sign + " * sum(case when c.advanced then 1 else 0 end) as advanced, "
                + sign + " * count(c.left_at) as left_stage, "
                + sign + " * coalesce(sum(extract(epoch from c.left_at) - extract(epoch from c.changed_at)), 0) "
                + "as stay_seconds from crm_stage_change c join crm_subject s on s.id = c.subject_id "
                + "where c.to_stage_id is not null and " + where + " group by " + String.join(", ", groups);
        em.createNativeQuery(ActivityDays.upsert(dialect, "crm_stage_day", KEYS, COUNTERS, counted)).executeUpdate();
    }
}
