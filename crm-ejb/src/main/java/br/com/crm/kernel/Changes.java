package br.com.crm.kernel;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Emits the change events of the write paths and passes the committed ones on to whoever listens (the web module
 * pushes them to open boards and lists).
 * <p>
 * A registry rather than a CDI observer in the web module: in an EAR, events fired in the EJB module do not reach
 * observers in the WAR, while the WAR does see this bean. Changes that commit within {@link #COALESCE_MILLIS} of
 * each other go out together: a burst of changes makes an open board reload once, not once per change.
 * <p>
 * In a cluster every server hears of every committed change: those made here are published on the data grid's
 * topic ({@link Cluster}), those of the others are fired here as they arrive, so boards, lists and kept caches on
 * every server follow one stream of changes.
 */
@ApplicationScoped
public class Changes {

    private static final Logger LOG = Logger.getLogger(Changes.class.getName());

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

    @Inject
    Cluster cluster;

    /** The other servers of the cluster tell this one of their changes from the start. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object application) {
        cluster.subscribe(this::arrived);
    }

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
        Change change = Change.of(kind, subjects, stages, record, user, ChangeOrigin.of(origin), cluster.member());
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

    /**
     * Only after the commit: a rolled-back change must not flicker on anybody's board. A change committed here
     * goes to the other servers too; one from another server arrives outside any transaction, so that every
     * observer of committed changes here (kept caches, this push) hears of it at once, as of one made here.
     */
    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Change change) {
        if (cluster.isClustered() && cluster.member().equals(change.member())) {
            cluster.publish(write(change));
        }
        synchronized (pending) {
            pending.add(change);
            if (pending.size() > 1) {
                return;
            }
        }
        scheduler.schedule(this::deliver, COALESCE_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** A change another server of the cluster committed. */
    void arrived(String written) {
        Change change;
        try {
            change = read(written);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A change from another server could not be read (another version?): " + written,
                    e);
            return;
        }
        event.fire(change);
    }

    /** A change as it crosses the data grid: JSON, JDK types only. */
    static String write(Change change) {
        JsonArrayBuilder subjects = Jsonp.createArrayBuilder();
        change.subjects().forEach(subjects::add);
        JsonArrayBuilder stages = Jsonp.createArrayBuilder();
        change.stages().forEach(stages::add);
        JsonObjectBuilder json = Jsonp.createObjectBuilder().add("kind", change.kind().name())
                .add("subjects", subjects).add("many", change.many()).add("stages", stages)
                .add("at", change.at().toString()).add("member", change.member());
        if (change.record() != null) {
            json.add("record", change.record());
        }
        if (change.user() != null) {
            json.add("user", change.user());
        }
        if (change.origin() != null) {
            json.add("origin", change.origin());
        }
        return json.build().toString();
    }

    static Change read(String written) {
        try (JsonReader reader = Jsonp.createReader(new StringReader(written))) {
            JsonObject json = reader.readObject();
            return new Change(Change.Kind.valueOf(json.getString("kind")), ids(json.getJsonArray("subjects")),
                    json.getBoolean("many"), ids(json.getJsonArray("stages")),
                    json.containsKey("record") ? json.getJsonNumber("record").longValue() : null,
                    json.getString("user", null), json.getString("origin", null),
                    Instant.parse(json.getString("at")), json.getString("member"));
        }
    }

    private static Set<Long> ids(JsonArray array) {
        Set<Long> ids = new TreeSet<>();
        array.getValuesAs(JsonNumber.class).forEach(n -> ids.add(n.longValue()));
        return ids;
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
