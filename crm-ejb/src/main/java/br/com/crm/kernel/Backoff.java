package br.com.crm.kernel;

import java.time.Duration;

/**
 * How long a background sender waits before its next attempt (the e-mail outbox, the webhooks): the base wait
 * doubled after every failed attempt, never longer than the cap. So a receiver that is down for a minute gets a few
 * quick retries, and one that is down for a day is not called every few seconds.
 */
public final class Backoff {

    private Backoff() {
    }

    /** The wait after the {@code attempts}-th failed attempt (1 for the first): {@code base × 2^(attempts-1)}. */
    public static Duration after(int attempts, Duration base, Duration cap) {
        int doublings = Math.max(0, Math.min(attempts - 1, 30));
        long seconds = base.getSeconds();
        if (seconds <= 0) {
            return Duration.ZERO;
        }
        // Past the cap before the shift could overflow.
        if (doublings >= Long.numberOfLeadingZeros(seconds) - 1) {
            return cap;
        }
        Duration wait = Duration.ofSeconds(seconds << doublings);
        return wait.compareTo(cap) > 0 ? cap : wait;
    }
}
