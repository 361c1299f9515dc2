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
 * set-based over the moved subjects by index, so the report counts one range of entries instead of reading each
 * subject's whole history.
 */
@ApplicationScoped
public class StageHistory {

    @PersistenceContext
    EntityManager em;

    /**
     * The subjects entered a stage at position {@code position} at {@code at}: the entry each was in before was
     * left then, and every earlier entry placed before that stage has advanced. Both read by index, whether or not
     * the new entries are in the database yet (they are at {@code at} and at {@code position}).
     */
    public void moved(Collection<Long> subjectIds, OffsetDateTime at, int position) {
        if (subjectIds.isEmpty()) {
            return;
        }
        String subjects = "subject_id in (" + SubjectChanges.literals(subjectIds) + ")";
        // The databases keep microseconds (rounded): the new entry's time is never before {@code at} truncated.
        em.createNativeQuery("update crm_stage_change set left_at = ? where " + subjects
                + " and left_at is null and changed_at < ?").setParameter(1, at)
                .setParameter(2, at.truncatedTo(ChronoUnit.MICROS)).executeUpdate();
        em.createNativeQuery("update crm_stage_change set advanced = true where " + subjects
                + " and advanced = false and to_position < ?").setParameter(1, position).executeUpdate();
    }
}
