package br.com.crm.subject.control;

import br.com.crm.database.control.Dialect;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Done activities counted by São Paulo day, kind, responsible, and the stage and outcome of their subject
 * ({@code crm_activity_day}): the CRM report reads these counts instead of millions of activities.
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

    /** Counts the activity as it is in the database now (nothing when it is not done). */
    public void add(long activityId) {
        count("a.id = " + activityId, STAGE, OUTCOME, 1);
    }

    /** Takes the activity out of its count, as it is in the database now; call before changing it. */
    public void remove(long activityId) {
        count("a.id = " + activityId, STAGE, OUTCOME, -1);
    }

    /** Counts the subjects' done activities, under the subjects' stage and outcome in the database now. */
    public void addSubjects(Collection<Long> subjectIds) {
        if (!subjectIds.isEmpty()) {
            count("a.subject_id in (" + SubjectChanges.literals(subjectIds) + ")", STAGE, OUTCOME, 1);
        }
    }

    /** Takes the subjects' done activities out of their counts; call before moving or deleting the subjects. */
    public void removeSubjects(Collection<Long> subjectIds) {
        if (!subjectIds.isEmpty()) {
            count("a.subject_id in (" + SubjectChanges.literals(subjectIds) + ")", STAGE, OUTCOME, -1);
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
        em.createNativeQuery(upsert(dialect, counted)).executeUpdate();
    }

    /** Adds the counted rows to the table's rows of the same key, inserting the keys it does not hold yet. */
    static String upsert(Dialect dialect, String counted) {
        if (dialect == Dialect.POSTGRESQL) {
            return "insert into crm_activity_day (done_on, kind, responsible_id, stage_id, outcome, done_count) "
                    + counted + " on conflict (done_on, kind, responsible_id, stage_id, outcome) "
                    + "do update set done_count = crm_activity_day.done_count + excluded.done_count";
        }
        return "merge into crm_activity_day t using (" + counted + ") x "
                + "on t.done_on = x.done_on and t.kind = x.kind and t.responsible_id = x.responsible_id "
                + "and t.stage_id = x.stage_id and t.outcome = x.outcome "
                + "when matched then update set t.done_count = t.done_count + x.done_count "
                + "when not matched then insert (done_on, kind, responsible_id, stage_id, outcome, done_count) "
                + "values (x.done_on, x.kind, x.responsible_id, x.stage_id, x.outcome, x.done_count)";
    }
}
