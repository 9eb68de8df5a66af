package org.tidings.server.store;

import java.time.Instant;

/**
 * An article as lists and pages show it, with its publisher; its body is read on its own page
 * only ({@link ArticleStore#body}).
 *
 * @param lead           the opening a list or a feed shows (plain text, possibly empty)
 * @param fullTextStatus null (the feed's text only), pending, done, excerpt, blocked or failed
 * @param excerpt        the body is only a teaser: the feed gave a summary alone, or the page held no more
 * @param lang           the article's language as detected (or as its page declared it, until then)
 * @param storyId        the story the article belongs to, once the story desk has placed it
 */
public record ArticleView(
        long id,
        long sourceId,
        String sourceName,
        String sourceSiteUrl,
        String url,
        String title,
        String lead,
        String author,
        String imageUrl,
        Instant publishedAt,
        Instant updatedAt,
        String fullTextStatus,
        boolean excerpt,
        String byline,
        String lang,
        Long storyId) {

    /** Who wrote it, as the page or the feed says, unless that is only the publisher's name again. */
    public String displayByline() {
        for (String name : new String[] {byline, author}) {
            if (name != null && !name.isBlank() && !name.strip().equalsIgnoreCase(sourceName)) return name.strip();
        }
        return null;
    }
}
