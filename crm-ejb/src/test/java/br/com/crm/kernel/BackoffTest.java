package br.com.crm.kernel;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    private static final Duration BASE = Duration.ofSeconds(30);
    private static final Duration CAP = Duration.ofHours(1);

    @Test
    void theWaitDoublesAfterEveryFailedAttempt() {
        assertThat(Backoff.after(1, BASE, CAP)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Backoff.after(2, BASE, CAP)).isEqualTo(Duration.ofSeconds(60));
        assertThat(Backoff.after(3, BASE, CAP)).isEqualTo(Duration.ofSeconds(120));
        assertThat(Backoff.after(7, BASE, CAP)).isEqualTo(Duration.ofSeconds(1920));
    }

    @Test
    void theWaitStopsAtTheCapAndNeverOverflows() {
        assertThat(Backoff.after(8, BASE, CAP)).isEqualTo(CAP);
        assertThat(Backoff.after(60, BASE, CAP)).isEqualTo(CAP);
        assertThat(Backoff.after(Integer.MAX_VALUE, BASE, CAP)).isEqualTo(CAP);
        assertThat(Backoff.after(62, Duration.ofSeconds(Long.MAX_VALUE / 4), Duration.ofDays(1)))
                .isEqualTo(Duration.ofDays(1));
    }

    @Test
    void aFirstOrOddAttemptCountWaitsTheBase() {
        assertThat(Backoff.after(0, BASE, CAP)).isEqualTo(BASE);
        assertThat(Backoff.after(-3, BASE, CAP)).isEqualTo(BASE);
        assertThat(Backoff.after(5, Duration.ZERO, CAP)).isEqualTo(Duration.ZERO);
    }
}
