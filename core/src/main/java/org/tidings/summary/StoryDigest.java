package org.tidings.summary;

import java.time.Instant;
import java.util.List;

/**
 * The offline multi-source summary of a story.
 *
 * @param available    false when the story has fewer than three articles or fewer than two
 *                     publishers; the lists are then empty
 * @param agreed       facts reported by several publishers (at least two, and at least half of them)
 * @param reportedBySome salient facts reported by fewer publishers, naming them
 * @param timeline     one entry per article in publication order: what it added first
 */
public record StoryDigest(boolean available, List<Point> agreed, List<Point> reportedBySome,
                          List<TimelineEntry> timeline) {

    public StoryDigest {
        agreed = List.copyOf(agreed);
        reportedBySome = List.copyOf(reportedBySome);
        timeline = List.copyOf(timeline);
    }

    /** A sentence of an article: the article's id and the sentence (index and offsets). */
    public record Citation(String articleId, Sentence sentence) {
    }

    /**
     * A fact of the story: its wording (the first citation's sentence), every sentence reporting it (the shown one
     * first) and the publishers that do.
     */
    public record Point(String text, List<Citation> citations, List<String> publishers) {
    }

    /** An article of the timeline: its publication time (null if unknown), its publisher and what it added first. */
    public record TimelineEntry(Instant published, String publisher, Citation citation) {
    }
}
