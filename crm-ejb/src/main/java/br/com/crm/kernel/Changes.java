package br.com.crm.kernel;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Emits the change events of the write paths and passes the committed ones on to whoever listens (the web module
 * pushes them to open boards and lists).
 * <p>
 * A registry rather than a CDI observer in the web module: in an EAR, events fired in the EJB module do not reach
 * observers in the WAR, while the WAR does see this bean. Changes that commit within {@link #COALESCE_MILLIS} of
 * each other go out together: a burst of changes makes an open board reload once, not once per change.
 */
@ApplicationScoped
public class Changes {

    static final long COALESCE_MILLIS = 200;

    private final List<Consumer<List<Change>>> listeners = new CopyOnWriteArrayList<>();
    private final List<Change> pending = new ArrayList<>();

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Event<Change> event;

    @Inject
    Event<AuditEvent> audit;

    @Inject
    Instance<ChangeOrigin> origin;

    /**
     * Fires the change inside the caller's transaction; listeners hear of it once (and only if) it commits. The
     * audit trail records it from the change alone (no summary).
     */
    public Change fire(Change.Kind kind, Collection<Long> subjects, Collection<Long> stages, Long record,
                       String user) {
        return fire(kind, subjects, stages, record, user, (String) null);
    }

    /** As {@link #fire(Change.Kind, Collection, Collection, Long, String)}, the audit entry with this summary. */
    public Change fire(Change.Kind kind, Collection<Long> subjects, Collection<Long> stages, Long record,
                       String user, String summary) {
        List<AuditEvent.Item> items = new ArrayList<>();
        if (record != null || subjects.isEmpty()) {
            items.add(new AuditEvent.Item(record, subjects.size() == 1 ? subjects.iterator().next() : null,
                    summary));
        } else {
            items.addAll(AuditEvent.subjects(subjects, summary));
        }
        return fire(kind, subjects, stages, record, user,
                new AuditEvent(kind.action(), kind.entity(), items, null, user, null));
    }

    /** Fires the change and, in the same transaction, what the audit trail records of it. */
    public Change fire(Change.Kind kind, Collection<Long> subjects, Collection<Long> stages, Long record,
                       String user, AuditEvent audited) {
        Change change = Change.of(kind, subjects, stages, record, user, ChangeOrigin.of(origin));
        audit.fire(audited);
        event.fire(change);
        return change;
    }

    /** An act that changes nothing on a board (a login, an export, a setting), for the audit trail only. */
    public void audit(AuditEvent audited) {
        audit.fire(audited);
    }

    public void listen(Consumer<List<Change>> listener) {
        listeners.add(listener);
    }

    /** Only after the commit: a rolled-back change must not flicker on anybody's board. */
    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Change change) {
        synchronized (pending) {
            pending.add(change);
            if (pending.size() > 1) {
                return;
            }
        }
        scheduler.schedule(this::deliver, COALESCE_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void deliver() {
        List<Change> batch;
        synchronized (pending) {
            batch = List.copyOf(pending);
            pending.clear();
        }
        listeners.forEach(listener -> listener.accept(batch));
    }
}
