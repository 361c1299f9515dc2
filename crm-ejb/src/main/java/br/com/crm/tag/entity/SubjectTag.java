package br.com.crm.tag.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/**
 * A row of {@code crm_subject_tag} (a tag on a subject), read-only: written through {@code Subject.tags}. It lets
 * a filter ask "has one of these tags" straight on the link table's index, without joining subjects and tags again.
 */
@Entity
@Table(name = "crm_subject_tag")
@IdClass(SubjectTag.Key.class)
public class SubjectTag {

    /** The composite key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private Long subjectId;
        private Long tagId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(subjectId, k.subjectId) && Objects.equals(tagId, k.tagId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(subjectId, tagId);
        }
    }

    @Id
    @Column(name = "subject_id")
    private Long subjectId;

    @Id
    @Column(name = "tag_id")
    private Long tagId;

    protected SubjectTag() {
        // for JPA; never created by the application
    }

    public Long getSubjectId() {
        return subjectId;
    }

    public Long getTagId() {
        return tagId;
    }
}
