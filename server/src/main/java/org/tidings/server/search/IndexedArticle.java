package org.tidings.server.search;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What the index knows of one article: its words, where it comes from, what it is about, and when
 * it was published. Built from the database by {@link SearchIndexer}; section, language and regions
 * are the article's own where it has them, else its source's.
 *
 * @param text    the article's text (its page's, else the feed's), plain
 * @param lead    its opening, as lists show it
 * @param regions region codes (the source's and the places the article is about), lower case
 * @param topics  topics the article is about (slug and label)
 */
public record IndexedArticle(long id, long sourceId, String publisher, String title, String text, String lead, String lang,
        String section, Set<String> regions, List<Topic> topics, Instant publishedAt, Long storyId) {

    /** A person, place, organisation or subject the article is about: its slug for links and filters, its label for words. */
    public record Topic(String slug, String label) {}
}
