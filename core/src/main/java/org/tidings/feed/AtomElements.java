package org.tidings.feed;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tidings.feed.XmlFeedReader.Level;

/** Atom 1.0 and 0.3 elements; in an Atom document, elements without a namespace too. */
final class AtomElements {

    private AtomElements() {}

    /** Reads one element into {@code m}; false when this vocabulary does not model it. */
    static boolean read(XmlFeedReader r, String key, XmlElement e, Map<String, Object> m, Level level) {
        switch (key) {
            case "atom:entry" -> { }
            case "atom:title" -> r.text.atom(m, "title", e);
            case "atom:link" -> Links.atom(m, e, level);
            case "atom:subtitle", "atom:tagline" -> r.text.atom(m, "subtitle", e);
            case "atom:summary" -> r.text.atom(m, "summary", e);
            case "atom:content" -> r.text.atomContent(m, e);
            case "atom:id" -> FeedModel.putIfAbsent(m, "id", e.textOrNull());
            case "atom:author" -> People.atomAuthor(m, e);
            case "atom:contributor" -> FeedModel.list(m, "contributors").add(People.atomPerson(e));
            case "atom:category" -> FeedModel.tag(m, FeedModel.firstNonNull(e.attrOrNull("term"), e.textOrNull()),
                    e.attrOrNull("scheme"), e.attrOrNull("label"));
            case "atom:published", "atom:issued" -> FeedModel.date(m, "published", e.textOrNull());
            case "atom:updated", "atom:modified" -> FeedModel.date(m, "updated", e.textOrNull());
            case "atom:created" -> FeedModel.date(m, "created", e.textOrNull());
            case "atom:rights", "atom:copyright" -> r.text.atom(m, "rights", e);
            case "atom:generator" -> RssElements.generator(m, e);
            case "atom:source" -> m.putIfAbsent("source", r.readElements(e, new LinkedHashMap<>(), Level.FEED));
            case "atom:icon" -> FeedModel.putIfAbsent(m, "icon", e.url(e.text()));
            case "atom:logo" -> FeedModel.putIfAbsent(m, "logo", e.url(e.text()));
            default -> { return false; }
        }
        return true;
    }
}
