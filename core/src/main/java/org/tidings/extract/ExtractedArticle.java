package org.tidings.extract;

import java.time.Instant;
import java.util.List;

/**
 * {@code text}: paragraphs separated by a blank line; {@code html}: the same, sanitized, with absolute
 * URLs. {@code excerpt}: the page held only a teaser (paywall, or too little text), so the text is what
 * there was and a reader should be sent to the publisher. Absent values are null (keywords: empty).
 */
public record ExtractedArticle(String title, String byline, Instant published, Instant modified, String lang,
                               String siteName, String image, String canonicalUrl, String section,
                               List<String> keywords, String description, boolean excerpt, String text,
                               String html) {

    public ExtractedArticle {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        text = text == null ? "" : text;
        html = html == null ? "" : html;
    }
}
