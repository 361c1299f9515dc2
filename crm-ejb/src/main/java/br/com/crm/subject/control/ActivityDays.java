package br.com.crm.subject.control;

import br.com.crm.database.control.Dialect;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * Done activities counted by São Paulo day, kind, responsible, and the stage and outcome of their subject
 * ({@code crm_activity_day}): the CRM report reads these counts instead of millions of activities. And open
 * activities counted by São Paulo due day and responsible ({@code crm_activity_due}): the funnel header's overdue
 * and due-today figures.
 * <p>
 * The counts change in the transaction of every change that moves a done activity from one count to another:
 * completing, reopening, editing or deleting an activity, moving, closing or deleting its subject. Each change takes
 * the activity out of its count as it was and puts it into its count as it is, both set-based; so concurrent changes
 * add up instead of overwriting each other (PostgreSQL's {@code on conflict}, H2's {@code merge}).
 */
@ApplicationScoped
public class ActivityDays {

    private static final String STAGE = "s.stage_id";
    private static final String OUTCOME = "coalesce(s.outcome, 'OPEN')";

    @PersistenceContext
    EntityManager em;

    /** Counts the activity as it is in the database now, done or open. */
    public void add(long activityId) {
        count("a.id = " + activityId, STAGE, OUTCOME, 1);
        countOpen("a.id = " + activityId, 1);
    }

    /** Takes the activity out of its count, as it is in the database now; call before changing it. */
    public void remove(long activityId) {
        count("a.id = " + activityId, STAGE, OUTCOME, -1);
        countOpen("a.id = " + activityId, -1);
    }

    /** Counts the subjects' activities, the done ones under the subjects' stage and outcome in the database now. */
    public void addSubjects(Collection<Long> subjectIds) {
        if (!subjectIds.isEmpty()) {
            String subjects = "a.subject_id in (" + SubjectChanges.literals(subjectIds) + ")";
            count(subjects, STAGE, OUTCOME, 1);
            countOpen(subjects, 1);
        }
    }

    /** Takes the subjects' activities out of their counts; call before moving or deleting the subjects. */
    public void removeSubjects(Collection<Long> subjectIds) {
        if (!subjectIds.isEmpty()) {
            String subjects = "a.subject_id in (" + SubjectChanges.literals(subjectIds) + ")";
            count(subjects, STAGE, OUTCOME, -1);
            countOpen(subjects, -1);
        }
    }

    /**
     * The subject, already moved in the database, was at {@code fromStage} with {@code fromOutcome} ({@code OPEN}
     * or an outcome's name): its done activities move from that count to the one of its stage now.
     */
    public void subjectMoved(long subjectId, long fromStage, String fromOutcome) {
        if (!fromOutcome.matches("[A-Z]+")) {
            throw new IllegalArgumentException("Not an outcome: " + fromOutcome);
        }
        String subject = "a.subject_id = " + subjectId;
        count(subject, String.valueOf(fromStage), "'" + fromOutcome + "'", -1);
        count(subject, STAGE, OUTCOME, 1);
    }

    /**
     * Adds {@code sign} × the done activities matching {@code where} to their counts; {@code stage} and
     * {@code outcome} are the subject's columns or the values to count under instead (numbers and enum names
     * only, never user text).
     */
    private void count(String where, String stage, String outcome, int sign) {
        Dialect dialect = Dialect.of(em);
        String day = dialect.saoPauloDay("a.done_at");
        List<String> groups = new ArrayList<>(List.of(day, "a.kind", "a.responsible_id"));
        if (stage.equals(STAGE)) {
            groups.add(stage);
        }
        if (outcome.equals(OUTCOME)) {
            groups.add(outcome);
        }
        String counted = "select " + day + " as done_on, a.kind as kind, a.responsible_id as responsible_id, "
                + stage + " as stage_id, " + outcome + " as outcome, " + sign + " * count(*) as done_count "
                + "from crm_activity a join crm_subject s on s.id = a.subject_id "
                + "where a.done_at is not null and " + where + " group by " + String.join(", ", groups);
        em.createNativeQuery(upsert(dialect, "crm_activity_day", List.of("done_on", "kind", "responsible_id",
                "stage_id", "outcome"), List.of("done_count"), counted)).executeUpdate();
    }

    /** Adds {@code sign} × the open activities matching {@code where} to their counts. */
    private void countOpen(String where, int sign) {
        Dialect dialect = Dialect.of(em);
        String day = dialect.saoPauloDay("a.due_at");
        String counted = "select " + day + " as due_on, a.responsible_id as responsible_id, " + sign
                + " * count(*) as open_count from crm_activity a where a.done_at is null and " + where
                + " group by " + day + ", a.responsible_id";
        em.createNativeQuery(upsert(dialect, "crm_activity_due", List.of("due_on", "responsible_id"),
                List.of("open_count"), counted)).executeUpdate();
    }

    /**
     * Adds the counted rows ({@code keys} and {@code counters}, named as the table's columns) to the table's rows of
     * the same key, inserting the keys it does not hold yet.
     */
    static String upsert(Dialect dialect, String table, List<String> keys, List<String> counters, String counted) {
        String columns = String.join(", ", keys) + ", " + String.join(", ", counters);
        if (dialect == Dialect.POSTGRESQL) {
            return "insert into " + table + " (" + columns + ") " + counted + " on conflict (" + String.join(", ", keys)
                    + ") do update set " + String.join(", ", counters.stream()
                    .map(c -> c + " = " + table + "." + c + " + excluded." + c).toList());
        }
        return "merge into " + table + " t using (" + counted + ") x on "
                + String.join(" and ", keys.stream().map(k -> "t." + k + " = x." + k).toList())
                + " when matched then update set " + String.join(", ", counters.stream()
                .map(c -> "t." + c + " = t." + c + " + x." + c).toList())
                + " when not matched then insert (" + columns + ") values ("
                + String.join(", ", Stream.concat(keys.stream(), counters.stream()).map(k -> "x." + k).toList())
                + ")";
    }
}
