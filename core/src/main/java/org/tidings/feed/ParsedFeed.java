package org.tidings.feed;

import java.util.List;

/**
 * @param version     feedparser-style format name: rss20, rss10, atom10, atom03, json11, ... or "" when unknown
 * @param bozo        true when the document was not well-formed and was recovered liberally
 * @param bozoReason  why the document is not well-formed, or null
 * @param encoding    the character encoding the document was decoded with
 * @param title       the feed's title, or null
 * @param link        the feed's site link, or null
 * @param language    the feed's declared language, or null
 * @param entries     the entries in document order
 * @param leftOut     entries past the most a feed may have, counted but not read (0 for a feed within the limit)
 */
public record ParsedFeed(
        String version,
        boolean bozo,
        String bozoReason,
        String encoding,
        String title,
        String link,
        String language,
        List<FeedEntry> entries,
        int leftOut) {

    public ParsedFeed {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    /** False when nothing in the document looked like a feed. */
    public boolean isFeed() {
        return !version.isEmpty();
    }
}
