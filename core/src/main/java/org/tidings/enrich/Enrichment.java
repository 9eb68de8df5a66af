package org.tidings.enrich;

import java.util.List;

/**
 * What enrichment learned about one article.
 *
 * @param lang              ISO 639-1 code of the text's language, or "und" when it cannot be told
 * @param langConfidence    0 (no idea) to 1; 0.5 when the declared language decided a close call
 * @param topics            people, organisations, places and subjects, most relevant first (at most a dozen)
 * @param section           the section the article belongs to ({@link Section#GENERAL} when unknown)
 * @param sectionConfidence 0 to 1: the share of the section evidence that points to {@code section}
 * @param countries         ISO country codes the article is about, strongest first
 * @param regions           regions of the editions the article is about, strongest first
 */
public record Enrichment(String lang, double langConfidence, List<Topic> topics, Section section,
                         double sectionConfidence, List<Place> countries, List<Place> regions) {

    public Enrichment {
        topics = List.copyOf(topics);
        countries = List.copyOf(countries);
        regions = List.copyOf(regions);
    }
}
