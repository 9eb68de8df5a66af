package org.tidings.story;

import java.time.Instant;

/**
 * One article as the story stage sees it.
 *
 * @param id        the caller's identifier, unique; it also names the story the article founds
 * @param title     the headline (plain text), or null
 * @param text      the lead or full main text (plain text), or null when only the headline is known
 * @param url       the article's URL (canonicalized here), or null
 * @param publisher the publisher's name or source id, or null
 * @param published publication instant, or null to mean "now" (the latest time seen so far)
 * @param lang      ISO 639-1 language code, or null; stories never mix languages that are both known
 */
public record Article(String id, String title, String text, String url, String publisher, Instant published, String lang) {

    public Article {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("an article needs an id");
        }
    }

    /** A headline-only article. */
    public static Article headline(String id, String title, String publisher, Instant published) {
        return new Article(id, title, null, null, publisher, published, null);
    }
}
