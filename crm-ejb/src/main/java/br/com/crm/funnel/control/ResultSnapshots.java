package br.com.crm.funnel.control;

import br.com.crm.kernel.Change;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The sorted ids of what a narrowed list shows (a text, tag or other filter; the first thousand), kept for a while:
 * finding them costs from a few to a hundred milliseconds, a page of them taken from the kept ids one small query. Any committed change of a subject, tag or stage, on this server or another of the cluster,
 * drops them all; each also expires after {@link #TIME_TO_LIVE}, which bounds how stale a count may be after a
 * change made beside the module (SQL).
 * At most {@link #ENTRIES} lists are kept (the least recently used goes first), each of at most a thousand and one ids.
 */
@ApplicationScoped
public class ResultSnapshots {

    static final Duration TIME_TO_LIVE = Duration.ofSeconds(30);
    static final int ENTRIES = 64;

    private record Snapshot(long[] ids, Instant takenAt) {
    }

    private final Map<Object, Snapshot> snapshots = new LinkedHashMap<>(ENTRIES, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, Snapshot> eldest) {
            return size() > ENTRIES;
        }
    };

    Clock clock = Clock.systemUTC();

    /** The kept ids of {@code key}, or those {@code query} reads now (and keeps). */
    public long[] ids(Object key, Supplier<long[]> query) {
        Instant now = clock.instant();
        synchronized (snapshots) {
            Snapshot kept = snapshots.get(key);
            if (kept != null && kept.takenAt().plus(TIME_TO_LIVE).isAfter(now)) {
                return kept.ids();
            }
        }
        long[] ids = query.get();
        synchronized (snapshots) {
            snapshots.put(key, new Snapshot(ids, now));
        }
        return ids;
    }

    /** The kept ids of {@code key} when there are fresh ones, else {@code null}. */
    public long[] kept(Object key) {
        synchronized (snapshots) {
            Snapshot kept = snapshots.get(key);
            return kept != null && kept.takenAt().plus(TIME_TO_LIVE).isAfter(clock.instant()) ? kept.ids() : null;
        }
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Change change) {
        if (change.kind().showsOnBoard()) {
            synchronized (snapshots) {
                snapshots.clear();
            }
        }
    }
}
