package br.com.crm.note.boundary;

import br.com.crm.kernel.BusinessException;
import br.com.crm.kernel.Change;
import br.com.crm.kernel.Changes;
import br.com.crm.note.entity.Note;
import br.com.crm.security.control.CurrentCaller;
import br.com.crm.security.entity.Roles;
import br.com.crm.subject.control.SubjectChanges;
import br.com.crm.subject.entity.Subject;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/** Notes on a subject: anyone who works on subjects adds them; only the author edits or deletes one. */
@Stateless
@RolesAllowed({Roles.ADMIN, Roles.USER})
public class Notes {

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentCaller caller;

    @Inject
    SubjectChanges changes;

    @Inject
    Changes events;

    Clock clock = Clock.systemUTC();

    public Note add(long subjectId, @NotBlank @Size(max = Note.TEXT_LENGTH) String text) {
        Subject subject = em.find(Subject.class, subjectId);
        if (subject == null) {
            throw BusinessException.notFound("subject", subjectId);
        }
        Note note = new Note(subject, text, caller.name(), OffsetDateTime.now(clock));
        em.persist(note);
        em.flush();
        changes.recorded(Change.Kind.NOTE_ADDED, subjectId, note.getId(), note.getCreatedAt());
        return note;
    }

    public Note edit(long id, long version, @NotBlank @Size(max = Note.TEXT_LENGTH) String text) {
        Note note = find(id);
        note.rewrite(text, caller.name(), version, OffsetDateTime.now(clock));
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw BusinessException.stale("note");
        }
        changed(Change.Kind.NOTE_EDITED, note);
        return note;
    }

    public void delete(long id, long version) {
        Note note = find(id);
        note.checkAuthorAndVersion(caller.name(), version);
        em.remove(note);
        changed(Change.Kind.NOTE_DELETED, note);
    }

    @RolesAllowed({Roles.ADMIN, Roles.USER, Roles.VIEWER})
    public Note find(long id) {
        Note note = em.find(Note.class, id);
        if (note == null) {
            throw BusinessException.notFound("note", id);
        }
        return note;
    }

    @RolesAllowed({Roles.ADMIN, Roles.USER, Roles.VIEWER})
    public List<Note> ofSubject(long subjectId) {
        return em.createQuery("select n from Note n where n.subjectId = :subject order by n.createdAt desc, n.id desc",
                Note.class).setParameter("subject", subjectId).getResultList();
    }

    private void changed(Change.Kind kind, Note note) {
        String text = note.getText();
        events.fire(kind, List.of(note.getSubjectId()), List.of(), note.getId(), caller.name(),
                text.length() <= 100 ? text : text.substring(0, 99) + "…");
    }
}
