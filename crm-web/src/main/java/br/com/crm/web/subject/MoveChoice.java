package br.com.crm.web.subject;

import br.com.crm.subject.entity.Outcome;

import java.io.Serializable;

/**
 * Where a user is moving a subject, as the move fields of the board's dialog and of the subject's page hold it:
 * the stage and, into the closing stage, the outcome and the lost reason.
 */
public class MoveChoice implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long stageId;
    private Outcome outcome;
    private Long lostReason;

    public void reset(Long stageId, Outcome outcome, Long lostReason) {
        this.stageId = stageId;
        this.outcome = outcome;
        this.lostReason = lostReason;
    }

    /** The outcome to save: only a move into the closing stage has one. */
    public Outcome outcomeFor(boolean closing) {
        return closing ? outcome : null;
    }

    /** The lost reason to save: only when closing as lost. */
    public Long lostReasonFor(boolean closing) {
        return closing && outcome == Outcome.LOST ? lostReason : null;
    }

    public Outcome[] getOutcomes() {
        return Outcome.values();
    }

    public Long getStageId() {
        return stageId;
    }

    public void setStageId(Long stageId) {
        this.stageId = stageId;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public void setOutcome(Outcome outcome) {
        this.outcome = outcome;
    }

    public Long getLostReason() {
        return lostReason;
    }

    public void setLostReason(Long lostReason) {
        this.lostReason = lostReason;
    }
}
