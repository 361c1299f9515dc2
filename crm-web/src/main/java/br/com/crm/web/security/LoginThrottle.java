package br.com.crm.web.security;

import java.time.Duration;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * Failed logins slow the next ones down, counted three ways so that guessing costs an attacker time without
 * letting them lock a real user out for long:
 * <ul>
 *     <li>per user name from one client address: after {@value #PAIR_FREE} failures each try waits twice as long
 *     as the one before, up to 15 minutes (the guesser);</li>
 *     <li>per user name from anywhere: after {@value #USER_FREE} failures, up to one minute (a guesser that moves
 *     between addresses; the real user, from an address of their own, waits at most this);</li>
 *     <li>per client address over all user names: after {@value #ADDRESS_FREE} failures, up to 15 minutes (one
 *     password tried on every user). A user who logged in from that address within the last 12 hours is spared
 *     this count: colleagues behind one proxy or NAT must not be locked out by one of them mistyping, or by a
 *     guesser among them.</li>
 * </ul>
 * A success clears the user's counts; counts are forgotten 15 minutes after their last failure. The counts live in
 * the maps given: in a cluster, maps of the data grid, so that a guesser gains nothing by the balancer sending
 * their tries to several servers (times are wall-clock milliseconds, the servers' clocks being kept in step).
 * Pure logic over a clock and two maps, so that tests need not wait.
 */
public class LoginThrottle {

    static final int PAIR_FREE = 5;
    static final int USER_FREE = 10;
    static final int ADDRESS_FREE = 20;
    static final Duration LONGEST = Duration.ofMinutes(15);
    static final Duration USER_LONGEST = Duration.ofMinutes(1);
    static final Duration KNOWN_FOR = Duration.ofHours(12);
    /** Beyond this many counted keys, forgotten ones are swept before adding one. */
    private static final int SWEEP_ABOVE = 10_000;

    /** Per key: {count, time of the last failure}; an array, for the grid holds only JDK types. */
    private final ConcurrentMap<String, long[]> failures;
    /** User name and address pairs that logged in, with when they last did. */
    private final ConcurrentMap<String, Long> known;
    private final LongSupplier clock;

    public LoginThrottle(ConcurrentMap<String, long[]> failures, ConcurrentMap<String, Long> known,
                         LongSupplier millisClock) {
        this.failures = failures;
        this.known = known;
        this.clock = millisClock;
    }

    /** How long {@code user} from {@code address} must wait before the next try; zero when they may try now. */
    public Duration waitFor(String user, String address) {
        long now = clock.getAsLong();
        long wait = Math.max(remaining(pair(user, address), PAIR_FREE, LONGEST, now),
                remaining(user(user), USER_FREE, USER_LONGEST, now));
        if (!isKnown(pair(user, address), now)) {
            wait = Math.max(wait, remaining(address(address), ADDRESS_FREE, LONGEST, now));
        }
        return Duration.ofMillis(wait);
    }

    public void failed(String user, String address) {
        long now = clock.getAsLong();
        if (failures.size() > SWEEP_ABOVE) {
            failures.forEach((key, f) -> {
                if (now - f[1] > LONGEST.toMillis()) {
                    failures.remove(key, f);
                }
            });
        }
        for (String key : new String[]{pair(user, address), user(user), address(address)}) {
            failures.merge(key, new long[]{1, now}, (old, one) -> new long[]{
                    now - old[1] > LONGEST.toMillis() ? 1 : old[0] + 1, now});
        }
    }

    public void succeeded(String user, String address) {
        long now = clock.getAsLong();
        if (known.size() > SWEEP_ABOVE) {
            known.forEach((key, last) -> {
                if (now - last > KNOWN_FOR.toMillis()) {
                    known.remove(key, last);
                }
            });
        }
        known.put(pair(user, address), now);
        failures.remove(pair(user, address));
        failures.remove(user(user));
    }

    private boolean isKnown(String pair, long now) {
        Long last = known.get(pair);
        return last != null && now - last <= KNOWN_FOR.toMillis();
    }

    private long remaining(String key, int free, Duration longest, long now) {
        long[] f = failures.get(key);
        if (f == null || f[0] < free || now - f[1] > LONGEST.toMillis()) {
            return 0;
        }
        long delay = Math.min(longest.toMillis(), Duration.ofSeconds(1L << Math.min(f[0] - free, 20)).toMillis());
        return Math.max(0, f[1] + delay - now);
    }
    private static String pair(String user, String address) {
        return "p\u0000" + user + "\u0000" + address;
    }

    private static String user(String user) {
        return "u\u0000" + user;
    }

    private static String address(String address) {
        return "a\u0000" + address;
    }
}
