package br.com.crm.activity.entity;

import br.com.crm.kernel.BusinessException;
import br.com.crm.security.entity.User;
import br.com.crm.subject.entity.Subject;
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
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.io.Serializable;
import java.time.OffsetDateTime;

/**
 * Something to do or done about a subject, and when: call the customer, send a proposal. Open until marked done
 * (with when and a short result); a done activity can be reopened.
 */
@Entity
@Table(name = "crm_activity")
public class Activity implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int DESCRIPTION_LENGTH = 2000;
    public static final int RESULT_LENGTH = 500;

    @Id
    @SequenceGenerator(name = "crm_activity_seq", sequenceName = "crm_activity_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crm_activity_seq")
    private Long id;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "subject_id", nullable = false, updatable = false)
    private Subject subject;

    @Column(name = "subject_id", insertable = false, updatable = false)
    private Long subjectId;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private ActivityKind kind;

    @NotBlank
    @Size(max = DESCRIPTION_LENGTH)
    @Column(nullable = false, length = DESCRIPTION_LENGTH)
    private String description;

    @NotNull
    @Column(name = "due_at", nullable = false)
    private OffsetDateTime dueAt;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "responsible_id", nullable = false)
    private User responsible;

    @Column(name = "done_at")
    private OffsetDateTime doneAt;

    @Size(max = RESULT_LENGTH)
    @Column(length = RESULT_LENGTH)
    private String result;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false, length = 60, updatable = false)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false, length = 60)
    private String updatedBy;

    @Version
    private long version;

    protected Activity() {
        // for JPA
    }

    public Activity(Subject subject, ActivityKind kind, String description, OffsetDateTime dueAt, User responsible,
                    OffsetDateTime at, String by) {
        this.subject = subject;
        this.subjectId = subject.getId();
        this.createdAt = at;
        this.createdBy = by;
        edit(kind, description, dueAt, responsible, at, by);
    }

    /** Kind, description, due date and responsible; rescheduling is an edit of the due date. */
    public void edit(ActivityKind kind, String description, OffsetDateTime dueAt, User responsible,
                     OffsetDateTime at, String by) {
        this.kind = kind;
        this.description = description == null ? null : description.strip();
        this.dueAt = dueAt;
        this.responsible = responsible;
        touch(at, by);
    }

    /** Marks the activity done, when it was done (default now) and how it went. */
    public void complete(OffsetDateTime doneAt, String result, OffsetDateTime at, String by) {
        if (this.doneAt != null) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "activity.done.already", null);
        }
        this.doneAt = doneAt == null ? at : doneAt;
        this.result = result == null || result.isBlank() ? null : result.strip();
        touch(at, by);
    }

    public void reopen(OffsetDateTime at, String by) {
        if (doneAt != null) {
            doneAt = null;
            result = null;
            touch(at, by);
        }
    }

    /** The caller's copy must be the current one: no silent overwrite of a colleague's change. */
    public void checkVersion(long expected) {
        if (expected != version) {
            throw BusinessException.stale("activity");
        }
    }

    private void touch(OffsetDateTime at, String by) {
        this.updatedAt = at;
        this.updatedBy = by;
    }

    public boolean isDone() {
        return doneAt != null;
    }

    public Long getId() {
        return id;
    }

    public Subject getSubject() {
        return subject;
    }

    public Long getSubjectId() {
        return subjectId;
    }

    public ActivityKind getKind() {
        return kind;
    }

    public String getDescription() {
        return description;
    }

    public OffsetDateTime getDueAt() {
        return dueAt;
    }

    public User getResponsible() {
        return responsible;
    }

    public OffsetDateTime getDoneAt() {
        return doneAt;
    }

    public String getResult() {
        return result;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Activity other && id != null && id.equals(other.id));
    }

    @Override
    public int hashCode() {
        return Activity.class.hashCode();
    }
}
