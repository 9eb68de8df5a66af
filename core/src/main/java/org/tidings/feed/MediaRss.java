package org.tidings.feed;

import java.util.Map;
import org.tidings.feed.XmlFeedReader.Level;

/** Media RSS (media:): media content and thumbnails, categories, keywords. */
final class MediaRss {

    private MediaRss() {}

    /** Reads one element into {@code m}; false when this vocabulary does not model it. */
    static boolean read(XmlFeedReader r, String key, XmlElement e, Map<String, Object> m, Level level) {
        switch (key) {
            case "media:category" -> FeedModel.tag(m, e.textOrNull(), e.attrOrNull("scheme"), e.attrOrNull("label"));
            case "media:keywords" -> FeedModel.keywords(m, e.text());
            case "media:content" -> {
                FeedModel.list(m, "media_content").add(withUrlResolved(e));
                for (XmlElement child : e.elements()) r.element(child, m, Level.ENTRY);
            }
            case "media:thumbnail" -> FeedModel.list(m, "media_thumbnail").add(withUrlResolved(e));
            case "media:group" -> r.readElements(e, m, level);
            default -> { return false; }
        }
        return true;
    }

    /** The element's attributes, its url resolved. */
    private static Map<String, Object> withUrlResolved(XmlElement e) {
        Map<String, Object> attributes = e.attributes();
        if (attributes.containsKey("url")) attributes.put("url", e.url((String) attributes.get("url")));
        return attributes;
    }
}
