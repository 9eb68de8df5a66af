package org.tidings.enrich;

import org.tidings.text.Slugs;

/**
 * A person, organisation, place or subject an article is about, named in the article's language where known. The
 * {@code /topic/{slug}} slug is the same whatever the form or language ("Fed", "Federal Reserve": federal-reserve;
 * "دبي", "Dubai": dubai), Latin lower-cased without accents, Arabic kept. Score in (0, 1]: the top topic scores 1.
 */
public record Topic(Kind kind, String name, String slug, double score) {

    public enum Kind { PERSON, ORGANIZATION, PLACE, SUBJECT }

    /** The hashtag form: "#FederalReserve", "#UAE", and for Arabic words joined by underscores ("#الأمم_المتحدة"). */
    public String hashtag() {
        return Slugs.hashtag(name);
    }
}
