package br.com.crm.funnel.control;

import br.com.crm.subject.entity.Subject;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Keeps {@code crm_stage_total} (each column's count and sum) in step with the subjects, inside the caller's
 * transaction: every change of a subject's stage, outcome, value, archiving or existence goes through
 * {@link #replace}. Reading the board is then a handful of rows, whatever the number of subjects.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class StageTotals {

    public static final String OPEN = "OPEN";

    @PersistenceContext
    EntityManager em;

    /** Where a subject counts: its stage, outcome group and value; {@code null} when it does not count. */
    public record Placement(long stageId, String outcome, BigDecimal amount) {

        public static Placement of(Subject subject) {
            if (subject == null || subject.isArchived()) {
                return null;
            }
            return new Placement(subject.getStage().getId(),
                    subject.getOutcome() == null ? OPEN : subject.getOutcome().name(),
                    subject.getAmount() == null ? BigDecimal.ZERO : subject.getAmount());
        }
    }

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
        for (String outcome : new String[]{OPEN, "WON", "LOST"}) {
            em.createNativeQuery("insert into crm_stage_total (stage_id, outcome, subjects, amount) values (?, ?, 0, 0)")
                    .setParameter(1, stageId).setParameter(2, outcome).executeUpdate();
        }
    }

    /** Recounts everything from the subjects: after loading data outside the boundaries (demo data, imports). */
    public void recount() {
        em.createNativeQuery("update crm_stage_total set "
                + "subjects = (select count(*) from crm_subject s where s.stage_id = crm_stage_total.stage_id "
                + "and s.archived = false and coalesce(s.outcome, 'OPEN') = crm_stage_total.outcome), "
                + "amount = (select coalesce(sum(s.amount), 0) from crm_subject s "
                + "where s.stage_id = crm_stage_total.stage_id and s.archived = false "
                + "and coalesce(s.outcome, 'OPEN') = crm_stage_total.outcome)").executeUpdate();
    }

    private void add(Placement placement, long subjects, BigDecimal amount) {
        em.createNativeQuery("update crm_stage_total set subjects = subjects + ?, amount = amount + ? "
                        + "where stage_id = ? and outcome = ?")
                .setParameter(1, subjects).setParameter(2, amount)
                .setParameter(3, placement.stageId()).setParameter(4, placement.outcome())
                .executeUpdate();
    }
}
