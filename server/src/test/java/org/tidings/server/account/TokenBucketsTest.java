package org.tidings.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tidings.server.testing.MutableClock;

class TokenBucketsTest {

    @Test
    void aBurstIsAllowedThenOneMoreEveryInterval() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-25T08:00:00Z"));
        TokenBuckets buckets = new TokenBuckets(3, Duration.ofSeconds(10), clock);
        assertThat(buckets.tryTake("a")).isTrue();
        assertThat(buckets.tryTake("a")).isTrue();
        assertThat(buckets.tryTake("a")).isTrue();
        assertThat(buckets.tryTake("a")).isFalse();
        assertThat(buckets.tryTake("b")).as("another key has its own bucket").isTrue();
        clock.advance(Duration.ofSeconds(9));
        assertThat(buckets.tryTake("a")).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(buckets.tryTake("a")).isTrue();
        assertThat(buckets.tryTake("a")).isFalse();
        clock.advance(Duration.ofHours(1));
        for (int i = 0; i < 3; i++) assertThat(buckets.tryTake("a")).isTrue();
        assertThat(buckets.tryTake("a")).as("never more than the burst").isFalse();
    }
}
