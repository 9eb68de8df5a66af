package org.tidings.feed;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Apple's podcast vocabulary (itunes:). */
final class ITunes {

    private ITunes() {}

    /** Reads one element into {@code m}; false when this vocabulary does not model it. */
    static boolean read(XmlFeedReader r, String key, XmlElement e, Map<String, Object> m) {
        switch (key) {
            case "itunes:title" -> r.text.plain(m, "title", e);
            case "itunes:subtitle" -> r.text.plain(m, "subtitle", e);
            case "itunes:summary" -> r.text.plain(m, "summary", e);
            case "itunes:author" -> People.rss(m, "author", e);
            case "itunes:owner" -> FeedModel.putIfAbsent(m, "publisher_detail", owner(e));
            case "itunes:category" -> category(m, e);
            case "itunes:keywords" -> FeedModel.keywords(m, e.text());
            case "itunes:image" -> FeedModel.putIfAbsent(m, "image", image(e));
            case "itunes:explicit" -> m.putIfAbsent("itunes_explicit", explicit(e.text()));
            default -> { return false; }
        }
        return true;
    }

    private static Map<String, Object> owner(XmlElement e) {
        Map<String, Object> person = new LinkedHashMap<>();
        for (XmlElement child : e.elements()) {
            String local = child.local.toLowerCase(Locale.ROOT);
            if (local.equals("name") || local.equals("email")) person.putIfAbsent(local, child.textOrNull());
        }
        return person;
    }

    /** A category and its subcategories, each a tag. */
    private static void category(Map<String, Object> m, XmlElement e) {
        FeedModel.tag(m, e.attrOrNull("text"), "http://www.itunes.com/", null);
        for (XmlElement child : e.elements()) {
            if (child.local.equalsIgnoreCase("category")) category(m, child);
        }
    }

    /** The href attribute, or the text in some feeds. */
    private static Map<String, Object> image(XmlElement e) {
        String href = e.attrOrNull("href") != null ? e.url(e.attrOrNull("href")) : e.url(e.text());
        if (href == null) return null;
        Map<String, Object> image = new LinkedHashMap<>();
        image.put("href", href);
        return image;
    }

    private static Boolean explicit(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("yes") || t.equals("true") || t.equals("explicit")) return true;
        if (t.equals("no") || t.equals("false") || t.equals("clean")) return false;
        return null;
    }
}
