package org.tidings.server.testing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Small RSS documents for tests. */
public final class Feeds {

    /** One item of a test feed. */
    public record Item(String guid, String link, String title, String html, Instant published) {}

    private Feeds() {}

    public static String rss(String title, List<Item> items) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
                <channel><link>http://publisher.test/</link>
                """).append("<title>").append(escape(title)).append("</title>\n");
        for (Item item : items) {
            xml.append("<item>");
            if (item.guid() != null) xml.append("<guid isPermaLink=\"false\">").append(escape(item.guid())).append("</guid>");
            xml.append("<link>").append(escape(item.link())).append("</link>")
                    .append("<title>").append(escape(item.title())).append("</title>")
                    .append("<pubDate>").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(item.published().atOffset(ZoneOffset.UTC)))
                    .append("</pubDate>")
                    .append("<content:encoded>").append(escape(item.html())).append("</content:encoded>")
                    .append("</item>\n");
        }
        return xml.append("</channel></rss>\n").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
