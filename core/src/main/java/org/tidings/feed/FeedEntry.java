package org.tidings.feed;

import java.time.Instant;
import java.util.List;
import org.tidings.article.ImageCaption;

/**
 * One item of a feed, normalized across formats.
 *
 * @param id        the entry's own identifier (guid, atom:id, JSON id), or null
 * @param link      the absolute URL of the article, or null
 * @param title     plain-text headline, or null
 * @param summary   sanitized HTML summary, or null
 * @param content   sanitized HTML full content (content:encoded, atom:content), or null
 * @param author    the author's display name, or null
 * @param published publication instant in UTC, or null when the feed does not say
 * @param updated   last-modified instant in UTC, or null
 * @param tags      category terms, in document order
 * @param imageUrl  absolute URL of the entry's lead image (media, enclosure), or null
 * @param imageCaption what the feed says of that picture (Media RSS), else {@link ImageCaption#NONE}
 */
public record FeedEntry(
        String id,
        String link,
        String title,
        String summary,
        String content,
        String author,
        Instant published,
        Instant updated,
        List<String> tags,
        String imageUrl,
        ImageCaption imageCaption) {

    public FeedEntry {
        tags = tags == null ? List.of() : List.copyOf(tags);
        imageCaption = imageCaption == null || imageUrl == null ? ImageCaption.NONE : imageCaption;
    }
}
