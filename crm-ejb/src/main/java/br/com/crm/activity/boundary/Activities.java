package br.com.crm.activity.boundary;

import br.com.crm.activity.control.DueFigures;
import br.com.crm.activity.control.NextActivities;
import br.com.crm.activity.entity.Activity;
import br.com.crm.activity.entity.ActivityKind;
import br.com.crm.kernel.BusinessCalendar;
import br.com.crm.kernel.BusinessException;
import br.com.crm.kernel.Change;
import br.com.crm.security.control.Accounts;
import br.com.crm.security.entity.Roles;
import br.com.crm.security.entity.User;
import br.com.crm.subject.control.SubjectChanges;
import br.com.crm.subject.entity.Subject;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Working on activities: plan one on a subject, edit or reschedule it, mark it done (and reopen it), delete it;
 * read a subject's activities, a user's agenda, and the next open activity of many subjects at once (a page of
 * cards costs one query). Every change names the version it was made on.
 */
@Stateless
@RolesAllowed({Roles.ADMIN, Roles.USER})
public class Activities {

    /** What a user fills in to plan or edit an activity. */
    public record Form(@NotNull ActivityKind kind,
                       @NotBlank @Size(max = Activity.DESCRIPTION_LENGTH) String description,
                       @NotNull OffsetDateTime dueAt,
                       @NotBlank String responsible) implements Serializable {
    }

    /** A subject's next open activity, as a card or a row shows it. */
    public record Next(long activityId, ActivityKind kind, OffsetDateTime dueAt, String responsible)
            implements Serializable {

        /** {@code overdue}, {@code today} or {@code later}, in the business day's time zone. */
        public String urgency(LocalDate today) {
            return Activities.urgency(dueAt, today);
        }
    }

