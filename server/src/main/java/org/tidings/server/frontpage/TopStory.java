package org.tidings.server.frontpage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.tidings.server.i18n.Message;
import org.tidings.server.store.ArticleView;
import org.tidings.story.TopStories;

/**
 * One ranked story as the front page shows it: its lead article in the reader's edition, its breadth, its first and
 * latest reports, its score, and reports of other publishers than the lead's (one each, newest first).
 */
public record TopStory(long storyId, ArticleView lead, int publishers, int reports, Instant first, Instant latest,
        TopStories.Score score, List<Report> others) {

    /** Another publisher's headline for the same story. */
    public record Report(long articleId, long sourceId, String publisher, String title) {}

    public TopStory {
        others = others == null ? List.of() : List.copyOf(others);
    }

    /** The same story with other reports (those a reader has not muted). */
    public TopStory withOthers(List<Report> shown) {
        return new TopStory(storyId, lead, publishers, reports, first, latest, score, shown);
    }

    /** A story with a report this recent is still being written about. */
    static final Duration GROWING = Duration.ofHours(1);

    /**
     * Why it is here, for readers: "9 publishers in the last 3 hours, still growing" while a report came in the last
     * hour, "… slowing down" once none has.
     */
    public Message explanation(Instant now) {
        long hours = first == null ? 1 : Math.max(1, (Duration.between(first, now).toMinutes() + 59) / 60);
        boolean growing = latest != null && !latest.isBefore(now.minus(GROWING));
        return Message.of("home.top.explanation", publishers, hours, growing ? 1 : 0);
    }

    /** The raw numbers behind the explanation and the score's parts, for the curious (on hover). */
    public Message scores(Instant now) {
        return Message.of("home.top.scores", score.breadth(), score.velocity(), score.freshness(), score.diversity(), score.total(),
                publishers, reports, minutesBefore(first, now), minutesBefore(latest, now));
    }

    private static long minutesBefore(Instant at, Instant now) {
        return at == null ? 0 : Math.max(0, Duration.between(at, now).toMinutes());
    }
}
