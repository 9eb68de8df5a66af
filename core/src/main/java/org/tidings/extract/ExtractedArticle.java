package org.tidings.extract;

import java.time.Instant;
import java.util.List;
import org.tidings.article.ImageCaption;

/**
 * {@code text}: paragraphs separated by a blank line; {@code html}: the same, sanitized, with absolute
 * URLs. {@code excerpt}: the page held only a teaser (paywall, or too little text), so the text is what
 * there was and a reader should be sent to the publisher. {@code imageCaption}: what the page says under {@code image}
 * (only ever that picture's). Absent values are null (keywords: empty, imageCaption: {@link ImageCaption#NONE}).
 */
public record ExtractedArticle(String title, String byline, Instant published, Instant modified, String lang,
                               String siteName, String image, String canonicalUrl, String section,
                               List<String> keywords, String description, boolean excerpt, String text,
                               String html, ImageCaption imageCaption) {

    public ExtractedArticle {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        text = text == null ? "" : text;
        html = html == null ? "" : html;
        imageCaption = imageCaption == null || image == null ? ImageCaption.NONE : imageCaption;
    }
}
