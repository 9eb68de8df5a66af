package org.tidings.feed;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
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
            case "title", "dc:title", "media:title" -> r.text.plain(m, "title", e);
            case "atom:title" -> r.text.atom(m, "title", e);
            case "link" -> rssLink(m, e, level);
            case "atom:link" -> atomLink(m, e, level);
            case "description", "dc:description" -> {
                if (level == Level.FEED) r.text.html(m, "subtitle", e);
                else r.text.summary(m, e, "text/html");
            }
            case "abstract" -> {
                if (level == Level.FEED) r.text.plain(m, "subtitle", e);
                else r.text.summary(m, e, "text/plain");
            }
            case "itunes:subtitle" -> r.text.plain(m, "subtitle", e);
            case "atom:subtitle", "atom:tagline" -> r.text.atom(m, "subtitle", e);
            case "atom:info" -> r.text.atom(m, "info", e);
            case "admin:errorreportsto" -> FeedModel.putIfAbsent(m, "errorreportsto", e.attrOrNull("resource"));
            case "itunes:summary", "summary" -> {
                if (level == Level.FEED) r.text.plain(m, "summary", e);
                else r.text.summary(m, e, "text/plain");
            }
            case "atom:summary" -> {
                if (level == Level.FEED) r.text.atom(m, "summary", e);
                else r.text.summary(m, e, "atom");
            }
            case "content:encoded", "fullitem" -> r.text.htmlContent(m, e);
            case "xhtml:body", "body", "xhtml:div" -> r.text.xhtmlContent(m, e);
            case "atom:content" -> r.text.atomContent(m, e);
            case "guid" -> guid(m, e);
            case "atom:id" -> m.put("id", e.text().strip());
            case "dc:identifier" -> FeedModel.putIfAbsent(m, "id", e.textOrNull());
            case "cc:license", "creativecommons:license" -> license(m, e);
            case "author", "managingeditor", "dc:creator", "dc:author", "itunes:author" -> {
                if (e.hasElementChildren()) People.atomAuthor(m, "author", e);
                else People.rss(m, "author", e);
            }
            case "atom:author" -> People.atomAuthor(m, "author", e);
            case "webmaster", "dc:publisher" -> People.rss(m, "publisher", e);
            case "itunes:owner" -> People.atomAuthor(m, "publisher", e);
            case "atom:contributor", "dc:contributor" -> People.contributor(m, e);
            case "category" -> FeedModel.tag(m, e.textOrNull(), e.attrOrNull("domain"), null);
            case "dc:subject" -> FeedModel.tag(m, e.textOrNull(), null, null);
            case "atom:category" -> FeedModel.tag(m, FeedModel.firstNonNull(e.attr("term"), e.textOrNull()),
                    e.attrOrNull("scheme"), e.attrOrNull("label"));
            case "media:category" -> FeedModel.tag(m, e.textOrNull(),
                    FeedModel.firstNonNull(e.attrOrNull("scheme"), "http://search.yahoo.com/mrss/category_schema"), e.attrOrNull("label"));
            case "itunes:category" -> itunesCategory(m, e);
            case "itunes:keywords" -> {
                for (String word : e.text().split(",")) FeedModel.tag(m, FeedModel.blankToNull(word), "http://www.itunes.com/", null);
            }
            case "pubdate", "atom:published", "atom:issued", "dcterms:issued" ->
                    FeedModel.date(m, "published", e.textOrNull());
            case "lastbuilddate", "atom:updated", "atom:modified", "dc:date", "dcterms:modified" ->
                    FeedModel.date(m, "updated", e.textOrNull());
            case "atom:created", "dcterms:created" -> FeedModel.date(m, "created", e.textOrNull());
            case "expirationdate" -> FeedModel.date(m, "expired", e.textOrNull());
            case "dcterms:valid" -> validity(m, e.text());
            case "ttl" -> FeedModel.putIfAbsent(m, key, e.textOrNull());
            case "language", "dc:language" -> m.put("language", e.text().strip());
            case "copyright", "dc:rights" -> r.text.plain(m, "rights", e);
            case "atom:rights", "atom:copyright" -> r.text.atom(m, "rights", e);
            case "generator", "atom:generator" -> generator(m, e);
            case "admin:generatoragent" -> generatorAgent(m, e);
            case "docs", "comments" -> FeedModel.putIfAbsent(m, key, e.url(e.text()));
            case "enclosure" -> enclosure(m, e);
            case "source" -> source(m, e);
            case "atom:source" -> m.putIfAbsent("source", r.readElements(e, new LinkedHashMap<>(), Level.FEED));
            case "image" -> image(r, m, e);
            case "itunes:image" -> {
                Map<String, Object> image = itunesImage(e);
                if (image != null) m.put("image", image);
            }
            case "itunes:block" -> m.put("itunes_block", e.text().strip().equals("yes") || e.text().strip().equals("Yes") ? 1 : 0);
            case "atom:icon" -> FeedModel.putIfAbsent(m, "icon", e.url(e.text()));
            case "atom:logo" -> FeedModel.putIfAbsent(m, "logo", e.url(e.text()));
            case "textinput" -> m.putIfAbsent("textinput", textInput(r, e));
            case "cloud" -> m.putIfAbsent("cloud", Extensions.lowerCaseKeys(e.attributes()));
            case "itunes:explicit" -> m.put("itunes_explicit", explicit(e.text()));
            case "media:content" -> {
                FeedModel.list(m, "media_content").add(withUrlResolved(e));
                for (XmlElement child : e.elements()) r.element(child, m, Level.ENTRY);
            }
            case "media:thumbnail" -> FeedModel.list(m, "media_thumbnail").add(Extensions.thumbnail(e));
            case "media:credit" -> FeedModel.list(m, "media_credit").add(Extensions.withContent(e));
            case "media:player" -> m.put("media_player", Extensions.withContent(e, ""));
            case "media:rating" -> m.putIfAbsent("media_rating", Extensions.withContent(e));
            case "media:license" -> m.put("media_license", Extensions.withContent(e));
            case "media:restriction" -> m.put("media_restriction", Extensions.restriction(e));
            case "media:keywords" -> {
                m.put("media_keywords", e.text().strip());
                for (String word : e.text().split(",")) FeedModel.tag(m, FeedModel.blankToNull(word), null, null);
            }
            case "georss:point", "georss:line", "georss:polygon", "georss:box", "georss:where" -> m.put("where", Extensions.where(e));
            case "psc:chapters" -> m.putIfAbsent("psc_chapters", Extensions.chapters(e));
            case "media:group" -> r.readElements(e, m, level);
            case "media:description" -> {
                if (level == Level.ENTRY) FeedModel.putIfAbsent(m, FeedModel.MEDIA_DESCRIPTION, e.textOrNull());
                return false; // and kept as feedparser keeps an element it does not model
            }
            default -> { return false; }
        }
        return true;
    }

    /** RSS link: its text; with an href attribute instead, it is read as an Atom link. The last one is the link. */
    private static void rssLink(Map<String, Object> m, XmlElement e, Level level) {
        String text = e.textOrNull();
        if (text != null && e.attrOrNull("href") == null) {
            m.put("link", e.url(text));
            FeedModel.addLink(m, "alternate", "text/html", e.url(text));
        } else if (e.attributes().isEmpty() && !e.hasElementChildren()) {
            // As feedparser: an empty link element is an empty link, and a link without href.
            m.put("link", "");
            FeedModel.list(m, "links").add(FeedModel.ordered("rel", "alternate", "type", "text/html"));
        } else {
            atomLink(m, e, level);
        }
    }

    /**
     * Atom link with all its attributes (0.3's url as href): rel defaults to alternate, type to text/html
     * (application/atom+xml for self); an alternate HTML link is the {@code link}, the last one winning; an
     * enclosure link is also an enclosure. A link without href has its text as href.
     */
    private static void atomLink(Map<String, Object> m, XmlElement e, Level level) {
        Map<String, Object> attributes = e.attributes();
        String href = e.url(FeedModel.firstNonNull(e.attrOrNull("href"), FeedModel.firstNonNull(e.attrOrNull("url"), e.attrOrNull("uri"))));
        // An empty href is the base itself (Urls.resolve of ""); without one, the text is the href.
        if (href == null && e.attr("href") != null) href = e.base.isEmpty() ? null : e.base;
        if (href == null) href = e.url(e.textOrNull());
        attributes.keySet().removeAll(java.util.List.of("href", "url", "uri", "rel", "type"));
        String rel = FeedModel.firstNonNull(e.attrOrNull("rel"), "alternate");
        String type = FeedModel.firstNonNull(e.attrOrNull("type"), rel.equals("self") ? "application/atom+xml" : "text/html");
        Map<String, Object> link = FeedModel.ordered("rel", rel, "type", type);
        if (href != null) link.put("href", href);
        link.putAll(attributes);
        FeedModel.list(m, "links").add(link);
        if (href == null) return;
        if (rel.equals("alternate") && (type.equals("text/html") || type.equals("application/xhtml+xml"))) m.put("link", href);
        if (rel.equals("enclosure")) FeedModel.enclosureOf(m, link);
        if (rel.equals("license")) FeedModel.putIfAbsent(m, "license", href);
    }

    /** Creative Commons license (rdf:resource or text): a license link and the license. */
    private static void license(Map<String, Object> m, XmlElement e) {
        String href = e.url(FeedModel.firstNonNull(e.attrOrNull("resource"), e.textOrNull()));
        if (href == null) return;
        FeedModel.list(m, "links").add(FeedModel.ordered("rel", "license", "href", href));
        FeedModel.putIfAbsent(m, "license", href);
    }

    /** dcterms:valid, "start=...;end=...": validity_start and validity_end, each with its parsed date. */
    private static void validity(Map<String, Object> m, String text) {
        for (String part : text.split(";")) {
            int eq = part.indexOf('=');
            if (eq < 0) continue;
            String key = part.substring(0, eq).strip();
            if (key.equals("start") || key.equals("end")) FeedModel.date(m, "validity_" + key, part.substring(eq + 1).strip());
        }
    }

    /** RSS enclosure: a link of rel enclosure with the element's attributes, url as href (none without one, as feedparser). */
    private static void enclosure(Map<String, Object> m, XmlElement e) {
        Map<String, Object> link = e.attributes();
        String href = e.url(FeedModel.firstNonNull(e.attrOrNull("url"), e.attrOrNull("href")));
        if (href == null && link.isEmpty()) return;
        link.remove("url");
        if (href != null) link.put("href", href);
        else link.remove("href");
        link.put("rel", "enclosure");
        FeedModel.list(m, "links").add(link);
        FeedModel.enclosureOf(m, link);
    }

    /**
     * A guid is the id. A permalink (isPermaLink absent or exactly "true", as feedparser compares it) is resolved
     * against the base and is also the link when there is none yet. The id as written is kept for
     * {@link FeedParser#parse}, whose entry ids the server stores as identities.
     */
    private static void guid(Map<String, Object> m, XmlElement e) {
        String raw = e.textOrNull();
        if (raw == null) return;
        String permaLink = e.attrOrNull("isPermaLink");
        boolean isPermaLink = permaLink == null || permaLink.equals("true");
        String id = isPermaLink ? e.url(raw) : raw;
        m.put("id", id);
        if (!id.equals(raw)) m.put(FeedModel.ID_AS_WRITTEN, raw);
        else m.remove(FeedModel.ID_AS_WRITTEN);
        boolean isLink = isPermaLink && !m.containsKey("link");
        m.put("guidislink", isLink);
        if (isLink) m.put("link", id);
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

    /** RSS image: title (with its detail), url as href, link (and links), width and height as numbers, description. */
    private static void image(XmlFeedReader r, Map<String, Object> m, XmlElement e) {
        if (!e.hasElementChildren()) return;
        Map<String, Object> image = new LinkedHashMap<>();
        for (XmlElement child : e.elements()) {
            String local = child.local.toLowerCase(Locale.ROOT);
            String value = child.textOrNull();
            if (value == null) continue;
            switch (local) {
                case "title" -> r.text.plain(image, "title", child);
                case "url" -> image.putIfAbsent("href", child.url(value));
                case "link" -> {
                    image.putIfAbsent("link", child.url(value));
                    FeedModel.addLink(image, "alternate", "text/html", child.url(value));
                }
                case "width", "height" -> image.putIfAbsent(local, number(value));
                case "description" -> image.putIfAbsent(local, value);
                default -> { }
            }
        }
        m.put("image", image);
    }

    private static int number(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** RSS textInput: title (with its detail), description, name, link. */
    private static Map<String, Object> textInput(XmlFeedReader r, XmlElement e) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (XmlElement child : e.elements()) {
            String local = child.local.toLowerCase(Locale.ROOT);
            if (local.equals("title")) r.text.plain(out, "title", child);
            else if (local.equals("link")) FeedModel.putIfAbsent(out, "link", child.url(child.textOrNull()));
            else out.putIfAbsent(local, child.textOrNull());
        }
        return out;
    }

    private static void itunesCategory(Map<String, Object> m, XmlElement e) {
        FeedModel.tag(m, e.attrOrNull("text"), "http://www.itunes.com/", null);
        for (XmlElement child : e.elements()) {
            if (child.local.equalsIgnoreCase("category")) itunesCategory(m, child);
        }
    }

    /** The href attribute, else url (as feedparser; a URL given as text is no image). */
    private static Map<String, Object> itunesImage(XmlElement e) {
        String href = e.url(FeedModel.firstNonNull(e.attrOrNull("href"), e.attrOrNull("url")));
        return href == null ? null : FeedModel.ordered("href", href);
    }

    /** feedparser's reading: "yes" is explicit, "clean" is not, anything else unknown (null). */
    private static Boolean explicit(String text) {
        String t = text.strip();
        return t.equals("yes") ? Boolean.TRUE : t.equals("clean") ? Boolean.FALSE : null;
    }

    private static Map<String, Object> withUrlResolved(XmlElement e) {
        Map<String, Object> attributes = e.attributes();
        if (attributes.containsKey("url")) attributes.put("url", e.url((String) attributes.get("url")));
        return attributes;
    }
}
