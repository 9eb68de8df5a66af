package org.tidings.server.store;

import java.time.Instant;

/**
 * An article as the pages show it, with its publisher.
 *
 * @param fullTextStatus null (the feed's text only), pending, done, excerpt, blocked or failed
 * @param fullHtml       the sanitized main content extracted from the article's page, when done
 * @param storyId        the story the article belongs to, once the story desk has placed it
 */
public record ArticleView(
        long id,
        long sourceId,
        String sourceName,
        String sourceSiteUrl,
        String url,
        String title,
        String summary,
        String content,
        String author,
        String imageUrl,
        Instant publishedAt,
        Instant updatedAt,
        String fullTextStatus,
        String fullHtml,
        String byline,
        String lang,
        Long storyId) {

    /** The best text there is: the page's full text, else the feed's content, else its summary. */
    public String bestHtml() {
        if ("done".equals(fullTextStatus) && fullHtml != null && !fullHtml.isBlank()) return fullHtml;
        if (content != null && !content.isBlank()) return content;
        return summary;
    }

    /** Who wrote it, as the page or the feed says, unless that is only the publisher's name again. */
    public String displayByline() {
        for (String name : new String[] {byline, author}) {
            if (name != null && !name.isBlank() && !name.strip().equalsIgnoreCase(sourceName)) return name.strip();
        }
        return null;
    }

    /** True when what is shown is only a teaser: the page held no more, or the feed gave only a summary. */
    public boolean excerptOnly() {
        if ("done".equals(fullTextStatus)) return false;
        return "excerpt".equals(fullTextStatus) || content == null || content.isBlank();
    }
}
