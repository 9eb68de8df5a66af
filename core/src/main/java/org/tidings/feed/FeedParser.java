package org.tidings.feed;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/** Parses RSS and Atom documents into {@link ParsedFeed}. Thin first version; see the feed issue. */
public final class FeedParser {

    private FeedParser() {}

    public static ParsedFeed parse(byte[] body, String contentType, String url) {
        String xml = new String(body, StandardCharsets.UTF_8);
        Document doc = Jsoup.parse(xml, url == null ? "" : url, Parser.xmlParser());
        Element rss = doc.selectFirst("rss > channel");
        Element atom = doc.selectFirst("feed");
        List<FeedEntry> entries = new ArrayList<>();
        if (rss != null) {
            for (Element item : rss.select("> item")) {
                entries.add(new FeedEntry(text(item, "guid"), text(item, "link"), text(item, "title"),
                        text(item, "description"), text(item, "content|encoded"), text(item, "author"),
                        date(text(item, "pubDate")), null, item.select("> category").eachText(), null));
            }
            return new ParsedFeed("rss20", false, null, "utf-8", text(rss, "title"), text(rss, "link"),
                    text(rss, "language"), entries);
        }
        if (atom != null) {
            for (Element e : atom.select("> entry")) {
                Element link = e.selectFirst("> link[rel=alternate], > link:not([rel])");
                entries.add(new FeedEntry(text(e, "id"), link == null ? null : link.absUrl("href"), text(e, "title"),
                        text(e, "summary"), text(e, "content"), text(e, "author > name"),
                        date(text(e, "published")), date(text(e, "updated")), List.of(), null));
            }
            return new ParsedFeed("atom10", false, null, "utf-8", text(atom, "title"), null, null, entries);
        }
        return new ParsedFeed("", true, "document is not a feed", "utf-8", null, null, null, List.of());
    }

    private static String text(Element parent, String tag) {
        Element e = parent.selectFirst("> " + tag);
        return e == null || e.text().isBlank() ? null : e.text().trim();
    }

    private static Instant date(String value) {
        if (value == null) return null;
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (RuntimeException e) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (RuntimeException e2) {
                return null;
            }
        }
    }
}
