package br.com.crm.activity.boundary;

import br.com.crm.activity.control.ActivityDays;
import br.com.crm.activity.entity.Activity;
import br.com.crm.activity.entity.ActivityKind;
import br.com.crm.business.BusinessException;
import br.com.crm.funnel.boundary.FunnelChanged;
import br.com.crm.security.boundary.CurrentCaller;
import br.com.crm.security.boundary.Users;
import br.com.crm.security.entity.Roles;
import br.com.crm.security.entity.User;
import br.com.crm.subject.entity.Subject;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
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

    /** The business day's time zone: "today" and "overdue" are Brazilian days. */
    public static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");

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
        LocalDate due = dueAt.atZoneSameInstant(ZONE).toLocalDate();
        return due.isBefore(today) ? "overdue" : due.equals(today) ? "today" : "later";
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Users users;

    @Inject
    CurrentCaller caller;

    @Inject
    Event<FunnelChanged> funnelChanged;

    @Inject
    br.com.crm.activity.control.DueFigures dueFigures;

    @Inject
    ActivityDays activityDays;

    Clock clock = Clock.systemUTC();

    public Activity create(long subjectId, @NotNull @Valid Form form) {
        Subject subject = em.find(Subject.class, subjectId);
        if (subject == null) {
            throw BusinessException.notFound("subject", subjectId);
        }
        Activity activity = new Activity(subject, form.kind(), form.description(), form.dueAt(),
                responsible(form.responsible()), now(), caller.name());
        em.persist(activity);
        recordActivity(subjectId, activity.getCreatedAt());
        return saved(activity);
    }

    public Activity edit(long id, long version, @NotNull @Valid Form form) {
        Activity activity = current(id, version);
        boolean done = activity.getDoneAt() != null;
        if (done) {
            activityDays.remove(id);
        }
        activity.edit(form.kind(), form.description(), form.dueAt(), responsible(form.responsible()), now(),
                caller.name());
        saved(activity);
        if (done) {
            activityDays.add(id);
        }
        return activity;
    }

    /** Marks the activity done at {@code doneAt} (now when {@code null}) with a short result. */
    public Activity complete(long id, long version, OffsetDateTime doneAt,
                             @Size(max = Activity.RESULT_LENGTH) String result) {
        Activity activity = current(id, version);
        activity.complete(doneAt, result, now(), caller.name());
        recordActivity(activity.getSubjectId(), activity.getDoneAt());
        saved(activity);
        activityDays.add(id);
        return activity;
    }

    public Activity reopen(long id, long version) {
        Activity activity = current(id, version);
        activityDays.remove(id);
        activity.reopen(now(), caller.name());
        return saved(activity);
    }

    public void delete(long id, long version) {
        Activity activity = current(id, version);
        activityDays.remove(id);
        em.remove(activity);
        flush();
        funnelChanged.fire(new FunnelChanged());
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
        Map<Long, Next> next = new HashMap<>();
        if (subjectIds.isEmpty()) {
            return next;
        }
        em.createQuery("select a.subjectId, a.id, a.kind, a.dueAt, u.displayName from Activity a "
                        + "join a.responsible u where a.subjectId in :ids and a.doneAt is null "
                        + "order by a.subjectId, a.dueAt desc, a.id desc", Object[].class)
                .setParameter("ids", subjectIds)
                .getResultList()
                // Ordered latest first, so the earliest of each subject is put last and stays.
                .forEach(row -> next.put((Long) row[0], new Next((Long) row[1], (ActivityKind) row[2],
                        (OffsetDateTime) row[3], (String) row[4])));
        return next;
    }

    /** Everyone's and the caller's open activities overdue and due today, for the funnel header. */
    @RolesAllowed({Roles.ADMIN, Roles.USER, Roles.VIEWER})
    public Map<String, Long> dueFigures() {
        LocalDate today = LocalDate.now(clock.withZone(ZONE));
        return dueFigures.of(caller.name(), today, () -> countDue(today));
    }

    private Map<String, Long> countDue(LocalDate today) {
        OffsetDateTime startOfToday = today.atStartOfDay(ZONE).toOffsetDateTime();
        OffsetDateTime startOfTomorrow = today.plusDays(1).atStartOfDay(ZONE).toOffsetDateTime();
        Object[] row = em.createQuery("select "
                        + "sum(case when a.dueAt < :today then 1 else 0 end), "
                        + "sum(case when a.dueAt >= :today then 1 else 0 end), "
                        + "sum(case when a.dueAt < :today and a.responsible.id = :me then 1 else 0 end), "
                        + "sum(case when a.dueAt >= :today and a.responsible.id = :me then 1 else 0 end) "
                        + "from Activity a where a.doneAt is null and a.dueAt < :tomorrow",
                        Object[].class)
                .setParameter("today", startOfToday).setParameter("tomorrow", startOfTomorrow)
                .setParameter("me", users.find(caller.name()).map(User::getId).orElse(-1L))
                .getSingleResult();
        Map<String, Long> figures = new HashMap<>();
        String[] names = {"overdue", "today", "myOverdue", "myToday"};
        for (int i = 0; i < names.length; i++) {
            figures.put(names[i], row[i] == null ? 0L : ((Number) row[i]).longValue());
        }
        return figures;
    }

    /**
     * The subject's last activity moves forward to {@code at}. A bulk update, so the subject's version stays: an
     * activity logged meanwhile must not make a colleague's open edit of the subject stale.
     */
    public static void recordActivity(EntityManager em, long subjectId, OffsetDateTime at) {
        em.createQuery("update Subject s set s.lastActivityAt = :at where s.id = :id and s.lastActivityAt < :at")
                .setParameter("at", at).setParameter("id", subjectId).executeUpdate();
    }

    private void recordActivity(long subjectId, OffsetDateTime at) {
        recordActivity(em, subjectId, at);
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
        return users.find(username).filter(User::isActive)
                .orElseThrow(() -> new BusinessException(BusinessException.Kind.INVALID,
                        "subject.responsible.unknown", "responsible", username));
    }

    private Activity saved(Activity activity) {
        flush();
        funnelChanged.fire(new FunnelChanged(activity.getSubjectId()));
        return activity;
    }

    private void flush() {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw BusinessException.stale("activity");
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
