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

    public Enrichment {
        topics = List.copyOf(topics);
        countries = List.copyOf(countries);
        regions = List.copyOf(regions);
    }
}
