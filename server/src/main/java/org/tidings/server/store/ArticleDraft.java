package org.tidings.server.store;

import java.time.Instant;
import org.tidings.article.ArticleText;
import org.tidings.article.ImageCaption;
import org.tidings.url.CanonicalUrl;

/**
 * An article as ingestion hands it to the store.
 *
 * @param entryKey     the entry's identity within its source (guid, else link, else content hash)
 * @param canonicalUrl the one spelling of its link, which identifies it across sources; null without a link
 * @param summary      the feed's summary, sanitized HTML, or null
 * @param publishedAt  when the feed says it was published, or null when it does not say
 * @param contentHash  a digest of everything shown, to tell an updated entry from an unchanged one
 * @param imageCaption what the feed says under {@code imageUrl}; {@link ImageCaption#NONE} without a picture
 */
public record ArticleDraft(String entryKey, String url, String canonicalUrl, String title, String summary, ArticleText text,
        String author, String imageUrl, Instant publishedAt, Instant updatedAt, String contentHash, ImageCaption imageCaption) {

    public ArticleDraft {
        imageCaption = imageCaption == null || imageUrl == null ? ImageCaption.NONE : imageCaption;
    }

    /** An entry as its feed gave it: its text by the one rule ({@link ArticleText#ofFeed}), its canonical address from its link. */
    public static ArticleDraft ofFeed(String entryKey, String url, String title, String summary, String content,
            String author, String imageUrl, Instant publishedAt, Instant updatedAt, String contentHash) {
        return new ArticleDraft(entryKey, url, url == null ? null : CanonicalUrl.canonicalize(url), title, summary,
                ArticleText.ofFeed(title, summary, content), author, imageUrl, publishedAt, updatedAt, contentHash, ImageCaption.NONE);
    }

    /** This entry with what its feed says under its picture. */
    public ArticleDraft withImageCaption(ImageCaption caption) {
        return new ArticleDraft(entryKey, url, canonicalUrl, title, summary, text, author, imageUrl, publishedAt, updatedAt,
                contentHash, caption);
    }
}
