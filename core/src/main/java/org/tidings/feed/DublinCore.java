package org.tidings.feed;

import java.util.Map;
import org.tidings.feed.XmlFeedReader.Level;

/** Dublin Core elements (dc:) and terms (dcterms:). */
final class DublinCore {

    private DublinCore() {}

    /** Reads one element into {@code m}; false when this vocabulary does not model it. */
    static boolean read(XmlFeedReader r, String key, XmlElement e, Map<String, Object> m, Level level) {
        switch (key) {
            case "dc:title" -> r.text.plain(m, "title", e);
            case "dc:description" -> r.text.html(m, level == Level.FEED ? "subtitle" : "summary", e);
            case "dc:identifier" -> FeedModel.putIfAbsent(m, "id", e.textOrNull());
            case "dc:creator", "dc:author" -> People.rss(m, "author", e);
            case "dc:publisher" -> People.rss(m, "publisher", e);
            case "dc:contributor" -> FeedModel.list(m, "contributors").add(People.nameOnly(e.text()));
            case "dc:subject" -> FeedModel.tag(m, e.textOrNull(), null, null);
            case "dc:language" -> FeedModel.putIfAbsent(m, "language", e.textOrNull());
            case "dc:rights" -> r.text.plain(m, "rights", e);
            case "dcterms:issued" -> FeedModel.date(m, "published", e.textOrNull());
            case "dc:date", "dcterms:modified" -> FeedModel.date(m, "updated", e.textOrNull());
            case "dcterms:created" -> FeedModel.date(m, "created", e.textOrNull());
            case "dcterms:valid" -> FeedModel.date(m, "expired", e.textOrNull());
            default -> { return false; }
        }
        return true;
    }
}
