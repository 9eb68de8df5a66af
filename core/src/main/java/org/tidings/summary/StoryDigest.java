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
     * A fact of the story.
     *
     * @param text       the wording shown: the sentence of the first citation
     * @param citations  every sentence that reports it, the shown one first
     * @param publishers the publishers that report it
     */
    public record Point(String text, List<Citation> citations, List<String> publishers) {
    }

    /**
     * @param published the article's publication time (null if unknown)
     * @param publisher its publisher
     * @param citation  the sentence it contributed first
     */
    public record TimelineEntry(Instant published, String publisher, Citation citation) {
    }
}
