package br.com.crm.subject.boundary;

import br.com.crm.customer.control.CustomerRegistry;
import br.com.crm.customer.entity.ContactStatus;
import br.com.crm.customer.entity.Customer;
import br.com.crm.kernel.BusinessException;
import br.com.crm.kernel.Change;
import br.com.crm.security.control.Accounts;
import br.com.crm.security.entity.Roles;
import br.com.crm.security.entity.User;
import br.com.crm.stage.control.StageFinder;
import br.com.crm.stage.entity.LostReason;
import br.com.crm.stage.entity.Stage;
import br.com.crm.subject.control.SubjectChanges;
import br.com.crm.subject.entity.Outcome;
import br.com.crm.subject.entity.StageChange;
import br.com.crm.subject.entity.Subject;
import br.com.crm.tag.control.TagFinder;
import br.com.crm.tag.entity.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Working on subjects: create, edit, move through the funnel (closing as won or lost), archive, delete. One call is
 * one transaction; every change names the version it was made on, so a colleague's change in between is refused,
 * never overwritten. Viewers may read only.
 */
@Stateless
@RolesAllowed({Roles.ADMIN, Roles.USER})
public class Subjects {

    /** What a user fills in to create or edit a subject. */
    public record Form(
            @NotBlank @Size(max = Subject.TITLE_LENGTH) String title,
            @NotNull Long customerId,
            Long stageId,
            @NotBlank String responsible,
            @DecimalMin("0.00") @Digits(integer = 13, fraction = 2) BigDecimal amount,
            LocalDate expectedClose,
            @Size(max = Subject.DESCRIPTION_LENGTH) String description,
            ContactStatus contactStatus) {

        /** Without the customer's contact status (left as it is). */
        public Form(String title, Long customerId, Long stageId, String responsible, BigDecimal amount,
                    LocalDate expectedClose, String description) {
            this(title, customerId, stageId, responsible, amount, expectedClose, description, null);
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    SubjectChanges changes;

    @Inject
    StageFinder stages;

    @Inject
    CustomerRegistry customers;

    @Inject
    Accounts accounts;

    @Inject
    TagFinder tags;

    /** Creates the subject in the given stage (default: the first) and records its entry there. */
    public Subject create(@NotNull @Valid Form form) {
        Stage stage = form.stageId() == null ? stages.first() : stages.find(form.stageId());
        return changes.created(Subject.open(form.title(), customers.find(form.customerId()), stage,
                responsible(form.responsible()), form.amount(), form.expectedClose(), form.description(),
                changes.now(), changes.by()));
    }

    @RolesAllowed({Roles.ADMIN, Roles.USER, Roles.VIEWER})
    public Subject find(long id) {
        return em.createQuery("select s from Subject s join fetch s.customer join fetch s.stage "
                        + "join fetch s.responsible left join fetch s.lostReason left join fetch s.tags "
                        + "where s.id = :id", Subject.class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> BusinessException.notFound("subject", id));
    }

    /**
     * How many active, open subjects each of these users is responsible for (for the users list: a deactivated
     * user's are orphaned until someone takes them over). Users with none are left out.
     */
    @RolesAllowed(Roles.ADMIN)
    public Map<Long, Long> openCountsOf(Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Long> counts = new HashMap<>();
        em.createQuery("select s.responsible.id, count(s) from Subject s where s.responsible.id in :ids "
                        + "and s.archived = false and s.outcome is null group by s.responsible.id", Object[].class)
                .setParameter("ids", userIds).getResultList()
                .forEach(row -> counts.put((Long) row[0], (Long) row[1]));
        return counts;
    }

    @RolesAllowed({Roles.ADMIN, Roles.USER, Roles.VIEWER})
    public List<StageChange> history(long id) {
        return em.createNamedQuery(StageChange.OF_SUBJECT, StageChange.class).setParameter("subject", id)
                .getResultList();
    }

    /** Edits the form's fields; a different stage in the form moves the subject too (not into the closing stage). */
    public Subject edit(long id, long version, @NotNull @Valid Form form) {
        return changes.change(id, version, Change.Kind.SUBJECT_EDITED, (subject, now, by) -> {
            Customer customer = customers.find(form.customerId());
            subject.edit(form.title(), customer, responsible(form.responsible()),
                    form.amount(), form.expectedClose(), form.description(), now, by);
            if (form.contactStatus() != null) {
                customer.changeContactStatus(form.contactStatus());
            }
            if (form.stageId() != null && !form.stageId().equals(subject.getStage().getId())) {
                return subject.moveTo(stages.find(form.stageId()), null, null, now, by);
            }
            return null;
        });
    }

    /**
     * Moves the subject to a stage; into the closing stage with an outcome (and a lost reason when lost), all in
     * this one transaction.
     */
    public Subject move(long id, long version, long stageId, Outcome outcome, Long lostReasonId) {
        return changes.change(id, version, Change.Kind.SUBJECT_MOVED, (subject, now, by) -> {
            LostReason reason = outcome == Outcome.LOST && lostReasonId != null
                    ? stages.lostReason(lostReasonId) : null;
            return subject.moveTo(stages.find(stageId), outcome, reason, now, by);
        });
    }

    /** Changes the contact status of the subject's customer, from the subject. */
    public Subject changeContactStatus(long id, long version, @NotNull ContactStatus status) {
        return changes.change(id, version, Change.Kind.SUBJECT_EDITED, (subject, now, by) -> {
            subject.getCustomer().changeContactStatus(status);
            return null;
        });
    }

    /** Puts exactly these tags on the subject (none removes them all). */
    public Subject tag(long id, long version, @NotNull Collection<Long> tagIds) {
        List<Tag> chosen = tags.find(tagIds);
        return changes.change(id, version, Change.Kind.SUBJECT_TAGGED, (subject, now, by) -> {
            subject.tagWith(chosen, now, by);
            return null;
        });
    }

    public Subject archive(long id, long version) {
        return changes.change(id, version, Change.Kind.SUBJECT_ARCHIVED, (subject, now, by) -> {
            subject.archive(now, by);
            return null;
        });
    }

    public Subject unarchive(long id, long version) {
        return changes.change(id, version, Change.Kind.SUBJECT_UNARCHIVED, (subject, now, by) -> {
            subject.unarchive(now, by);
            return null;
        });
    }

    /**
     * Removes the subject and its history for ever: an administrator or the subject's responsible; one that sent
     * proposals or e-mails only when an administrator {@code confirmed} it.
     */
    public void delete(long id, long version, boolean confirmed) {
        changes.delete(id, version, confirmed);
    }

    private User responsible(String username) {
        return accounts.active(username, "subject.responsible.unknown", "responsible");
    }
}
