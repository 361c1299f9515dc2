package br.com.crm.web.security;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {

    private final AtomicLong now = new AtomicLong(1_800_000_000_000L);
    private final LoginThrottle throttle = new LoginThrottle(new ConcurrentHashMap<>(), new ConcurrentHashMap<>(),
            now::get);

    private void fail(String user, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(user, address);
        }
    }

    private void advance(Duration d) {
        now.addAndGet(d.toMillis());
    }

    @Test
    void aFewMistakesCostNothingThenEachTryWaitsTwiceAsLong() {
        fail("ana", "10.0.0.9", LoginThrottle.PAIR_FREE - 1);
        assertThat(throttle.waitFor("ana", "10.0.0.9")).isZero();
        fail("ana", "10.0.0.9", 1);
        assertThat(throttle.waitFor("ana", "10.0.0.9")).isEqualTo(Duration.ofSeconds(1));
        fail("ana", "10.0.0.9", 3);
        assertThat(throttle.waitFor("ana", "10.0.0.9")).isEqualTo(Duration.ofSeconds(8));
        advance(Duration.ofSeconds(8));
        assertThat(throttle.waitFor("ana", "10.0.0.9")).isZero();
    }

    @Test
    void aGuesserWaitsUpToFifteenMinutesButTheRealUserElsewhereAtMostAMinute() {
        fail("ana", "203.0.113.5", 40);
        assertThat(throttle.waitFor("ana", "203.0.113.5")).isEqualTo(LoginThrottle.LONGEST);
        assertThat(throttle.waitFor("ana", "10.0.0.9")).isEqualTo(LoginThrottle.USER_LONGEST);
        assertThat(throttle.waitFor("bruno", "10.0.0.9")).isZero();
    }

    @Test
    void onePasswordTriedOnManyUsersSlowsThatAddressDown() {
        for (int i = 0; i < LoginThrottle.ADDRESS_FREE; i++) {
            throttle.failed("user" + i, "203.0.113.5");
        }
        assertThat(throttle.waitFor("someone-else", "203.0.113.5")).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.waitFor("someone-else", "10.0.0.9")).isZero();
    }

    @Test
    void aSuccessClearsTheUserAndCountsAreForgottenAfterAQuarterOfAnHour() {
        fail("ana", "10.0.0.9", 12);
        throttle.succeeded("ana", "10.0.0.9");
        assertThat(throttle.waitFor("ana", "10.0.0.9")).isZero();
        fail("bruno", "10.0.0.9", 12);
        advance(LoginThrottle.LONGEST.plusSeconds(1));
        assertThat(throttle.waitFor("bruno", "10.0.0.9")).isZero();
        throttle.failed("bruno", "10.0.0.9");
        assertThat(throttle.waitFor("bruno", "10.0.0.9")).isZero();
    }

    @Test
    void aColleagueWhoLoggedInFromTheSameAddressIsNotLockedOutByItsFailures() {
        throttle.succeeded("bruno", "10.0.0.1");
        for (int i = 0; i < LoginThrottle.ADDRESS_FREE + 10; i++) {
            throttle.failed("user" + i, "10.0.0.1");
        }
        assertThat(throttle.waitFor("bruno", "10.0.0.1")).isZero();
        assertThat(throttle.waitFor("carla", "10.0.0.1")).isPositive();
        advance(LoginThrottle.KNOWN_FOR.plusSeconds(1));
        fail("user0", "10.0.0.1", LoginThrottle.ADDRESS_FREE);
        assertThat(throttle.waitFor("bruno", "10.0.0.1")).isPositive();
    }
}
