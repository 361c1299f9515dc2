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
 * The subjects a text search finds, by the searched text, kept until a change can alter what it finds: a subject
 * created, edited (its title, its customer), deleted, imported, a customer saved or anonymised, here or on another
 * server of the cluster. Moves, activities and tags leave it: the list's other conditions and its order are read
 * afresh each time for these ids, from the index of the list's order. Finding them is the costly part of a list
 * search (the trigram index's postings of every word, then every match's row, to check it: 135 to 220 ms for a
 * text that 6,700 of 500,000 subjects hold; the ids' conditions and order then take 35 ms), and the subjects' titles
 * change seldom.
 * <p>
 * Only a narrow text is kept: more than {@link #AT_MOST} matches are read by the search itself, as before (the ids
 * would cost more to send than to find). A change made beside the module (SQL) shows after {@link #TIME_TO_LIVE} at
 * the latest. At most {@link #ENTRIES} texts are kept, the least recently used going first.
 */
@ApplicationScoped
public class TextMatches {

    public static final int AT_MOST = 10_000;
    static final int ENTRIES = 128;
    static final Duration TIME_TO_LIVE = Duration.ofMinutes(10);

    private static final long[] TOO_MANY = new long[0];

    private record Matches(long[] ids, Instant foundAt) {
    }

    private final Map<String, Matches> kept = new LinkedHashMap<>(ENTRIES, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Matches> eldest) {
            return size() > ENTRIES;
        }
    };

    Clock clock = Clock.systemUTC();

    /**
     * The ids of the subjects whose search text matches {@code pattern}, archived or not, as kept or as {@code query}
     * finds them now ({@code query} answers at most {@link #AT_MOST} + 1); {@code null} when there are more than
     * {@link #AT_MOST}.
     */
    public long[] ids(String pattern, Supplier<long[]> query) {
        Instant now = clock.instant();
        long[] ids;
        synchronized (kept) {
            Matches matches = kept.get(pattern);
            ids = matches != null && matches.foundAt().plus(TIME_TO_LIVE).isAfter(now) ? matches.ids() : null;
        }
        if (ids == null) {
            long[] found = query.get();
            ids = found.length > AT_MOST ? TOO_MANY : found;
            synchronized (kept) {
                kept.put(pattern, new Matches(ids, now));
            }
        }
        return ids == TOO_MANY ? null : ids;
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Change change) {
        if (change.kind().changesSearchText()) {
            synchronized (kept) {
                kept.clear();
            }
        }
    }
}
