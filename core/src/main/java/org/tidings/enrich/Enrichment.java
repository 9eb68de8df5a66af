package org.tidings.enrich;

import java.util.List;

/**
 * What enrichment learned about one article (confidences 0 to 1): lang is ISO 639-1, or "und" when it cannot be
 * told; langConfidence is 0.5 when the declared language decided a close call; sectionConfidence is the section's
 * share of the evidence ({@link Section#GENERAL} when unknown); topics (a dozen at most), countries and regions come
 * strongest first.
 */
public record Enrichment(String lang, double langConfidence, List<Topic> topics, Section section,
                         double sectionConfidence, List<Place> countries, List<Place> regions) {

    /**
     * An article shows a few sure hashtags, not every name it mentions: past the third, and below two fifths of the
     * page's strongest topic, hashtags are passing mentions far more often than subjects (on pages that carry their
     * publisher's keywords, a third of the first three agree with them, a quarter of the first eight).
     */
    public static final int MAX_HASHTAGS = 3;
    public static final double MIN_HASHTAG_SCORE = 0.4;

    public Enrichment {
        topics = List.copyOf(topics);
        countries = List.copyOf(countries);
        regions = List.copyOf(regions);
    }

    /** The topics an article shows as hashtags: the strongest, at most {@value #MAX_HASHTAGS}, strongest first. */
    public List<Topic> hashtags() {
        return topics.stream().takeWhile(t -> t.score() >= MIN_HASHTAG_SCORE)
                .filter(t -> t.slug() != null && !t.slug().isBlank()).limit(MAX_HASHTAGS).toList();
    }
}
