package org.tidings.feed;

import java.util.Map;
import org.tidings.feed.XmlFeedReader.Level;

/**
 * Links of XML feeds in feedparser's model: {@code link} (the first alternate), the {@code links}
 * list, and {@code enclosures}, from RSS's link and enclosure and Atom's link.
 */
final class Links {

    private Links() {}

    /** RSS link: its text; with an href attribute instead, it is read as an Atom link. */
    static void rss(Map<String, Object> m, XmlElement e, Level level) {
        String text = e.textOrNull();
        if (text != null) FeedModel.alternate(m, e.url(text));
        else if (e.attrOrNull("href") != null) atom(m, e, level);
    }

    /** Atom link (0.3's url too): an alternate is the {@code link}, an entry's enclosure an enclosure. */
    static void atom(Map<String, Object> m, XmlElement e, Level level) {
        String href = e.url(FeedModel.firstNonNull(e.attrOrNull("href"), e.attrOrNull("url")));
        if (href == null) return;
        String rel = FeedModel.firstNonNull(e.attrOrNull("rel"), "alternate");
        if (rel.equals("alternate")) FeedModel.putIfAbsent(m, "link", href);
        Map<String, Object> link = FeedModel.addLink(m, rel, e.attrOrNull("type"), href);
        for (String name : new String[] {"title", "length", "hreflang"}) {
            if (e.attrOrNull(name) != null) link.put(name, e.attrOrNull(name));
        }
        if (rel.equals("enclosure") && level == Level.ENTRY) {
            FeedModel.enclosure(m, href, e.attrOrNull("type"), e.attrOrNull("length"));
        }
        if (rel.equals("license")) FeedModel.putIfAbsent(m, "license", href);
    }

    /** RSS enclosure: an enclosure and a link. */
    static void enclosure(Map<String, Object> m, XmlElement e) {
        String href = e.url(e.attrOrNull("url"));
        if (href != null) FeedModel.enclosureAndLink(m, href, e.attrOrNull("type"), e.attrOrNull("length"));
    }
}
