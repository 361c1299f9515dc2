package br.com.crm.subject.control;

import br.com.crm.database.control.Locks;
import br.com.crm.kernel.AuditEvent;
import br.com.crm.kernel.BusinessException;
import br.com.crm.kernel.Change;
import br.com.crm.kernel.Changes;
import br.com.crm.security.control.CurrentCaller;
import br.com.crm.stage.boundary.StageRemoval;
import br.com.crm.stage.control.StageTotals;
import br.com.crm.stage.entity.StageTotal.Placement;
import br.com.crm.stage.entity.StageTotal;
import br.com.crm.subject.boundary.SubjectBatch;
import br.com.crm.subject.boundary.SubjectFilter;
import br.com.crm.subject.boundary.SubjectRemoval;
import br.com.crm.subject.entity.Outcome;
import br.com.crm.subject.entity.StageChange;
import br.com.crm.subject.entity.Subject;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * The one path of every write to subjects, whoever makes it (one subject, a bulk action, an import, a proposal's
 * stage rule, an activity, the demo data). Inside the caller's transaction it keeps the kept figures in step, the
 * columns' totals ({@link StageTotals}) and the daily counts of done activities ({@link ActivityDays}), and emits
 * exactly one {@link Change} per call, naming the subjects and the columns it touched. No write to a subject's
 * stage, outcome, value, responsible, archiving or existence, nor to a done activity, goes around it. The
 * forecast's daily counts ({@link ForecastDays}) and the stage report's ({@link StageDays}) follow the same calls.
 * Each call that changes counts takes {@link Locks#counts()} first, so two never deadlock on them.
 */
@Dependent
public class SubjectChanges {

    /** Subjects a bulk step handles at a time: each chunk's rows are locked, counted and changed together. */
    public static final int CHUNK = 500;

    /** A change of one subject; returns the stage history entry to record when it moved, else {@code null}. */
    @FunctionalInterface
    public interface Mutation {
        StageChange apply(Subject subject, OffsetDateTime now, String by);
    }

    /** A set-based change of a chunk of subjects (already locked); returns how many it changed. */
    @FunctionalInterface
    public interface Step {
        int apply(List<Long> chunk, OffsetDateTime now, String by);
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    StageTotals totals;

    @Inject
    ActivityDays activityDays;

    @Inject
    StageHistory history;

    @Inject
    ForecastDays forecast;

    @Inject
    StageDays stageDays;

    @Inject
    Locks locks;

    @Inject
    Changes changes;

    @Inject
    CurrentCaller caller;

    @Inject
    @Any
    Instance<SubjectTrail> trails;

    @Inject
    Event<SubjectRemoval> removal;

    @Inject
    Event<SubjectBatch> batch;

    Clock clock = Clock.systemUTC();

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /** Who makes the changes of this call. */
    public String by() {
        return caller.name();
    }

    /** New subjects, each with its entry into its stage (a subject created where it is now, e.g. by the demo). */
    public void created(Collection<Subject> subjects, Change.Kind kind) {
        locks.counts();
        Set<Long> stages = new HashSet<>();
        for (Subject subject : subjects) {
            em.persist(subject);
            em.persist(subject.firstStageChange());
            totals.replace(null, subject.placement());
            stages.add(subject.getStage().getId());
        }
        flush();
        List<Long> ids = subjects.stream().map(Subject::getId).toList();
        forecast.addSubjects(ids);
        stageDays.addSubjects(ids);
        List<AuditEvent.Item> items = subjects.stream()
                .map(subject -> new AuditEvent.Item(subject.getId(), subject.getId(), subject.auditSummary())).toList();
        AuditEvent audited = new AuditEvent(kind.action(), AuditEvent.Entity.SUBJECT, items, null, by(),
                kind == Change.Kind.SUBJECTS_IMPORTED ? AuditEvent.Origin.IMPORT : null);
        if (subjects.size() > Change.MAX_IDS) {
            batch.fire(new SubjectBatch(kind, ids));
        }
        changes.fire(kind, ids, stages, null, by(), audited);
    }

    public Subject created(Subject subject) {
        created(List.of(subject), Change.Kind.SUBJECT_CREATED);
        return subject;
    }

    /** Changes the subject the caller saw at {@code version}; a colleague's change in between is refused. */
    public Subject change(long id, long version, Change.Kind kind, Mutation mutation) {
        return change(current(id, version), kind, mutation);
    }

    /**
     * Changes a subject of this transaction. A move or close is recorded in the stage history, moves the subject's
     * count between columns and its done activities between report counts, and is named as such in the event. A
     * move or a new responsible moves the subject's history entries between the stage report's counts.
     */
    public Subject change(Subject subject, Change.Kind kind, Mutation mutation) {
        locks.counts();
        Placement before = subject.placement();
        Subject.Forecast forecastBefore = subject.forecast(ForecastDays.NO_DATE);
        Map<String, String> fieldsBefore = subject.auditFields();
        long stageBefore = subject.getStage().getId();
        Outcome outcomeBefore = subject.getOutcome();
        long responsibleBefore = subject.getResponsible().getId();
        OffsetDateTime now = now();
        StageChange moved = mutation.apply(subject, now, by());
        if (moved != null) {
            em.persist(moved);
        }
        flush();
        boolean recount = moved != null || responsibleBefore != subject.getResponsible().getId();
        if (recount) {
            // The database holds the new responsible and the new entry, not yet the older entries' left_at and
            // advanced (history.moved below): all the entries but the new one, under the old responsible, are
            // the subject's entries as they were.
            stageDays.removeSubject(subject.getId(), responsibleBefore, moved == null ? null : moved.getId());
        }
        if (moved != null) {
            history.moved(List.of(subject.getId()), moved.getChangedAt(), subject.getStage().getPosition());
        }
        if (recount) {
            stageDays.addSubjects(List.of(subject.getId()));
        }
        totals.replace(before, subject.placement());
        forecast.replace(forecastBefore, subject.forecast(ForecastDays.NO_DATE));
        long stageAfter = subject.getStage().getId();
        if (stageBefore != stageAfter || outcomeBefore != subject.getOutcome()) {
            activityDays.subjectMoved(subject.getId(), stageBefore,
                    outcomeBefore == null ? StageTotal.OPEN : outcomeBefore.name());
        }
        Change.Kind happened = moved == null ? kind : movedKind(kind, outcomeBefore, subject.getOutcome());
        changes.fire(happened, List.of(subject.getId()), new HashSet<>(List.of(stageBefore, stageAfter)), null, by(),
                AuditEvent.of(happened.action(), AuditEvent.Entity.SUBJECT, subject.getId(), subject.getId(),
                        subject.getTitle(), by()).withChanges(AuditEvent.diff(fieldsBefore, subject.auditFields())));
        return subject;
    }

    /**
     * Removes the subject and its history for ever. Only an administrator or the subject's responsible may; a
     * subject that sent proposals or e-mails to the customer only an administrator who {@code confirmed} it
     * (the others are told to archive it instead).
     */
    public void delete(long id, long version, boolean confirmed) {
        locks.counts();
        Subject subject = current(id, version);
        boolean administrator = caller.isAdministrator();
        if (!subject.mayBeDeletedBy(caller.name(), administrator)) {
            throw new BusinessException(BusinessException.Kind.FORBIDDEN, "subject.delete.notYours", null);
        }
        if (!(administrator && confirmed) && !sentFrom(List.of(id)).isEmpty()) {
            throw new BusinessException(BusinessException.Kind.CONFLICT,
                    administrator ? "subject.delete.sent.confirm" : "subject.delete.sent", null);
        }
        StringBuilder lost = new StringBuilder(subject.auditSummary());
        trails.forEach(trail -> {
            String erased = trail.erasedWith(id);
            if (!erased.isEmpty()) {
                lost.append(" · ").append(erased);
            }
        });
        totals.replace(subject.placement(), null);
        forecast.replace(subject.forecast(ForecastDays.NO_DATE), null);
        activityDays.removeSubjects(List.of(id));
        // The database deletes the subject's history with it.
        stageDays.removeSubjects(List.of(id));
        long stage = subject.getStage().getId();
        removal.fire(new SubjectRemoval(List.of(id)));
        em.remove(subject);
        flush();
        changes.fire(Change.Kind.SUBJECT_DELETED, List.of(id), Set.of(stage), null, by(),
                AuditEvent.of(AuditEvent.Action.DELETE, AuditEvent.Entity.SUBJECT, id, id, lost.toString(), by()));
    }

    /** Of these subjects, those that sent proposals or e-mails to the customer (a chunk at a time). */
    public Set<Long> sentFrom(List<Long> ids) {
        Set<Long> sent = new HashSet<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            trails.forEach(trail -> sent.addAll(trail.sentFrom(chunk)));
        }
        return sent;
    }

    /**
     * A set-based change of many subjects, a chunk at a time: lock the chunk's rows, note where they count, apply
     * the step, move the column totals by the difference. {@code moves}: the step moves or deletes subjects, and
     * so their done activities in the report's counts; such a step, or a new responsible, moves their history
     * entries in the stage report's counts. One event for all of them, only when something changed.
     *
     * @return how many subjects the step changed
     */
    public int bulk(List<Long> ids, Change.Kind kind, boolean moves, Step step) {
        locks.counts();
        OffsetDateTime now = now();
        String by = by();
        int changed = 0;
        boolean recountHistory = moves || kind == Change.Kind.SUBJECT_ASSIGNED;
        Set<Long> stages = new HashSet<>();
        List<AuditEvent.Item> audited = new ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            lock(chunk);
            audited.addAll(summaries(chunk));
            Map<List<Object>, Object[]> before = placements(chunk);
            forecast.removeSubjects(chunk);
            if (moves) {
                activityDays.removeSubjects(chunk);
            }
            if (recountHistory) {
                stageDays.removeSubjects(chunk);
            }
            if (kind == Change.Kind.SUBJECT_DELETED) {
                removal.fire(new SubjectRemoval(chunk));
            }
            changed += step.apply(chunk, now, by);
            em.flush();
            forecast.addSubjects(chunk);
            if (moves) {
                activityDays.addSubjects(chunk);
            }
            if (recountHistory) {
                stageDays.addSubjects(chunk);
            }
            Map<List<Object>, Object[]> after = placements(chunk);
            shiftTotals(before, after);
            before.keySet().forEach(group -> stages.add((Long) group.get(0)));
            after.keySet().forEach(group -> stages.add((Long) group.get(0)));
        }
        if (changed > 0) {
            em.clear();
            if (ids.size() > Change.MAX_IDS) {
                batch.fire(new SubjectBatch(kind, ids));
            }
            changes.fire(kind, ids, stages, null, by,
                    new AuditEvent(kind.action(), AuditEvent.Entity.SUBJECT, audited, null, by, null));
        }
        return changed;
    }

    /**
     * A change of one of the subject's activities ({@code activityId}, {@code null} for a new one), made by
     * {@code change}, which returns the activity's id. The activity leaves the report's counts as it was and enters
     * them as it is (nothing when it is not done, or no longer exists).
     */
    public long activity(Change.Kind kind, long subjectId, Long activityId, LongSupplier change) {
        locks.counts();
        if (activityId != null) {
            activityDays.remove(activityId);
        }
        long id = change.getAsLong();
        flush("activity");
        activityDays.add(id);
        fireAbout(kind, subjectId, id);
        return id;
    }

    /**
     * Something was done about the subject at {@code at} (an activity, a note): its last activity moves forward.
     * A bulk update, so the subject's version stays: an activity logged meanwhile must not make a colleague's open
     * edit of the subject stale.
     */
    public void activityRecorded(long subjectId, OffsetDateTime at) {
        em.createQuery("update Subject s set s.lastActivityAt = :at where s.id = :id and s.lastActivityAt < :at")
                .setParameter("at", at).setParameter("id", subjectId).executeUpdate();
    }

    /**
     * Something was recorded on the subject at {@code at} (a note, an e-mail), the record {@code recordId} of the
     * kind: its last activity moves forward (the card's stale flag goes), and one event tells so.
     */
    public void recorded(Change.Kind kind, long subjectId, long recordId, OffsetDateTime at) {
        activityRecorded(subjectId, at);
        fireAbout(kind, subjectId, recordId);
    }

    /** A stage holding subjects (archived ones too: they would lose their stage) is not removed. */
    void refuseRemovalOfStageInUse(@Observes StageRemoval removal) {
        long subjects = em.createQuery("select count(s) from Subject s where s.stageId = :stage", Long.class)
                .setParameter("stage", removal.stageId()).getSingleResult();
        if (subjects > 0) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "stage.notEmpty", null, subjects);
        }
    }

    private static Change.Kind movedKind(Change.Kind asked, Outcome before, Outcome after) {
        if (after != null && after != before) {
            return Change.Kind.SUBJECT_CLOSED;
        }
        if (before != null && after == null) {
            return Change.Kind.SUBJECT_REOPENED;
        }
        return asked == Change.Kind.SUBJECT_CREATED ? asked : Change.Kind.SUBJECT_MOVED;
    }

    /** A change of the subject's record (an activity, a note, an e-mail), its audit entry named by the subject. */
    private void fireAbout(Change.Kind kind, long subjectId, long recordId) {
        Set<Long> stages = new HashSet<>();
        String title = null;
        for (Object[] row : em.createQuery("select s.stageId, s.title from Subject s where s.id = :id", Object[].class)
                .setParameter("id", subjectId).getResultList()) {
            stages.add((Long) row[0]);
            title = (String) row[1];
        }
        changes.fire(kind, List.of(subjectId), stages, recordId, by(), title);
    }

    /** Each subject of the chunk in one line, as its audit entry keeps it (read before a bulk step changes it). */
    private List<AuditEvent.Item> summaries(List<Long> chunk) {
        return em.createQuery("select s.id, s.title, c.name, s.amount, st.description from Subject s "
                        + "join s.customer c join s.stage st where s.id in :ids", Object[].class)
                .setParameter("ids", chunk)
                .setHint(SubjectFilter.BIND_PARAMETERS, "True")
                .getResultStream()
                .map(row -> new AuditEvent.Item((Long) row[0], (Long) row[0], row[1] + " · " + row[2]
                        + (row[3] == null ? "" : " · " + Subject.money((BigDecimal) row[3])) + " · " + row[4]))
                .toList();
    }

    /**
     * The subject with what its audit entry names (customer, responsible) in one read: lazily, each would be a
     * query of its own on every move. Stages and lost reasons come from the shared cache.
     */
    private Subject current(long id, long version) {
        Subject subject = em.createQuery("select s from Subject s join fetch s.customer join fetch s.responsible "
                        + "where s.id = :id", Subject.class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> BusinessException.notFound("subject", id));
        subject.checkVersion(version);
        return subject;
    }

    /** Row locks, in id order (two bulk calls over overlapping sets then wait for each other, never deadlock). */
    private void lock(List<Long> chunk) {
        em.createNativeQuery("select id from crm_subject where id in (" + literals(chunk) + ") order by id for update")
                .getResultList();
    }

    /** Count and sum of the chunk's active subjects, by stage and outcome group. */
    private Map<List<Object>, Object[]> placements(List<Long> chunk) {
        Map<List<Object>, Object[]> groups = new HashMap<>();
        for (Object[] row : em.createQuery("select s.stageId, s.outcome, count(s.id), sum(s.amount) from Subject s "
                        + "where s.id in :ids and s.archived = false group by s.stageId, s.outcome", Object[].class)
                .setParameter("ids", chunk)
                .setHint(SubjectFilter.BIND_PARAMETERS, "True")
                .getResultList()) {
            String outcome = row[1] == null ? StageTotal.OPEN : row[1].toString();
            groups.put(List.of(row[0], outcome), new Object[]{row[2], row[3] == null ? BigDecimal.ZERO : row[3]});
        }
        return groups;
    }

    private void shiftTotals(Map<List<Object>, Object[]> before, Map<List<Object>, Object[]> after) {
        Set<List<Object>> groups = new HashSet<>(before.keySet());
        groups.addAll(after.keySet());
        Object[] none = {0L, BigDecimal.ZERO};
        for (List<Object> group : groups) {
            Object[] was = before.getOrDefault(group, none);
            Object[] is = after.getOrDefault(group, none);
            totals.shift((Long) group.get(0), (String) group.get(1),
                    ((Number) is[0]).longValue() - ((Number) was[0]).longValue(),
                    ((BigDecimal) is[1]).subtract((BigDecimal) was[1]));
        }
    }

    /** A concurrent commit of the same subject surfaces here, as a stale copy, not as a server error. */
    private void flush() {
        flush("subject");
    }

    private void flush(String what) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw BusinessException.stale(what);
        }
    }

    /** Ids written into SQL as numbers: they are {@code Long}s, never text from a user. */
    public static String literals(Collection<Long> ids) {
        return ids.stream().map(Objects::requireNonNull).map(String::valueOf).collect(Collectors.joining(","));
    }
}
