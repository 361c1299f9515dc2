package br.com.crm.web.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * A success clears the user's counts; counts are forgotten 15 minutes after their last failure. Pure logic over
 * a clock, so that tests need not wait.
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

    private record Failures(int count, long lastNanos) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    /** User name and address pairs that logged in, with when they last did. */
    private final Map<String, Long> known = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;

    public LoginThrottle() {
        this(System::nanoTime);
    }

    LoginThrottle(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** How long {@code user} from {@code address} must wait before the next try; zero when they may try now. */
    public Duration waitFor(String user, String address) {
        long now = nanoClock.getAsLong();
        long wait = Math.max(remaining(pair(user, address), PAIR_FREE, LONGEST, now),
                remaining(user(user), USER_FREE, USER_LONGEST, now));
        if (!isKnown(pair(user, address), now)) {
            wait = Math.max(wait, remaining(address(address), ADDRESS_FREE, LONGEST, now));
        }
        return Duration.ofNanos(wait);
    }

    public void failed(String user, String address) {
        long now = nanoClock.getAsLong();
        if (failures.size() > SWEEP_ABOVE) {
            failures.values().removeIf(f -> now - f.lastNanos() > LONGEST.toNanos());
        }
        for (String key : new String[]{pair(user, address), user(user), address(address)}) {
            failures.merge(key, new Failures(1, now), (old, one) -> new Failures(
                    now - old.lastNanos() > LONGEST.toNanos() ? 1 : old.count() + 1, now));
        }
    }

    public void succeeded(String user, String address) {
        long now = nanoClock.getAsLong();
        if (known.size() > SWEEP_ABOVE) {
            known.values().removeIf(last -> now - last > KNOWN_FOR.toNanos());
        }
        known.put(pair(user, address), now);
        failures.remove(pair(user, address));
        failures.remove(user(user));
    }

    private boolean isKnown(String pair, long now) {
        Long last = known.get(pair);
        return last != null && now - last <= KNOWN_FOR.toNanos();
    }

    private long remaining(String key, int free, Duration longest, long now) {
        Failures f = failures.get(key);
        if (f == null || f.count() < free || now - f.lastNanos() > LONGEST.toNanos()) {
            return 0;
        }
        long delay = Math.min(longest.toNanos(), Duration.ofSeconds(1L << Math.min(f.count() - free, 20)).toNanos());
        return Math.max(0, f.lastNanos() + delay - now);
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
