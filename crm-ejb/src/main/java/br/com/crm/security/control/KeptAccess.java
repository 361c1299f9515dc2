package br.com.crm.security.control;

import br.com.crm.kernel.Change;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Users' access as every request checks it, kept until a user changes: a request of a logged-in user then costs no
 * query. Everything is dropped when any user changes (rare), and an entry lives {@link #LIFETIME} at most, for
 * changes made beside the module (SQL).
 * <p>
 * A read that raced with a change is not kept: the generation moves on every drop, and an entry read under an
 * older generation is taken back.
 */
@ApplicationScoped
public class KeptAccess {

    static final Duration LIFETIME = Duration.ofMinutes(1);
    static final int MOST = 10_000;

    private record Kept(Optional<?> access, long until) {
    }

    private final Map<String, Kept> kept = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    /** The user's access, kept or read with {@code read}. */
    @SuppressWarnings("unchecked")
    public <A> Optional<A> of(String username, Function<String, Optional<A>> read) {
        Kept known = kept.get(username);
        if (known != null && known.until() - System.nanoTime() > 0) {
            return (Optional<A>) known.access();
        }
        long seen = generation.get();
        Optional<A> access = read.apply(username);
        if (kept.size() >= MOST) {
            kept.clear();
        }
        Kept entry = new Kept(access, System.nanoTime() + LIFETIME.toNanos());
        kept.put(username, entry);
        if (generation.get() != seen) {
            kept.remove(username, entry);
        }
        return access;
    }

    /** After the commit (or the rollback) of a change of users: whatever was kept may be stale. */
    void changed(@Observes(during = TransactionPhase.AFTER_COMPLETION) Change change) {
        if (change.kind() == Change.Kind.USERS_CHANGED) {
            generation.incrementAndGet();
            kept.clear();
        }
    }
}
