package org.tidings.server.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * How long to wait before fetching a source again: the publisher's own rhythm, within the bounds.
 * A source that publishes every 10 minutes is polled every 5.
 */
record PollingPolicy(Duration min, Duration max) {

    /** Entries used to estimate the rhythm: the newest ones say most about the publisher now. */
    private static final int RECENT_ENTRIES = 20;
    /** Entries older than this say nothing about today's rhythm (an archive feed, a year-old post). */
    private static final Duration LOOKBACK = Duration.ofDays(30);
    /** Poll twice per expected new item, so that a story arrives about half a gap after publication. */
    private static final int POLLS_PER_ITEM = 2;
    /** Without dates, nothing new stretches the interval by a quarter and something new shrinks it by a fifth. */
    private static final double STRETCH = 1.25;
    private static final double SHRINK = 0.8;

    /** From the publication times given two recent dated entries, else from the previous interval. */
    Duration next(List<Instant> published, Instant now, Duration previous, boolean somethingNew) {
        List<Instant> recent = published.stream().filter(Objects::nonNull)
                .filter(t -> !t.isAfter(now) && t.isAfter(now.minus(LOOKBACK)))
                .sorted(Comparator.reverseOrder()).limit(RECENT_ENTRIES).toList();
        if (recent.size() >= 2) {
            Duration meanGap = Duration.between(recent.getLast(), recent.getFirst()).dividedBy(recent.size() - 1);
            // a feed that has gone quiet for longer than its usual gap is polled after its silence instead
            Duration silence = Duration.between(recent.getFirst(), now);
            Duration gap = silence.compareTo(meanGap) > 0 ? silence : meanGap;
            return clamp(gap.dividedBy(POLLS_PER_ITEM));
        }
        return clamp(Duration.ofMillis((long) (previous.toMillis() * (somethingNew ? SHRINK : STRETCH))));
    }

    /** The interval after a fetch that found the feed unchanged (304 or the same bytes). */
    Duration unchanged(Duration previous) {
        return clamp(Duration.ofMillis((long) (previous.toMillis() * STRETCH)));
    }

    Duration clamp(Duration d) {
        if (d.compareTo(min) < 0) return min;
        if (d.compareTo(max) > 0) return max;
        return d;
    }
}