    /** {@code overdue}, {@code today} or {@code later}: an open activity due at {@code dueAt}, seen on {@code today}. */
    public static String urgency(OffsetDateTime dueAt, LocalDate today) {
        LocalDate due = BusinessCalendar.dayOf(dueAt);
        return due.isBefore(today) ? "overdue" : due.equals(today) ? "today" : "later";
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    SubjectChanges changes;

    @Inject
    DueFigures dueFigures;

    @Inject
    NextActivities nextActivities;

    Clock clock = Clock.systemUTC();

    public Activity create(long subjectId, @NotNull @Valid Form form) {
        Subject subject = em.find(Subject.class, subjectId);
        if (subject == null) {
            throw BusinessException.notFound("subject", subjectId);
        }
        Activity activity = new Activity(subject, form.kind(), form.description(), form.dueAt(),
                responsible(form.responsible()), changes.now(), changes.by());
        changes.activity(Change.Kind.ACTIVITY_PLANNED, subjectId, null, () -> {
            em.persist(activity);
            changes.activityRecorded(subjectId, activity.getCreatedAt());
            em.flush();
            return activity.getId();
        });
        return activity;
    }

    public Activity edit(long id, long version, @NotNull @Valid Form form) {
        Activity activity = current(id, version);
        return change(activity, Change.Kind.ACTIVITY_EDITED, () -> activity.edit(form.kind(), form.description(),
                form.dueAt(), responsible(form.responsible()), changes.now(), changes.by()));
    }

    /** Marks the activity done at {@code doneAt} (now when {@code null}) with a short result. */
    public Activity complete(long id, long version, OffsetDateTime doneAt,
                             @Size(max = Activity.RESULT_LENGTH) String result) {
        Activity activity = current(id, version);
        return change(activity, Change.Kind.ACTIVITY_DONE, () -> {
            activity.complete(doneAt, result, changes.now(), changes.by());
            changes.activityRecorded(activity.getSubjectId(), activity.getDoneAt());
        });
    }

    public Activity reopen(long id, long version) {
        Activity activity = current(id, version);
        return change(activity, Change.Kind.ACTIVITY_REOPENED, () -> activity.reopen(changes.now(), changes.by()));
    }

    public void delete(long id, long version) {
        Activity activity = current(id, version);
        change(activity, Change.Kind.ACTIVITY_DELETED, () -> em.remove(activity));
    }

    @RolesAllowed({Roles.ADMIN, Roles.USER, Roles.VIEWER})
    public Activity find(long id) {
        return em.createQuery("select a from Activity a join fetch a.responsible where a.id = :id", Activity.class)
                .setParameter("id", id).getResultStream().findFirst()
                .orElseThrow(() -> BusinessException.notFound("activity", id));
    }

    /** A subject's activities: open ones first by due date, then done ones, latest first. */
    @RolesAllowed({Roles.ADMIN, Roles.USER, Roles.VIEWER})
    public List<Activity> ofSubject(long subjectId) {
        return em.createQuery("select a from Activity a join fetch a.responsible where a.subjectId = :subject "
                        + "order by case when a.doneAt is null then 0 else 1 end, a.dueAt, a.id", Activity.class)
                .setParameter("subject", subjectId).getResultList();
    }

    /**
     * Activities filtered for the agenda and the API: a user's (or everyone's when {@code null}), open or done
     * ({@code null}: both), due in [from, to) (either may be {@code null}), by due date; at most {@code limit}.
     */
    @RolesAllowed({Roles.ADMIN, Roles.USER, Roles.VIEWER})
    public List<Activity> search(String username, Boolean done, OffsetDateTime from, OffsetDateTime to, int limit) {
        StringBuilder jpql = new StringBuilder("select a from Activity a join fetch a.responsible u "
                + "join fetch a.subject s where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (username != null) {
            jpql.append(" and u.username = :user");
            parameters.put("user", username);
        }
        if (done != null) {
            jpql.append(done ? " and a.doneAt is not null" : " and a.doneAt is null");
        }
        if (from != null) {
            jpql.append(" and a.dueAt >= :from");
            parameters.put("from", from);
        }
        if (to != null) {
            jpql.append(" and a.dueAt < :to");
            parameters.put("to", to);
        }
        var query = em.createQuery(jpql.append(" order by a.dueAt, a.id").toString(), Activity.class);
        parameters.forEach(query::setParameter);
        return query.setMaxResults(Math.min(Math.max(limit, 1), 500)).getResultList();
    }

    /** The next open activity of each of these subjects (none for a subject with nothing planned), in one query. */
    @RolesAllowed({Roles.ADMIN, Roles.USER, Roles.VIEWER})
    public Map<Long, Next> next(Collection<Long> subjectIds) {
        return nextActivities.of(subjectIds);
    }

    /** Everyone's and the caller's open activities overdue and due today, for the funnel header. */
    @RolesAllowed({Roles.ADMIN, Roles.USER, Roles.VIEWER})
    public Map<String, Long> dueFigures() {
        LocalDate today = BusinessCalendar.today(clock);
        return dueFigures.of(changes.by(), today, () -> countDue(today));
    }

    /** From the open activities kept by due day and responsible ({@code crm_activity_due}, by ActivityDays). */
    private Map<String, Long> countDue(LocalDate today) {
        long me = accounts.find(changes.by()).map(User::getId).orElse(-1L);
        Object[] row = (Object[]) em.createNativeQuery("select "
                        + "sum(case when due_on < ? then open_count else 0 end), "
                        + "sum(case when due_on = ? then open_count else 0 end), "
                        + "sum(case when due_on < ? and responsible_id = ? then open_count else 0 end), "
                        + "sum(case when due_on = ? and responsible_id = ? then open_count else 0 end) "
                        + "from crm_activity_due where due_on <= ?")
                .setParameter(1, today).setParameter(2, today).setParameter(3, today)
                .setParameter(4, me).setParameter(5, today).setParameter(6, me).setParameter(7, today)
                .getSingleResult();
        Map<String, Long> figures = new HashMap<>();
        String[] names = {"overdue", "today", "myOverdue", "myToday"};
        for (int i = 0; i < names.length; i++) {
            figures.put(names[i], row[i] == null ? 0L : ((Number) row[i]).longValue());
        }
        return figures;
    }

    private Activity current(long id, long version) {
        Activity activity = em.find(Activity.class, id);
        if (activity == null) {
            throw BusinessException.notFound("activity", id);
        }
        activity.checkVersion(version);
        return activity;
    }

    private User responsible(String username) {
        return accounts.active(username, "subject.responsible.unknown", "responsible");
    }

    /** One change of an existing activity, through the subjects' one path (it keeps the report's counts). */
    private Activity change(Activity activity, Change.Kind kind, Runnable change) {
        changes.activity(kind, activity.getSubjectId(), activity.getId(), () -> {
            change.run();
            return activity.getId();
        });
        return activity;
    }
}
