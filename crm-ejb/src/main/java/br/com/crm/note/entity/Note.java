package br.com.crm.note.entity;

import br.com.crm.kernel.BusinessException;
import br.com.crm.subject.entity.Subject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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
import jakarta.validation.constraints.Size;

import java.io.Serializable;
import java.time.OffsetDateTime;

/** Free text about a subject's progress. Only its author changes or deletes it. */
@Entity
@Table(name = "crm_note")
public class Note implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int TEXT_LENGTH = 4000;

    @Id
    @SequenceGenerator(name = "crm_note_seq", sequenceName = "crm_note_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crm_note_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "subject_id", nullable = false, updatable = false)
    private Subject subject;

    @Column(name = "subject_id", insertable = false, updatable = false)
    private Long subjectId;

    @NotBlank
    @Size(max = TEXT_LENGTH)
    @Column(nullable = false, length = TEXT_LENGTH)
    private String text;

    @Column(nullable = false, length = 60, updatable = false)
    private String author;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected Note() {
        // for JPA
    }

    public Note(Subject subject, String text, String author, OffsetDateTime at) {
        this.subject = subject;
        this.subjectId = subject.getId();
        this.text = clean(text);
        this.author = author;
        this.createdAt = at;
        this.updatedAt = at;
    }

    /** A new text, by its author only, on the version the author saw. */
    public void rewrite(String text, String by, long expectedVersion, OffsetDateTime at) {
        checkAuthorAndVersion(by, expectedVersion);
        this.text = clean(text);
        this.updatedAt = at;
    }

    /** Only the author may change or delete a note, and only the copy they saw. */
    public void checkAuthorAndVersion(String by, long expectedVersion) {
        if (!author.equals(by)) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "note.notAuthor", null);
        }
        if (expectedVersion != version) {
            throw BusinessException.stale("note");
        }
    }

    private static String clean(String text) {
        return text == null ? null : text.strip();
    }

    public Long getId() {
        return id;
    }

    public Long getSubjectId() {
        return subjectId;
    }

    public String getText() {
        return text;
    }

    public String getAuthor() {
        return author;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Note other && id != null && id.equals(other.id));
    }

    @Override
    public int hashCode() {
        return Note.class.hashCode();
    }
}
