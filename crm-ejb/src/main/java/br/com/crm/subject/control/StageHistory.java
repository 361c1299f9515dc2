package br.com.crm.subject.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;

/**
 * The facts each stage history entry keeps for the stage report once its subject moves on: when the subject left
 * the stage ({@code left_at}, the next entry's time) and whether it later entered a stage placed after it
 * ({@code advanced}, by the stages' order at that time). Written in the transaction of the move, after its entry,
 * set-based over the moved subjects (by {@code crm_stage_change_subject_ix}), so the report counts one range of
 * entries instead of reading each subject's whole history.
 */
@ApplicationScoped
public class StageHistory {

    @PersistenceContext
    EntityManager em;

    /**
     * The subjects entered their present stage at {@code at}, and that entry is in the database (flushed): the
     * entry they were in before was left then, and every earlier one placed before their stage now advanced.
     */
    public void moved(Collection<Long> subjectIds, OffsetDateTime at) {
        if (subjectIds.isEmpty()) {
            return;
        }
        String subjects = "c.subject_id in (" + SubjectChanges.literals(subjectIds) + ")";
        // The databases keep microseconds (rounded): the new entry's time is never before {@code at} truncated.
        em.createNativeQuery("update crm_stage_change c set left_at = ? where " + subjects
                + " and c.left_at is null and c.changed_at < ?").setParameter(1, at)
                .setParameter(2, at.truncatedTo(ChronoUnit.MICROS)).executeUpdate();
        em.createNativeQuery("update crm_stage_change c set advanced = true where " + subjects
                + " and c.advanced = false and exists (select 1 from crm_subject s "
                + "join crm_stage later on later.id = s.stage_id join crm_stage here on here.id = c.to_stage_id "
                + "where s.id = c.subject_id and later.position > here.position)").executeUpdate();
    }
}
