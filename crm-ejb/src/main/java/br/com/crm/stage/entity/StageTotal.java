package br.com.crm.stage.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One column's count and sum for one outcome group (OPEN, WON, LOST), as {@code StageTotals} keeps them. Read
 * here, never written through JPA.
 */
@Entity
@Table(name = "crm_stage_total")
@IdClass(StageTotal.Key.class)
public class StageTotal {

    /** The group of subjects not (yet) closed; the closing stage's other two are the outcomes' names. */
    public static final String OPEN = "OPEN";

    /** Where a subject counts: its stage, outcome group ({@link #OPEN} or the outcome's name) and value. */
    public record Placement(long stageId, String outcome, BigDecimal amount) {
    }

    /** The composite key: stage and outcome group. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private Long stageId;
        private String outcome;

        public Key() {
            // for JPA
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(stageId, k.stageId) && Objects.equals(outcome, k.outcome);
        }

        @Override
        public int hashCode() {
            return Objects.hash(stageId, outcome);
        }
    }

    @Id
    @Column(name = "stage_id")
    private Long stageId;

    @Id
    @Column(length = 4)
    private String outcome;

    @Column(nullable = false)
    private long subjects;

    @Column(nullable = false, precision = 17, scale = 2)
    private BigDecimal amount;

    protected StageTotal() {
        // for JPA
    }

    public Long getStageId() {
        return stageId;
    }

    /** OPEN, WON or LOST. */
    public String getOutcome() {
        return outcome;
    }

    public long getSubjects() {
        return subjects;
    }

    public BigDecimal getAmount() {
        return amount;
    }
}
