package org.tidings.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tidings.server.store.LimitStore;
import org.tidings.server.testing.TestDatabase;
import org.tidings.server.testing.MutableClock;

/** The sign-in buckets on a clock the test moves: a burst, then one attempt per refill, per account and per address. */
class SignInThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T08:00:00Z"));
    private final SignInThrottle throttle =
            new SignInThrottle(clock, new LimitStore(JdbcClient.create(TestDatabase.H2.migrated())));

    @Test
    void anAccountGetsItsBurstThenOneAttemptPerRefill() {
        for (int i = 0; i < SignInThrottle.ACCOUNT_BURST; i++) {
            assertThat(throttle.attempt("nadia@example.test", "10.0.0." + i)).isZero();
        }
        Duration wait = throttle.attempt("nadia@example.test", "10.0.1.1");
        assertThat(wait).isPositive().isLessThanOrEqualTo(SignInThrottle.ACCOUNT_REFILL);
        assertThat(throttle.attempt("omar@example.test", "10.0.1.1")).isZero(); // another account is not slowed
        clock.advance(SignInThrottle.ACCOUNT_REFILL);
        assertThat(throttle.attempt("nadia@example.test", "10.0.1.2")).isZero();
        assertThat(throttle.attempt("nadia@example.test", "10.0.1.3")).isPositive();
    }

    @Test
    void anAddressGetsItsBurstAcrossAccountsThenOneAttemptPerRefill() {
        for (int i = 0; i < SignInThrottle.ADDRESS_BURST; i++) {
            assertThat(throttle.attempt("reader" + i + "@example.test", "192.0.2.7")).isZero();
        }
        assertThat(throttle.attempt("another@example.test", "192.0.2.7")).isPositive();
        assertThat(throttle.attempt("another@example.test", "192.0.2.8")).isZero(); // another address is not slowed
        clock.advance(SignInThrottle.ADDRESS_REFILL);
        assertThat(throttle.attempt("yet-another@example.test", "192.0.2.7")).isZero();
    }

    @Test
    void aTurnedAwayAttemptTakesNoToken() {
        for (int i = 0; i < SignInThrottle.ACCOUNT_BURST; i++) throttle.attempt("nadia@example.test", "10.0.0.1");
        for (int i = 0; i < 50; i++) assertThat(throttle.attempt("nadia@example.test", "10.0.0.1")).isPositive();
        clock.advance(SignInThrottle.ACCOUNT_REFILL);
        assertThat(throttle.attempt("nadia@example.test", "10.0.0.2")).isZero();
    }
}
