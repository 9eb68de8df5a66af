package org.tidings.story;

import java.time.Instant;

/**
 * One article as the story stage sees it; all but the id may be null. The id also names the story the article
 * founds; text is the lead or main text; the URL is canonicalized here; a null published time means "now"
 * (the latest time seen); lang is ISO 639-1, and stories never mix two known languages.
 */
public record Article(String id, String title, String text, String url, String publisher, Instant published, String lang) {

    public Article {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("an article needs an id");
        }
    }

    public static Article headline(String id, String title, String publisher, Instant published) {
        return new Article(id, title, null, null, publisher, published, null);
    }
}
