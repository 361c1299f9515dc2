package br.com.crm.subject.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Collection;

/**
 * The facts each stage history entry keeps for the stage report once its subject moves on: when the subject left
 * the stage ({@code left_at}, the next entry's time) and whether it later entered a stage placed after it
 * ({@code advanced}, by the stages' order at that time). Written in the transaction of the move, after its entry,
 * set-based over the moved subjects' histories (a few rows each, by {@code crm_stage_change_subject_ix}), so the
 * report counts one range of entries instead of reading each subject's whole history.
 */
@ApplicationScoped
public class StageHistory {

    /** {@code n} comes after {@code c} in the subject's history. */
    private static final String LATER = "n.subject_id = c.subject_id "
            + "and (n.changed_at > c.changed_at or (n.changed_at = c.changed_at and n.id > c.id))";

    @PersistenceContext
    EntityManager em;

    /** Brings the facts of the subjects' entries up to date with their history in the database (flushed). */
    public void moved(Collection<Long> subjectIds) {
        if (subjectIds.isEmpty()) {
            return;
        }
        String subjects = "c.subject_id in (" + SubjectChanges.literals(subjectIds) + ")";
        em.createNativeQuery("update crm_stage_change c set left_at = (select min(n.changed_at) "
                + "from crm_stage_change n where " + LATER + ") where " + subjects + " and c.left_at is null "
                + "and exists (select 1 from crm_stage_change n where " + LATER + ")").executeUpdate();
        em.createNativeQuery("update crm_stage_change c set advanced = true where " + subjects
                + " and c.advanced = false and exists (select 1 from crm_stage_change n "
                + "join crm_stage later on later.id = n.to_stage_id join crm_stage here on here.id = c.to_stage_id "
                + "where " + LATER + " and later.position > here.position)").executeUpdate();
    }
}
