package br.com.crm.subject.boundary;

import br.com.crm.activity.control.ActivityDays;
import br.com.crm.business.BusinessException;
import br.com.crm.customer.boundary.Customers;
import br.com.crm.customer.entity.ContactStatus;
import br.com.crm.customer.entity.Customer;
import br.com.crm.funnel.boundary.FunnelChanged;
import br.com.crm.funnel.boundary.Stages;
import br.com.crm.funnel.control.StageTotals;
import br.com.crm.funnel.control.StageTotals.Placement;
import br.com.crm.funnel.entity.LostReason;
import br.com.crm.funnel.entity.Stage;
import br.com.crm.security.boundary.CurrentCaller;
import br.com.crm.security.boundary.Users;
import br.com.crm.security.entity.Roles;
import br.com.crm.security.entity.User;
import br.com.crm.subject.entity.Outcome;
import br.com.crm.subject.entity.StageChange;
import br.com.crm.subject.entity.Subject;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

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
    Stages stages;

    @Inject
    Customers customers;

    @Inject
    Users users;

    @Inject
    CurrentCaller caller;

    @Inject
    StageTotals totals;

    @Inject
    ActivityDays activityDays;

    @Inject
    br.com.crm.tag.boundary.Tags tags;

    @Inject
    Event<FunnelChanged> funnelChanged;

    Clock clock = Clock.systemUTC();

    /** Creates the subject in the given stage (default: the first) and records its entry there. */
    public Subject create(@NotNull @Valid Form form) {
        Stage stage = form.stageId() == null ? stages.list().get(0) : stages.find(form.stageId());
        if (stages.isClosing(stage)) {
            throw new BusinessException(BusinessException.Kind.INVALID, "subject.create.notInClosingStage",
                    "stageId");
        }
        OffsetDateTime now = now();
        String by = caller.name();
        Subject subject = new Subject(form.title(), customers.find(form.customerId()), stage,
                responsible(form.responsible()), now, by);
        subject.edit(form.title(), subject.getCustomer(), subject.getResponsible(), form.amount(),
                form.expectedClose(), form.description(), now, by);
        em.persist(subject);
        em.persist(subject.firstStageChange());
        totals.replace(null, Placement.of(subject));
        changed(subject);
        return subject;
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

    @RolesAllowed({Roles.ADMIN, Roles.USER, Roles.VIEWER})
    public List<StageChange> history(long id) {
        return em.createNamedQuery(StageChange.OF_SUBJECT, StageChange.class).setParameter("subject", id)
                .getResultList();
    }

    /** Edits the form's fields; a different stage in the form moves the subject too (not into the closing stage). */
    public Subject edit(long id, long version, @NotNull @Valid Form form) {
        return change(id, version, (subject, now, by) -> {
            Customer customer = customers.find(form.customerId());
            subject.edit(form.title(), customer, responsible(form.responsible()),
                    form.amount(), form.expectedClose(), form.description(), now, by);
            if (form.contactStatus() != null) {
                customer.changeContactStatus(form.contactStatus());
            }
            if (form.stageId() != null && !form.stageId().equals(subject.getStage().getId())) {
                Stage target = stages.find(form.stageId());
                record(subject.moveTo(target, stages.isClosing(target), null, null, now, by));
            }
        });
    }

    /**
     * Moves the subject to a stage; into the closing stage with an outcome (and a lost reason when lost), all in
     * this one transaction.
     */
    public Subject move(long id, long version, long stageId, Outcome outcome, Long lostReasonId) {
        return change(id, version, (subject, now, by) -> {
            Stage target = stages.find(stageId);
            LostReason reason = outcome == Outcome.LOST && lostReasonId != null
                    ? stages.lostReason(lostReasonId) : null;
            record(subject.moveTo(target, stages.isClosing(target), outcome, reason, now, by));
        });
    }

    /** Changes the contact status of the subject's customer, from the subject. */
    public Subject changeContactStatus(long id, long version, @NotNull ContactStatus status) {
        Subject subject = current(id, version);
        customers.changeContactStatus(subject.getCustomer().getId(), status);
        return subject;
    }

    /** Puts exactly these tags on the subject (none removes them all). */
    public Subject tag(long id, long version, @NotNull java.util.Collection<Long> tagIds) {
        List<br.com.crm.tag.entity.Tag> chosen = tags.find(tagIds);
        return change(id, version, (subject, now, by) -> subject.tagWith(chosen, now, by));
    }

    public Subject archive(long id, long version) {
        return change(id, version, Subject::archive);
    }

    public Subject unarchive(long id, long version) {
        return change(id, version, Subject::unarchive);
    }

    /** Removes the subject and its history for ever. */
    public void delete(long id, long version) {
        Subject subject = current(id, version);
        totals.replace(Placement.of(subject), null);
        activityDays.removeSubjects(List.of(id));
        em.remove(subject);
        flush();
        funnelChanged.fire(new FunnelChanged(id));
    }

    /** One change of a subject the user saw at {@code version}; the column totals follow it. */
    @FunctionalInterface
    private interface Change {
        void apply(Subject subject, OffsetDateTime now, String by);
    }

    private Subject change(long id, long version, Change change) {
        Subject subject = current(id, version);
        Placement before = Placement.of(subject);
        long stageBefore = subject.getStage().getId();
        Outcome outcomeBefore = subject.getOutcome();
        change.apply(subject, now(), caller.name());
        totals.replace(before, Placement.of(subject));
        saved(subject);
        if (stageBefore != subject.getStage().getId() || outcomeBefore != subject.getOutcome()) {
            activityDays.subjectMoved(id, stageBefore,
                    outcomeBefore == null ? StageTotals.OPEN : outcomeBefore.name());
        }
        return subject;
    }

    private Subject current(long id, long version) {
        Subject subject = em.find(Subject.class, id);
        if (subject == null) {
            throw BusinessException.notFound("subject", id);
        }
        subject.checkVersion(version);
        return subject;
    }

    private User responsible(String username) {
        return users.find(username)
                .filter(User::isActive)
                .orElseThrow(() -> new BusinessException(BusinessException.Kind.INVALID, "subject.responsible.unknown",
                        "responsible", username));
    }

    private void record(StageChange change) {
        if (change != null) {
            em.persist(change);
        }
    }

    private Subject saved(Subject subject) {
        flush();
        changed(subject);
        return subject;
    }

    /** A concurrent commit of the same subject surfaces here, as a stale copy, not as a server error. */
    private void flush() {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw BusinessException.stale("subject");
        }
    }

    private void changed(Subject subject) {
        funnelChanged.fire(new FunnelChanged(subject.getId()));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
