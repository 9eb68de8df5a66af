package org.tidings.server.frontpage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.tidings.server.i18n.Message;
import org.tidings.story.TopStories;

/** "Why it is here" speaks to readers in their language, with its plurals; the score's numbers are for the curious. */
class TopStoryTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final TopStories.Score SCORE = new TopStories.Score(2.30, 1.15, 0.94, 0.88, 4.10);

    private static String say(Message message, String lang) {
        ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
        bundles.setBasename("i18n/messages");
        bundles.setDefaultEncoding("UTF-8");
        bundles.setAlwaysUseMessageFormat(true);
        bundles.setFallbackToSystemLocale(false);
        return bundles.getMessage(message.key(), message.args().toArray(), Locale.forLanguageTag(lang));
    }

    private static TopStory story(int publishers, Duration since, Duration quiet) {
        return new TopStory(7, null, publishers, publishers + 2, NOW.minus(since), NOW.minus(quiet), SCORE, List.of());
    }

    @Test
    void aStoryStillReportedOnSaysHowManyPublishersInHowLongAndThatItGrows() {
        TopStory story = story(9, Duration.ofMinutes(150), Duration.ofMinutes(20));
        assertThat(say(story.explanation(NOW), "en")).isEqualTo("9 publishers in the last 3 hours, still growing");
        assertThat(say(story.explanation(NOW), "ar")).isEqualTo("9 ناشرين خلال آخر 3 ساعات، ولا تزال التغطية تتسع");
    }

    @Test
    void aStoryWithoutAReportInTheLastHourIsSlowingDownAndPluralsFollowEachLanguage() {
        TopStory recent = story(2, Duration.ofMinutes(40), Duration.ofMinutes(90));
        assertThat(say(recent.explanation(NOW), "en")).isEqualTo("2 publishers in the last hour, slowing down");
        assertThat(say(recent.explanation(NOW), "ar")).isEqualTo("ناشران خلال الساعة الأخيرة، والتغطية تتباطأ");
        TopStory twoHours = story(11, Duration.ofMinutes(61), Duration.ofHours(2));
        assertThat(say(twoHours.explanation(NOW), "en")).isEqualTo("11 publishers in the last 2 hours, slowing down");
        assertThat(say(twoHours.explanation(NOW), "ar")).isEqualTo("11 ناشرًا خلال الساعتين الأخيرتين، والتغطية تتباطأ");
        TopStory day = story(3, Duration.ofHours(30), Duration.ofMinutes(59));
        assertThat(say(day.explanation(NOW), "en")).isEqualTo("3 publishers in the last 30 hours, still growing");
        assertThat(say(day.explanation(NOW), "ar")).isEqualTo("3 ناشرين خلال آخر 30 ساعة، ولا تزال التغطية تتسع");
    }

    @Test
    void theRawNumbersAndTheScoresPartsAreKeptForHover() {
        TopStory story = story(4, Duration.ofMinutes(75), Duration.ofMinutes(12));
        assertThat(say(story.scores(NOW), "en")).isEqualTo("Publishers: 4; reports: 6; first report: 75 min ago; latest: 12 min ago."
                + " Ranking: breadth 2.30, velocity 1.15, freshness 0.94, diversity 0.88: score 4.10");
        assertThat(say(story.scores(NOW), "ar")).startsWith("الناشرون: 4؛ التقارير: 6؛ أول تقرير: قبل 75 د؛ الأحدث: قبل 12 د.");
    }
}
