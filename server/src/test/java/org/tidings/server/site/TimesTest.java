package org.tidings.server.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TimesTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Locale ARABIC = Locale.forLanguageTag("ar");

    private static String ago(Duration d, Locale locale) {
        return Times.relative(NOW.minus(d), NOW, locale);
    }

    @Test
    void saysHowLongAgoForAWeekThenGivesTheDate() {
        assertThat(ago(Duration.ofSeconds(20), Locale.ENGLISH)).isEqualTo("now");
        assertThat(ago(Duration.ofMinutes(1), Locale.ENGLISH)).isEqualTo("1 minute ago");
        assertThat(ago(Duration.ofMinutes(30), Locale.ENGLISH)).isEqualTo("30 minutes ago");
        assertThat(ago(Duration.ofHours(1), Locale.ENGLISH)).isEqualTo("1 hour ago");
        assertThat(ago(Duration.ofHours(23), Locale.ENGLISH)).isEqualTo("23 hours ago");
        assertThat(ago(Duration.ofHours(30), Locale.ENGLISH)).isEqualTo("yesterday");
        assertThat(ago(Duration.ofDays(6), Locale.ENGLISH)).isEqualTo("6 days ago");
        assertThat(ago(Duration.ofDays(8), Locale.ENGLISH)).isEqualTo("17 Nov 2026");
    }

    @Test
    void arabicUsesItsOwnPluralFormsAndWords() {
        String one = ago(Duration.ofMinutes(1), ARABIC);
        String two = ago(Duration.ofMinutes(2), ARABIC);
        String three = ago(Duration.ofMinutes(3), ARABIC);
        String eleven = ago(Duration.ofMinutes(11), ARABIC);
        assertThat(one).contains("دقيقة").doesNotContain("minute");
        assertThat(two).contains("دقيقتين");
        assertThat(three).contains("دقائق");
        assertThat(eleven).contains("دقيقة");
        assertThat(ago(Duration.ofHours(30), ARABIC)).isEqualTo("أمس");
        assertThat(ago(Duration.ofDays(8), ARABIC)).doesNotContain("Nov");
    }

    @Test
    void aTimeAheadOfTheClockIsNow() {
        assertThat(Times.relative(NOW.plusSeconds(90), NOW, Locale.ENGLISH)).isEqualTo("now");
    }

    @Test
    void exactAndMachineFormsAreUtc() {
        assertThat(Times.exact(NOW, Locale.ENGLISH)).isEqualTo("25 Nov 2026, 12:00 UTC");
        assertThat(Times.iso(NOW)).isEqualTo("2026-11-25T12:00:00Z");
        assertThat(Times.date(NOW, Locale.ENGLISH)).isEqualTo("25 Nov 2026");
        assertThat(Times.date(NOW.minusSeconds(30), Locale.ENGLISH)).as("a moment ago is a day, not \"now\"").isEqualTo("25 Nov 2026");
    }
}
