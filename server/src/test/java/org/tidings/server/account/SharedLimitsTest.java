package org.tidings.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tidings.server.store.LimitStore;
import org.tidings.server.testing.Browser;
import org.tidings.server.testing.MutableClock;
import org.tidings.server.testing.ServerProcess;
import org.tidings.server.testing.TestDatabase;

/**
 * Limits kept in the database hold across processes: two processes' buckets of one name on one database are one
 * bucket, with the answers one process gives alone; when the database cannot keep them, each process still limits.
 */
class SharedLimitsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T08:00:00Z"));

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void twoProcessesShareOneBucketPerKey(TestDatabase db) {
        LimitStore store = new LimitStore(JdbcClient.create(db.migrated()));
        TokenBuckets a = TokenBuckets.shared("comment-reader", 3, Duration.ofSeconds(10), clock, store);
        TokenBuckets b = TokenBuckets.shared("comment-reader", 3, Duration.ofSeconds(10), clock, store);

        assertThat(a.take("reader-1")).isZero();
        assertThat(b.take("reader-1")).isZero();
        assertThat(a.take("reader-1")).isZero();
        assertThat(b.take("reader-1")).as("the burst is spent, whichever process asks").isEqualTo(Duration.ofSeconds(10));
        assertThat(a.take("reader-1")).isEqualTo(Duration.ofSeconds(10));
        assertThat(b.take("reader-2")).as("another key has its own bucket").isZero();
        assertThat(TokenBuckets.shared("sign-in-account", 3, Duration.ofSeconds(10), clock, store).take("reader-1"))
                .as("another limit has its own buckets").isZero();

        clock.advance(Duration.ofSeconds(4));
        assertThat(b.take("reader-1")).isEqualTo(Duration.ofSeconds(6));
        clock.advance(Duration.ofSeconds(6));
        assertThat(b.take("reader-1")).isZero();
        assertThat(a.take("reader-1")).isEqualTo(Duration.ofSeconds(10));

        clock.advance(Duration.ofHours(1));
        for (int i = 0; i < 3; i++) assertThat((i % 2 == 0 ? a : b).take("reader-1")).isZero();
        assertThat(a.take("reader-1")).as("never more than the burst").isPositive();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void takingFromTwoLimitsTakesFromBothOrNeither(TestDatabase db) {
        LimitStore store = new LimitStore(JdbcClient.create(db.migrated()));
        TokenBuckets accounts = TokenBuckets.shared("sign-in-account", 2, Duration.ofSeconds(30), clock, store);
        TokenBuckets addresses = TokenBuckets.shared("sign-in-address", 1, Duration.ofSeconds(5), clock, store);

        assertThat(accounts.takeWith("nadia", addresses, "10.0.0.1")).isZero();
        assertThat(accounts.takeWith("nadia", addresses, "10.0.0.1")).as("the address waits").isEqualTo(Duration.ofSeconds(5));
        clock.advance(Duration.ofSeconds(5));
        // the refused attempt gave the account's token back: one is left for nadia
        assertThat(accounts.takeWith("nadia", addresses, "10.0.0.1")).isZero();
        assertThat(accounts.takeWith("nadia", addresses, "10.0.0.2")).as("the account waits").isPositive();
    }

    /** A guesser who spreads attempts over two processes behind a balancer is slowed after the same ten as on one. */
    @Test
    void signInAttemptsSpreadOverTwoProcessesMeetOneLimit(@TempDir Path data) throws Exception {
        String[] database = TestDatabase.POSTGRES.serverArguments();
        try (ServerProcess a = ServerProcess.start(data.resolve("a"), database);
                ServerProcess b = ServerProcess.start(data.resolve("b"), database)) {
            Browser[] processes = {a.browser(), b.browser()};
            String email = "reader-" + UUID.randomUUID() + "@example.test";
            for (int i = 0; i < SignInThrottle.ACCOUNT_BURST; i++) {
                HttpResponse<String> attempt = processes[i % 2].post("/login",
                        Map.of("username", email, "password", "not the password " + i), "/login");
                assertThat(attempt.headers().firstValue("Location").orElse("")).as("attempt %d is checked", i + 1)
                        .endsWith("/login?error");
            }
            for (Browser process : processes) {
                HttpResponse<String> turnedAway = process.post("/login", Map.of("username", email, "password", "another"), "/login");
                assertThat(turnedAway.headers().firstValue("Location").orElse("")).as("the eleventh, on either process")
                        .contains("/login?slow=");
            }
        }
    }

    @Test
    void whenTheDatabaseCannotKeepThemEachProcessStillLimits() {
        // a database without the limits' table: every write fails as it would on a full disk or during an outage
        LimitStore broken = new LimitStore(JdbcClient.create(TestDatabase.H2.create().dataSource()));
        TokenBuckets buckets = TokenBuckets.shared("comment-reader", 2, Duration.ofSeconds(10), clock, broken);
        assertThat(buckets.take("reader-1")).isZero();
        assertThat(buckets.take("reader-1")).isZero();
        assertThat(buckets.take("reader-1")).isEqualTo(Duration.ofSeconds(10));
    }
}
