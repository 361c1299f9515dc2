package br.com.crm.subject.entity;

import br.com.crm.stage.entity.Stage;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;

/**
 * One entry of a subject's stage history: from where to where, by whom, when. Never changed once written, but for
 * the two facts the report keeps beside it as the subject moves on ({@code left_at}, {@code advanced}: not mapped,
 * written by {@code StageHistory}).
 */
@Entity
@Table(name = "crm_stage_change")
@NamedQuery(name = StageChange.OF_SUBJECT,
        query = "select c from StageChange c where c.subject.id = :subject order by c.changedAt desc, c.id desc")
public class StageChange implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String OF_SUBJECT = "StageChange.ofSubject";

    @Id
    @SequenceGenerator(name = "crm_stage_change_seq", sequenceName = "crm_stage_change_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crm_stage_change_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "subject_id", nullable = false, updatable = false)
    private Subject subject;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "from_stage_id", updatable = false)
    private Stage from;

    @Column(name = "from_stage_name", length = Stage.DESCRIPTION_LENGTH, updatable = false)
    private String fromName;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "to_stage_id", updatable = false)
    private Stage to;

    @Column(name = "to_stage_name", nullable = false, length = Stage.DESCRIPTION_LENGTH, updatable = false)
    private String toName;

    /** The stage's position when the subject entered it: what "advanced further" is measured by. */
    @Column(name = "to_position", updatable = false)
    private Integer toPosition;

    @Enumerated(EnumType.STRING)
    @Column(length = 4, updatable = false)
    private Outcome outcome;

    @Column(name = "changed_at", nullable = false, updatable = false)
    private OffsetDateTime changedAt;

    @Column(name = "changed_by", nullable = false, length = 60, updatable = false)
    private String changedBy;

    protected StageChange() {
        // for JPA
    }

    StageChange(Subject subject, Stage from, Stage to, Outcome outcome, OffsetDateTime at, String by) {
        this.subject = subject;
        this.from = from;
        this.fromName = from == null ? null : from.getDescription();
        this.to = to;
        this.toName = to.getDescription();
        this.toPosition = to.getPosition();
        this.outcome = outcome;
        this.changedAt = at;
        this.changedBy = by;
    }

    public Long getId() {
        return id;
    }

    public String getFromName() {
        return fromName;
    }

    public String getToName() {
        return toName;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public OffsetDateTime getChangedAt() {
        return changedAt;
    }

    public String getChangedBy() {
        return changedBy;
    }
}
