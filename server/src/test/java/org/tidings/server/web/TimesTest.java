package org.tidings.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimesTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private static String ago(Duration d) {
        return Times.relative(NOW.minus(d), NOW);
    }

    @Test
    void saysHowLongAgoForAWeekThenGivesTheDate() {
        assertThat(ago(Duration.ofSeconds(20))).isEqualTo("just now");
        assertThat(ago(Duration.ofMinutes(1))).isEqualTo("1 minute ago");
        assertThat(ago(Duration.ofMinutes(30))).isEqualTo("30 minutes ago");
        assertThat(ago(Duration.ofHours(1))).isEqualTo("1 hour ago");
        assertThat(ago(Duration.ofHours(23))).isEqualTo("23 hours ago");
        assertThat(ago(Duration.ofHours(30))).isEqualTo("yesterday");
        assertThat(ago(Duration.ofDays(6))).isEqualTo("6 days ago");
        assertThat(ago(Duration.ofDays(8))).isEqualTo("17 Nov 2026");
    }

    @Test
    void aTimeAheadOfTheClockIsNow() {
        assertThat(Times.relative(NOW.plusSeconds(90), NOW)).isEqualTo("just now");
    }

    @Test
    void exactAndMachineFormsAreUtc() {
        assertThat(Times.exact(NOW)).isEqualTo("25 Nov 2026, 12:00 UTC");
        assertThat(Times.iso(NOW)).isEqualTo("2026-11-25T12:00:00Z");
    }
}
