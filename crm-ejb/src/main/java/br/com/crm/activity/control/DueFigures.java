package br.com.crm.activity.control;

import br.com.crm.kernel.Change;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The funnel header's activity figures (overdue, due today; the user's and everyone's), kept per user and day: with
 * 2,000,000 activities counting them costs tens of milliseconds, and every funnel render shows them. A committed
 * change of activities or subjects, on this server or another of the cluster, drops them; they also expire after
 * {@link #TIME_TO_LIVE} (the day turns, an activity falls due).
 */
@ApplicationScoped
public class DueFigures {

    static final Duration TIME_TO_LIVE = Duration.ofSeconds(30);

    private record Kept(LocalDate day, Map<String, Long> figures, Instant at) {
    }

    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    Clock clock = Clock.systemUTC();

    public Map<String, Long> of(String user, LocalDate today, Supplier<Map<String, Long>> count) {
        Instant now = clock.instant();
        Kept figures = kept.get(user);
        if (figures != null && figures.day().equals(today) && figures.at().plus(TIME_TO_LIVE).isAfter(now)) {
            return figures.figures();
        }
        Map<String, Long> counted = Map.copyOf(count.get());
        kept.put(user, new Kept(today, counted, now));
        return counted;
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Change change) {
        if (change.kind().altersDueActivities()) {
            kept.clear();
        }
    }
}
