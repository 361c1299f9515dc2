package br.com.crm.stage.control;

import br.com.crm.stage.entity.StageTotal.Placement;
import br.com.crm.stage.entity.StageTotal;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Keeps {@code crm_stage_total} (each column's count and sum) in step with the subjects, inside the caller's
 * transaction: the subjects' one write path ({@code SubjectChanges}) moves a subject's count with {@link #replace}
 * and a bulk change's with {@link #shift}. Reading the board is then a handful of rows, whatever the number of subjects.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class StageTotals {

    @PersistenceContext
    EntityManager em;

    /** The subject counted at {@code before} now counts at {@code after} (either may be {@code null}). */
    public void replace(Placement before, Placement after) {
        if (Objects.equals(before, after)) {
            return;
        }
        if (before != null) {
            add(before, -1, before.amount().negate());
        }
        if (after != null) {
            add(after, 1, after.amount());
        }
    }

    /** Adds {@code subjects} subjects worth {@code amount} to a group (negative to take them away). */
    public void shift(long stageId, String outcome, long subjects, BigDecimal amount) {
        if (subjects != 0 || amount.signum() != 0) {
            add(new Placement(stageId, outcome, amount), subjects, amount);
        }
    }

    /** The three groups of a new stage. */
    public void open(long stageId) {
        for (String outcome : new String[]{StageTotal.OPEN, "WON", "LOST"}) {
            em.createNativeQuery("insert into crm_stage_total (stage_id, outcome, subjects, amount) values (?, ?, 0, 0)")
                    .setParameter(1, stageId).setParameter(2, outcome).executeUpdate();
        }
    }

    private void add(Placement placement, long subjects, BigDecimal amount) {
        em.createNativeQuery("update crm_stage_total set subjects = subjects + ?, amount = amount + ? "
                        + "where stage_id = ? and outcome = ?")
                .setParameter(1, subjects).setParameter(2, amount)
                .setParameter(3, placement.stageId()).setParameter(4, placement.outcome())
                .executeUpdate();
    }
}
