package org.tidings.enrich;

import org.tidings.text.Slugs;

/**
 * A person, organisation, place or subject an article is about.
 *
 * @param kind  what the topic names
 * @param name  the name to show, in the article's language where known (e.g. "Federal Reserve", "دبي")
 * @param slug  a stable URL slug for {@code /topic/{slug}}: the same topic gets the same slug whatever the surface
 *              form or language ("Fed" and "Federal Reserve" are both {@code federal-reserve}; "دبي" and "Dubai" are
 *              both {@code dubai}); Latin letters lower-cased without accents, Arabic letters kept
 * @param score relevance in (0, 1]; the article's most prominent topic scores 1
 */
public record Topic(Kind kind, String name, String slug, double score) {

    /** What a topic names. */
    public enum Kind { PERSON, ORGANIZATION, PLACE, SUBJECT }

    /** The hashtag form: "#FederalReserve", "#UAE", and for Arabic words joined by underscores ("#الأمم_المتحدة"). */
    public String hashtag() {
        return Slugs.hashtag(name);
    }
}
