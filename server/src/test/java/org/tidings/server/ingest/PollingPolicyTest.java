package org.tidings.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PollingPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private final PollingPolicy policy = new PollingPolicy(Duration.ofMinutes(5), Duration.ofHours(24));

    private static List<Instant> every(Duration gap, int count) {
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < count; i++) times.add(NOW.minus(gap.multipliedBy(i)));
        return times;
    }

    @Test
    void pollsTwicePerExpectedItem() {
        assertThat(policy.next(every(Duration.ofHours(2), 10), NOW, Duration.ofMinutes(15), true))
                .isEqualTo(Duration.ofHours(1));
    }

    @Test
    void staysWithinTheBounds() {
        assertThat(policy.next(every(Duration.ofMinutes(1), 20), NOW, Duration.ofMinutes(15), true)).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.next(List.of(NOW.minus(Duration.ofDays(20)), NOW.minus(Duration.ofDays(29))), NOW,
                Duration.ofMinutes(15), false)).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void aFeedThatWentQuietIsPolledLessOften() {
        List<Instant> burstThenSilence = every(Duration.ofMinutes(10), 10).stream().map(t -> t.minus(Duration.ofDays(3))).toList();
        assertThat(policy.next(burstThenSilence, NOW, Duration.ofMinutes(15), false)).isGreaterThan(Duration.ofHours(3));
    }

    @Test
    void withoutDatesItStretchesWhenNothingIsNewAndShrinksWhenSomethingIs() {
        assertThat(policy.next(List.of(), NOW, Duration.ofMinutes(60), false)).isEqualTo(Duration.ofMinutes(75));
        assertThat(policy.next(List.of(), NOW, Duration.ofMinutes(60), true)).isEqualTo(Duration.ofMinutes(48));
        assertThat(policy.unchanged(Duration.ofHours(23))).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void futureAndArchiveDatesAreIgnored() {
        List<Instant> odd = List.of(NOW.plus(Duration.ofDays(300)), NOW.minus(Duration.ofDays(400)));
        assertThat(policy.next(odd, NOW, Duration.ofMinutes(60), false)).isEqualTo(Duration.ofMinutes(75));
    }
}
