package br.com.crm.activity.boundary;

import br.com.crm.activity.entity.ActivityKind;
import br.com.crm.activity.entity.CalendarFeed;
import br.com.crm.kernel.AuditEvent;
import br.com.crm.kernel.BusinessException;
import br.com.crm.kernel.Changes;
import br.com.crm.security.control.Accounts;
import br.com.crm.security.control.CurrentCaller;
import br.com.crm.security.entity.Roles;
import br.com.crm.security.entity.User;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.Serializable;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Activities as calendar events: each user's private feed (an address with a secret token that calendar programs
 * fetch without a session) and one activity at a time. A feed holds the user's open activities due from
 * {@link #OPEN_DAYS_BACK} days ago on (overdue ones too) and those done in the last {@link #DONE_DAYS_BACK} days, at
 * most {@link #MAX_EVENTS} (the latest due first); in one query.
 */
@Stateless
@RolesAllowed({Roles.ADMIN, Roles.USER, Roles.VIEWER})
public class ActivityCalendar {

    static final int OPEN_DAYS_BACK = 180;
    static final int DONE_DAYS_BACK = 90;
    static final int MAX_EVENTS = 2_000;

    /** One activity as an event: what it is, when, whether done, and the subject and customer it is about. */
    public record Event(long id, ActivityKind kind, String description, OffsetDateTime dueAt, OffsetDateTime doneAt,
                        String result, long subjectId, String subject, String customer, OffsetDateTime updatedAt)
            implements Serializable {
    }

    /** A user's feed: whose it is, and its events. */
    public record Feed(String username, String displayName, List<Event> events) implements Serializable {
    }

    private static final String EVENT = "select new br.com.crm.activity.boundary.ActivityCalendar.Event(a.id, "
            + "a.kind, a.description, a.dueAt, a.doneAt, a.result, s.id, s.title, c.name, a.updatedAt) "
            + "from Activity a join a.subject s join s.customer c ";

    @PersistenceContext
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    CurrentCaller caller;

    @Inject
    Changes changes;

    Clock clock = Clock.systemUTC();

    /** The caller's feed token, when they made one. */
    public Optional<String> token() {
        return Optional.ofNullable(em.find(CalendarFeed.class, me().getId())).map(CalendarFeed::getToken);
    }

    /** A new secret address for the caller's feed (the first, or one replacing the old, which stops working). */
    public String renew() {
        User me = me();
        OffsetDateTime now = OffsetDateTime.now(clock);
        CalendarFeed feed = em.find(CalendarFeed.class, me.getId());
        if (feed == null) {
            feed = new CalendarFeed(me.getId(), now);
            em.persist(feed);
        } else {
            feed.renew(now);
        }
        changes.audit(AuditEvent.of(AuditEvent.Action.SETTINGS, AuditEvent.Entity.USER, me.getId(), null,
                "calendar feed address renewed", me.getUsername()));
        return feed.getToken();
    }

    /**
     * The feed of the token's user; empty for a token nobody holds or an inactive user. Open to anyone: the token
     * is the credential.
     */
    @PermitAll
    public Optional<Feed> feed(String token) {
        if (!CalendarFeed.mayBeToken(token)) {
            return Optional.empty();
        }
        Optional<User> holder = em.createQuery("select u from CalendarFeed f, User u where u.id = f.userId "
                        + "and f.token = :token and u.active = true", User.class)
                .setParameter("token", token).getResultStream().findFirst();
        if (holder.isEmpty()) {
            return Optional.empty();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Event> events = em.createQuery(EVENT + "where a.responsible.id = :user and ((a.doneAt is null "
                        + "and a.dueAt >= :openFrom) or a.doneAt >= :doneFrom) order by a.dueAt desc, a.id", Event.class)
                .setParameter("user", holder.get().getId())
                .setParameter("openFrom", now.minusDays(OPEN_DAYS_BACK))
                .setParameter("doneFrom", now.minusDays(DONE_DAYS_BACK))
                .setMaxResults(MAX_EVENTS)
                .getResultList();
        return Optional.of(new Feed(holder.get().getUsername(), holder.get().getDisplayName(), events));
    }

    /** One activity as an event (an .ics download). */
    public Event event(long activityId) {
        return em.createQuery(EVENT + "where a.id = :id", Event.class).setParameter("id", activityId)
                .getResultStream().findFirst()
                .orElseThrow(() -> BusinessException.notFound("activity", activityId));
    }

    private User me() {
        return accounts.find(caller.name()).orElseThrow(() -> BusinessException.notFound("user", caller.name()));
    }
}
