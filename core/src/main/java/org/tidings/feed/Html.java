package org.tidings.feed;

import org.jsoup.parser.Parser;
import org.tidings.html.HtmlSanitizer;

/** HTML values of feeds: sanitized through the shared sanitizer, with a fast path for plain text. */
final class Html {

    private Html() {}

    /** Text without any tag cannot carry active content: it is only re-escaped, skipping a full parse. */
    static String sanitize(String html, String base) {
        if (html == null) return null;
        if (html.indexOf('<') < 0) return escape(toText(html).strip());
        return HtmlSanitizer.sanitize(html, base == null || base.isEmpty() ? null : base);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        XmlElement.escape(text, out, false);
        return out.toString();
    }

    static String toText(String html) {
        if (html == null) return null;
        if (html.indexOf('<') < 0) return html.indexOf('&') < 0 ? html : Parser.unescapeEntities(html, false);
        return HtmlSanitizer.toText(html);
    }
}
