package org.tidings.server.search;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What the index knows of one article; section, language and regions are the article's own where
 * it has them, else its source's.
 *
 * @param text    plain: its page's, else the feed's
 * @param regions lower case: the source's and the places the article is about
 */
public record IndexedArticle(long id, long sourceId, String publisher, String title, String text, String lead, String lang,
        String section, Set<String> regions, List<Topic> topics, Instant publishedAt, Long storyId) {

    /** A person, place, organisation or subject the article is about: its slug for links and filters, its label for words. */
    public record Topic(String slug, String label) {}
}
