package br.com.crm.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;

/**
 * One entry of the audit trail, as read. Entries are written only by {@code AuditTrail} with plain inserts (a bulk
 * action writes hundreds at once) and never changed: the database refuses it.
 */
@Entity
@Table(name = "crm_audit")
public class AuditEntry implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    private Long id;

    @Column(nullable = false)
    private OffsetDateTime at;

    @Column(nullable = false)
    private String actor;

    @Column(nullable = false)
    private String action;

    @Column(nullable = false)
    private String entity;

    @Column(name = "entity_id")
    private Long entityId;

    @Column(name = "subject_id")
    private Long subjectId;

    private String summary;

    /** The changed fields as a JSON object of {@code [before, after]} pairs, or {@code null}. */
    private String changes;

    @Column(nullable = false)
    private String origin;

    private String address;

    protected AuditEntry() {
        // for JPA
    }

    public Long getId() {
        return id;
    }

    public OffsetDateTime getAt() {
        return at;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getEntity() {
        return entity;
    }

    public Long getEntityId() {
        return entityId;
    }

    public Long getSubjectId() {
        return subjectId;
    }

    public String getSummary() {
        return summary;
    }

    public String getChanges() {
        return changes;
    }

    public String getOrigin() {
        return origin;
    }

    public String getAddress() {
        return address;
    }
}
