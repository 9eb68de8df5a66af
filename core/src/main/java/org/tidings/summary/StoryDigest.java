package org.tidings.summary;

import java.time.Instant;
import java.util.List;

/**
 * The offline multi-source summary of a story: the facts several publishers agree on (at least two, and at least
 * half of them), salient facts reported by fewer (naming them), and per article in publication order what it added
 * first. Not {@code available}, with empty lists, below three articles or two publishers.
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

    /** A fact: its wording (the first citation's), every sentence reporting it (shown one first), its publishers. */
    public record Point(String text, List<Citation> citations, List<String> publishers) {
    }

    /** An article of the timeline: its publication time (null if unknown), its publisher and what it added first. */
    public record TimelineEntry(Instant published, String publisher, Citation citation) {
    }
}
