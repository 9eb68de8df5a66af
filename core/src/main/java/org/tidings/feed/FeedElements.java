package org.tidings.feed;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tidings.feed.XmlFeedReader.Level;

/**
 * What each element of the XML feed vocabularies means in feedparser's model, by canonical key
 * (RSS has no prefix). Elements of several vocabularies that mean the same share a case.
 */
final class FeedElements {

    private FeedElements() {}

    /** False when no vocabulary models the element. */
    static boolean read(XmlFeedReader r, String key, XmlElement e, Map<String, Object> m, Level level) {
        switch (key) {
            case "item", "channel", "atom:entry" -> { }
            case "title", "dc:title", "itunes:title" -> r.text.plain(m, "title", e);
            case "atom:title" -> r.text.atom(m, "title", e);
            case "link" -> rssLink(m, e, level);
            case "atom:link" -> atomLink(m, e, level);
            case "description", "dc:description" -> r.text.html(m, level == Level.FEED ? "subtitle" : "summary", e);
            case "itunes:subtitle" -> r.text.plain(m, "subtitle", e);
            case "atom:subtitle", "atom:tagline" -> r.text.atom(m, "subtitle", e);
            case "itunes:summary" -> r.text.plain(m, "summary", e);
            case "atom:summary" -> r.text.atom(m, "summary", e);
            case "content:encoded" -> r.text.htmlContent(m, e);
            case "xhtml:body", "xhtml:div" -> r.text.xhtmlContent(m, e);
            case "atom:content" -> r.text.atomContent(m, e);
            case "guid" -> guid(m, e);
            case "atom:id", "dc:identifier" -> FeedModel.putIfAbsent(m, "id", e.textOrNull());
            case "author", "managingeditor", "dc:creator", "dc:author", "itunes:author" -> People.rss(m, "author", e);
            case "atom:author" -> People.atomAuthor(m, e);
            case "webmaster", "dc:publisher" -> People.rss(m, "publisher", e);
            case "itunes:owner" -> FeedModel.putIfAbsent(m, "publisher_detail", itunesOwner(e));
            case "atom:contributor" -> FeedModel.list(m, "contributors").add(People.atomPerson(e));
            case "dc:contributor" ->
                    FeedModel.list(m, "contributors").add(FeedModel.ordered("name", FeedModel.blankToNull(e.text())));
            case "category" -> FeedModel.tag(m, e.textOrNull(), e.attrOrNull("domain"), null);
            case "dc:subject" -> FeedModel.tag(m, e.textOrNull(), null, null);
            case "atom:category" -> FeedModel.tag(m, FeedModel.firstNonNull(e.attrOrNull("term"), e.textOrNull()),
                    e.attrOrNull("scheme"), e.attrOrNull("label"));
            case "media:category" -> FeedModel.tag(m, e.textOrNull(), e.attrOrNull("scheme"), e.attrOrNull("label"));
            case "itunes:category" -> itunesCategory(m, e);
            case "media:keywords", "itunes:keywords" -> FeedModel.keywords(m, e.text());
            case "pubdate", "atom:published", "atom:issued", "dcterms:issued" ->
                    FeedModel.date(m, "published", e.textOrNull());
            case "lastbuilddate", "atom:updated", "atom:modified", "dc:date", "dcterms:modified" ->
                    FeedModel.date(m, "updated", e.textOrNull());
            case "atom:created", "dcterms:created" -> FeedModel.date(m, "created", e.textOrNull());
            case "expirationdate", "dcterms:valid" -> FeedModel.date(m, "expired", e.textOrNull());
            case "language", "ttl" -> FeedModel.putIfAbsent(m, key, e.textOrNull());
            case "dc:language" -> FeedModel.putIfAbsent(m, "language", e.textOrNull());
            case "copyright", "dc:rights" -> r.text.plain(m, "rights", e);
            case "atom:rights", "atom:copyright" -> r.text.atom(m, "rights", e);
            case "generator", "atom:generator" -> generator(m, e);
            case "admin:generatoragent" -> generatorAgent(m, e);
            case "docs", "comments" -> FeedModel.putIfAbsent(m, key, e.url(e.text()));
            case "enclosure" -> enclosure(m, e);
            case "source" -> source(m, e);
            case "atom:source" -> m.putIfAbsent("source", r.readElements(e, new LinkedHashMap<>(), Level.FEED));
            case "image" -> image(m, e);
            case "itunes:image" -> FeedModel.putIfAbsent(m, "image", itunesImage(e));
            case "atom:icon" -> FeedModel.putIfAbsent(m, "icon", e.url(e.text()));
            case "atom:logo" -> FeedModel.putIfAbsent(m, "logo", e.url(e.text()));
            case "textinput" -> m.putIfAbsent("textinput", childTexts(e));
            case "cloud" -> m.putIfAbsent("cloud", e.attributes());
            case "itunes:explicit" -> m.putIfAbsent("itunes_explicit", explicit(e.text()));
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

    /** RSS link: its text; with an href attribute instead, it is read as an Atom link. */
    private static void rssLink(Map<String, Object> m, XmlElement e, Level level) {
        String text = e.textOrNull();
        if (text != null) FeedModel.alternate(m, e.url(text));
        else if (e.attrOrNull("href") != null) atomLink(m, e, level);
    }

    /** Atom link (0.3's url too): an alternate is the {@code link}, an entry's enclosure an enclosure. */
    private static void atomLink(Map<String, Object> m, XmlElement e, Level level) {
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

    private static void enclosure(Map<String, Object> m, XmlElement e) {
        String href = e.url(e.attrOrNull("url"));
        if (href != null) FeedModel.enclosureAndLink(m, href, e.attrOrNull("type"), e.attrOrNull("length"));
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
    private static void generator(Map<String, Object> m, XmlElement e) {
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

    private static Map<String, Object> itunesOwner(XmlElement e) {
        Map<String, Object> person = childTexts(e);
        person.keySet().retainAll(Set.of("name", "email"));
        return person;
    }

    private static void itunesCategory(Map<String, Object> m, XmlElement e) {
        FeedModel.tag(m, e.attrOrNull("text"), "http://www.itunes.com/", null);
        for (XmlElement child : e.elements()) {
            if (child.local.equalsIgnoreCase("category")) itunesCategory(m, child);
        }
    }

    /** The href attribute, or the text in some feeds. */
    private static Map<String, Object> itunesImage(XmlElement e) {
        String href = e.attrOrNull("href") != null ? e.url(e.attrOrNull("href")) : e.url(e.text());
        return href == null ? null : FeedModel.ordered("href", href);
    }

    private static Boolean explicit(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("yes") || t.equals("true") || t.equals("explicit")) return true;
        if (t.equals("no") || t.equals("false") || t.equals("clean")) return false;
        return null;
    }

    private static Map<String, Object> withUrlResolved(XmlElement e) {
        Map<String, Object> attributes = e.attributes();
        if (attributes.containsKey("url")) attributes.put("url", e.url((String) attributes.get("url")));
        return attributes;
    }
}
