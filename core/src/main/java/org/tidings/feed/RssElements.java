package org.tidings.feed;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.tidings.feed.XmlFeedReader.Level;

/**
 * RSS 0.9x/2.0 and RSS 1.0 elements (no prefix), with the RSS 1.0 modules content and admin and
 * the XHTML body of an item.
 */
final class RssElements {

    private RssElements() {}

    /** Reads one element into {@code m}; false when this vocabulary does not model it. */
    static boolean read(XmlFeedReader r, String key, XmlElement e, Map<String, Object> m, Level level) {
        switch (key) {
            case "item", "channel" -> { }
            case "title" -> r.text.plain(m, "title", e);
            case "link" -> Links.rss(m, e, level);
            case "description" -> r.text.html(m, level == Level.FEED ? "subtitle" : "summary", e);
            case "content:encoded" -> r.text.htmlContent(m, e);
            case "xhtml:body", "xhtml:div" -> r.text.xhtmlContent(m, e);
            case "guid" -> guid(m, e);
            case "author", "managingeditor" -> People.rss(m, "author", e);
            case "webmaster" -> People.rss(m, "publisher", e);
            case "category" -> FeedModel.tag(m, e.textOrNull(), e.attrOrNull("domain"), null);
            case "pubdate" -> FeedModel.date(m, "published", e.textOrNull());
            case "lastbuilddate" -> FeedModel.date(m, "updated", e.textOrNull());
            case "expirationdate" -> FeedModel.date(m, "expired", e.textOrNull());
            case "language", "ttl" -> FeedModel.putIfAbsent(m, key, e.textOrNull());
            case "copyright" -> r.text.plain(m, "rights", e);
            case "generator" -> generator(m, e);
            case "admin:generatoragent" -> generatorAgent(m, e);
            case "docs", "comments" -> FeedModel.putIfAbsent(m, key, e.url(e.text()));
            case "enclosure" -> Links.enclosure(m, e);
            case "source" -> source(m, e);
            case "image" -> image(m, e);
            case "textinput" -> m.putIfAbsent("textinput", childTexts(e));
            case "cloud" -> m.putIfAbsent("cloud", e.attributes());
            default -> { return false; }
        }
        return true;
    }

    private static void guid(Map<String, Object> m, XmlElement e) {
        String id = e.textOrNull();
        if (id == null || m.containsKey("id")) return;
        m.put("id", id);
        String permaLink = e.attrOrNull("isPermaLink");
        boolean isLink = (permaLink == null || !permaLink.equalsIgnoreCase("false")) && Urls.isAbsolute(id)
                && (id.startsWith("http:") || id.startsWith("https:"));
        m.put("guidislink", isLink);
    }

    /** RSS's generator text, or Atom's with its uri (0.3: url) and version. */
    static void generator(Map<String, Object> m, XmlElement e) {
        if (m.containsKey("generator")) return;
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("name", e.textOrNull());
        String uri = FeedModel.firstNonNull(e.attrOrNull("uri"), e.attrOrNull("url"));
        if (uri != null) detail.put("href", e.url(uri));
        if (e.attrOrNull("version") != null) detail.put("version", e.attrOrNull("version"));
        m.put("generator", detail.get("name"));
        m.put("generator_detail", detail);
    }

    @SuppressWarnings("unchecked")
    private static void generatorAgent(Map<String, Object> m, XmlElement e) {
        String resource = e.attrOrNull("resource");
        if (resource == null) return;
        if (!(m.get("generator_detail") instanceof Map<?, ?>)) m.put("generator_detail", new LinkedHashMap<>());
        ((Map<String, Object>) m.get("generator_detail")).putIfAbsent("href", e.url(resource));
        m.putIfAbsent("generator", resource);
    }

    private static void source(Map<String, Object> m, XmlElement e) {
        Map<String, Object> source = new LinkedHashMap<>();
        String href = e.attrOrNull("url");
        if (href != null) source.put("href", e.url(href));
        source.put("title", e.textOrNull());
        m.putIfAbsent("source", source);
    }

    private static void image(Map<String, Object> m, XmlElement e) {
        if (!e.hasElementChildren()) return;
        Map<String, Object> image = new LinkedHashMap<>();
        for (XmlElement child : e.elements()) {
            String local = child.local.toLowerCase(Locale.ROOT);
            String value = child.textOrNull();
            if (value == null) continue;
            switch (local) {
                case "url" -> image.putIfAbsent("href", child.url(value));
                case "link" -> image.putIfAbsent("link", child.url(value));
                case "title", "width", "height", "description" -> image.putIfAbsent(local, value);
                default -> { }
            }
        }
        m.put("image", image);
    }

    private static Map<String, Object> childTexts(XmlElement e) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (XmlElement child : e.elements()) out.putIfAbsent(child.local.toLowerCase(Locale.ROOT), child.textOrNull());
        return out;
    }
}
