package org.tidings.feed;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Maps a tolerant XML tree of RSS 0.9x/2.0, RSS 1.0 (RDF) or Atom 0.3/1.0, with their common
 * extensions (content, Dublin Core, Media RSS, iTunes, slash, wfw...), onto feedparser's model.
 * Every element is keyed by a canonical prefix ("dc:", "media:", "atom:"...) whatever prefix the
 * document declared, so one switch serves all formats.
 */
final class XmlFeedReader {

    /** Entries kept per document: large podcast archives reach a few thousand; beyond is abuse. */
    static final int MAX_ENTRIES = 10_000;
    /** How deep below the top we look for a feed root wrapped in other markup (HTML, SOAP...). */
    private static final int ROOT_SEARCH_DEPTH = 4;

    private static final Map<String, String> PREFIXES = Map.ofEntries(
            Map.entry("http://www.w3.org/2005/atom", "atom"),
            Map.entry("http://purl.org/atom/ns#", "atom"),
            Map.entry("http://purl.org/rss/1.0/modules/content/", "content"),
            Map.entry("http://purl.org/dc/elements/1.1/", "dc"),
            Map.entry("http://purl.org/dc/elements/1.0/", "dc"),
            Map.entry("http://purl.org/dc/terms/", "dcterms"),
            Map.entry("http://search.yahoo.com/mrss/", "media"),
            Map.entry("http://search.yahoo.com/mrss", "media"),
            Map.entry("http://video.search.yahoo.com/mrss", "media"),
            Map.entry("http://www.itunes.com/dtds/podcast-1.0.dtd", "itunes"),
            Map.entry("http://purl.org/rss/1.0/modules/slash/", "slash"),
            Map.entry("http://wellformedweb.org/commentapi/", "wfw"),
            Map.entry("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rdf"),
            Map.entry("http://www.w3.org/1999/xhtml", "xhtml"),
            Map.entry("http://webns.net/mvcb/", "admin"),
            Map.entry("http://purl.org/rss/1.0/modules/syndication/", "sy"),
            Map.entry("http://rssnamespace.org/feedburner/ext/1.0", "feedburner"),
            Map.entry("http://www.georss.org/georss", "georss"),
            Map.entry("http://purl.org/syndication/thread/1.0", "thr"),
            Map.entry("http://purl.org/rss/1.0/", ""),
            Map.entry("http://my.netscape.com/rdf/simple/0.9/", ""),
            Map.entry("http://backend.userland.com/rss2", ""),
            Map.entry("http://blogs.law.harvard.edu/tech/rss", ""));

    /**
     * RSS text elements that are plain by the spec but carry markup in practice ("<b>Breaking</b>").
     * Only well-known inline and block tags count, so that "1 < 2" or a title about "<script>" stays text.
     */
    private static final Pattern LOOKS_LIKE_HTML = Pattern.compile(
            "(?i)</?(a|abbr|b|br|cite|code|div|em|font|i|img|p|q|s|small|span|strong|sub|sup|u)(\\s[^>]*)?/?>|&(#\\d+|#x[0-9a-f]+|[a-z]+\\d*);");

    private static final String ATOM10 = "http://www.w3.org/2005/Atom";
    private static final String ATOM03 = "http://purl.org/atom/ns#";
    private static final String RSS090 = "http://my.netscape.com/rdf/simple/0.9/";

    private enum Level { FEED, ENTRY }

    private final List<String> problems;
    private final boolean atomDocument;
    private String feedLanguage;

    private XmlFeedReader(List<String> problems, boolean atomDocument) {
        this.problems = problems;
        this.atomDocument = atomDocument;
    }

    static FeedDocument read(XmlReader.Document doc, String encoding, List<String> problems) {
        problems.addAll(doc.problems());
        XmlElement root = findRoot(doc.roots());
        if (root == null) {
            if (problems.isEmpty()) problems.add("document is not a feed: no rss, rdf:RDF or atom feed element");
            return new FeedDocument("", problems, encoding, new LinkedHashMap<>(), new ArrayList<>());
        }
        String version = version(root);
        if (version.equals("rss091u") && doc.doctype() != null && doc.doctype().toLowerCase(Locale.ROOT).contains("netscape")) {
            version = "rss091n";
        }
        XmlFeedReader reader = new XmlFeedReader(problems, version.startsWith("atom"));
        return reader.readFeed(root, version, encoding);
    }

    // ---- root and version -----------------------------------------------------------------------

    private static XmlElement findRoot(List<XmlElement> roots) {
        for (XmlElement root : roots) if (isFeedRoot(root)) return root;
        for (XmlElement root : roots) {
            XmlElement found = search(root, ROOT_SEARCH_DEPTH);
            if (found != null) return found;
        }
        return null;
    }

    private static XmlElement search(XmlElement e, int depth) {
        if (depth == 0) return null;
        for (XmlElement child : e.elements()) {
            if (isFeedRoot(child)) return child;
            XmlElement found = search(child, depth - 1);
            if (found != null) return found;
        }
        return null;
    }

    private static boolean isFeedRoot(XmlElement e) {
        String local = e.local.toLowerCase(Locale.ROOT);
        return local.equals("rss") || local.equals("rdf") || local.equals("channel")
                || local.equals("feed");
    }

    private static String version(XmlElement root) {
        String local = root.local.toLowerCase(Locale.ROOT);
        if (local.equals("feed")) {
            if (root.ns.equalsIgnoreCase(ATOM10)) return "atom10";
            if (root.ns.equalsIgnoreCase(ATOM03) || "0.3".equals(root.attrOrNull("version"))) return "atom03";
            return "atom";
        }
        if (local.equals("rdf")) {
            for (XmlElement child : root.elements()) {
                if (child.ns.equals(RSS090)) return "rss090";
            }
            return "rss10";
        }
        if (local.equals("channel")) return "rss";
        String v = root.attrOrNull("version");
        if (v == null) return "rss";
        return switch (v) {
            case "2.0", "2.00", "2", "2.0.1", "2.01" -> "rss20";
            case "0.91" -> "rss091u";
            case "0.92" -> "rss092";
            case "0.93" -> "rss093";
            case "0.94" -> "rss094";
            case "0.90", "0.9" -> "rss090";
            default -> v.startsWith("2.") ? "rss20" : "rss";
        };
    }

    // ---- document -------------------------------------------------------------------------------

    private FeedDocument readFeed(XmlElement root, String version, String encoding) {
        Map<String, Object> feed = new LinkedHashMap<>();
        List<Map<String, Object>> entries = new ArrayList<>();
        if (atomDocument) {
            feedLanguage = root.lang;
            readElements(root, feed, Level.FEED);
            collectEntries(root, entries);
        } else {
            XmlElement channel = channelOf(root);
            feedLanguage = channelLanguage(channel);
            readElements(channel, feed, Level.FEED);
            if (channel != root) readRootExtras(root, feed);
            if (channel != root) collectEntries(root, entries);
            collectEntries(channel, entries);
        }
        if (!feed.containsKey("language") && feedLanguage != null) feed.put("language", feedLanguage);
        return new FeedDocument(version, problems, encoding, feed, entries);
    }

    private static XmlElement channelOf(XmlElement root) {
        if (root.local.equalsIgnoreCase("channel")) return root;
        for (XmlElement child : root.elements()) if (child.local.equalsIgnoreCase("channel")) return child;
        return root;
    }

    private String channelLanguage(XmlElement channel) {
        for (XmlElement child : channel.elements()) {
            String k = key(child);
            if (k.equals("language") || k.equals("dc:language")) return blankToNull(child.text());
        }
        return channel.lang;
    }

    /** RSS 1.0 puts image and textinput beside the channel, under rdf:RDF. */
    private void readRootExtras(XmlElement root, Map<String, Object> feed) {
        for (XmlElement child : root.elements()) {
            String k = key(child);
            if ((k.equals("image") || k.equals("textinput")) && child.hasElementChildren()) element(child, feed, Level.FEED);
        }
    }

    private void collectEntries(XmlElement parent, List<Map<String, Object>> entries) {
        for (XmlElement child : parent.elements()) {
            String k = key(child);
            if (!(k.equals("item") || k.equals("atom:entry"))) continue;
            if (entries.size() >= MAX_ENTRIES) {
                problems.add("more than " + MAX_ENTRIES + " entries; the rest are ignored");
                return;
            }
            entries.add(readEntry(child));
        }
    }

    private Map<String, Object> readEntry(XmlElement item) {
        Map<String, Object> entry = new LinkedHashMap<>();
        readElements(item, entry, Level.ENTRY);
        if (Boolean.TRUE.equals(entry.get("guidislink")) && !entry.containsKey("link")) {
            entry.put("link", entry.get("id"));
        }
        String about = item.attrOrNull("about");
        if (about != null && !entry.containsKey("id")) entry.put("id", Urls.resolve(item.base, about));
        return entry;
    }

    private void readElements(XmlElement parent, Map<String, Object> target, Level level) {
        for (XmlElement child : parent.elements()) element(child, target, level);
    }

    // ---- one element ----------------------------------------------------------------------------

    /** The canonical key: "dc:creator", "atom:link", or the plain local name for RSS core elements. */
    private String key(XmlElement e) {
        String prefix = canonicalPrefix(e);
        String local = e.local.toLowerCase(Locale.ROOT);
        if (prefix.isEmpty() && atomDocument) return "atom:" + local;
        return prefix.isEmpty() ? local : prefix + ":" + local;
    }

    private static String canonicalPrefix(XmlElement e) {
        if (e.ns.isEmpty()) return "";
        if (e.ns.startsWith("undeclared:")) return e.prefix.toLowerCase(Locale.ROOT);
        String known = PREFIXES.get(e.ns.toLowerCase(Locale.ROOT));
        if (known != null) return known;
        return e.prefix.toLowerCase(Locale.ROOT);
    }

    private void element(XmlElement e, Map<String, Object> m, Level level) {
        String k = key(e);
        switch (k) {
            case "item", "atom:entry", "channel" -> { }
            case "title", "dc:title", "itunes:title" -> plainIfAbsent(m, "title", e);
            case "atom:title" -> textConstruct(m, "title", e);
            case "link" -> rssLink(m, e, level);
            case "atom:link" -> atomLink(m, e, level);
            case "description", "dc:description" -> {
                if (level == Level.FEED) htmlIfAbsent(m, "subtitle", e);
                else htmlIfAbsent(m, "summary", e);
            }
            case "atom:subtitle", "atom:tagline" -> textConstruct(m, "subtitle", e);
            case "atom:summary" -> textConstruct(m, "summary", e);
            case "itunes:subtitle" -> plainIfAbsent(m, "subtitle", e);
            case "itunes:summary" -> plainIfAbsent(m, "summary", e);
            case "content:encoded" -> addContent(m, detail("text/html", e, htmlSource(e)));
            case "atom:content" -> addContent(m, atomContent(e, m));
            case "xhtml:body", "xhtml:div" -> addContent(m, detail("application/xhtml+xml", e, e.innerMarkup()));
            case "guid" -> guid(m, e);
            case "atom:id" -> putIfAbsent(m, "id", blankToNull(e.text()));
            case "dc:identifier" -> putIfAbsent(m, "id", blankToNull(e.text()));
            case "author", "managingeditor", "dc:creator", "dc:author", "itunes:author" -> rssPerson(m, "author", e);
            case "webmaster", "dc:publisher" -> rssPerson(m, "publisher", e);
            case "atom:author" -> atomPerson(m, e);
            case "atom:contributor" -> list(m, "contributors").add(person(e));
            case "dc:contributor" -> list(m, "contributors").add(nameOnly(e.text()));
            case "itunes:owner" -> putIfAbsent(m, "publisher_detail", owner(e));
            case "category" -> tag(m, blankToNull(e.text()), e.attrOrNull("domain"), null);
            case "atom:category" -> tag(m, firstNonNull(e.attrOrNull("term"), blankToNull(e.text())),
                    e.attrOrNull("scheme"), e.attrOrNull("label"));
            case "dc:subject" -> tag(m, blankToNull(e.text()), null, null);
            case "media:category" -> tag(m, blankToNull(e.text()), e.attrOrNull("scheme"), e.attrOrNull("label"));
            case "itunes:category" -> itunesCategory(m, e);
            case "itunes:keywords", "media:keywords" -> keywords(m, e);
            case "pubdate", "dcterms:issued", "atom:published", "atom:issued" -> date(m, "published", e);
            case "lastbuilddate", "dc:date", "dcterms:modified", "atom:updated", "atom:modified" -> date(m, "updated", e);
            case "dcterms:created", "atom:created" -> date(m, "created", e);
            case "expirationdate", "dcterms:valid" -> date(m, "expired", e);
            case "language", "dc:language" -> putIfAbsent(m, "language", blankToNull(e.text()));
            case "copyright", "dc:rights" -> plainIfAbsent(m, "rights", e);
            case "atom:rights", "atom:copyright" -> textConstruct(m, "rights", e);
            case "generator", "atom:generator" -> generator(m, e);
            case "admin:generatoragent" -> generatorAgent(m, e);
            case "ttl" -> putIfAbsent(m, "ttl", blankToNull(e.text()));
            case "docs" -> putIfAbsent(m, "docs", url(e, e.text()));
            case "comments" -> putIfAbsent(m, "comments", url(e, e.text()));
            case "enclosure" -> enclosure(m, e, e.attrOrNull("url"), e.attrOrNull("type"), e.attrOrNull("length"));
            case "source" -> source(m, e);
            case "atom:source" -> m.putIfAbsent("source", atomSource(e));
            case "image" -> image(m, e);
            case "itunes:image" -> putIfAbsent(m, "image", href(e.attrOrNull("href") != null ? url(e, e.attrOrNull("href")) : url(e, e.text())));
            case "atom:icon" -> putIfAbsent(m, "icon", url(e, e.text()));
            case "atom:logo" -> putIfAbsent(m, "logo", url(e, e.text()));
            case "textinput" -> m.putIfAbsent("textinput", childTexts(e));
            case "cloud" -> m.putIfAbsent("cloud", attributes(e));
            case "media:content" -> mediaContent(m, e);
            case "media:group" -> readElements(e, m, level);
            case "media:thumbnail" -> mediaThumbnail(m, e);
            case "itunes:explicit" -> m.putIfAbsent("itunes_explicit", explicit(e.text()));
            default -> generic(m, e, k);
        }
    }

    // ---- text values ----------------------------------------------------------------------------

    private Map<String, Object> detail(String type, XmlElement e, String value) {
        Map<String, Object> d = new LinkedHashMap<>();
        boolean html = !type.equals("text/plain");
        d.put("type", type);
        d.put("language", e.lang != null ? e.lang : feedLanguage);
        d.put("base", e.base);
        d.put("value", html ? Html.sanitize(value, e.base) : value);
        return d;
    }

    private void plainIfAbsent(Map<String, Object> m, String name, XmlElement e) {
        if (m.containsKey(name)) return;
        String value = e.hasElementChildren() ? e.innerMarkup() : e.text();
        boolean html = e.hasElementChildren() || LOOKS_LIKE_HTML.matcher(value).find();
        Map<String, Object> d = detail(html ? "text/html" : "text/plain", e, value.strip());
        m.put(name, d.get("value"));
        m.put(name + "_detail", d);
    }

    private void htmlIfAbsent(Map<String, Object> m, String name, XmlElement e) {
        if (m.containsKey(name)) return;
        Map<String, Object> d = detail("text/html", e, htmlSource(e));
        m.put(name, d.get("value"));
        m.put(name + "_detail", d);
    }

    /** HTML in an RSS element: escaped or CDATA text, or (malformed but common) raw child markup. */
    private static String htmlSource(XmlElement e) {
        return e.hasElementChildren() ? e.innerMarkup() : e.text();
    }

    private void textConstruct(Map<String, Object> m, String name, XmlElement e) {
        if (m.containsKey(name)) return;
        Map<String, Object> d = atomText(e);
        m.put(name, d.get("value"));
        m.put(name + "_detail", d);
    }

    /** Atom text construct: type text|html|xhtml (1.0), or a MIME type with mode escaped|xml|base64 (0.3). */
    private Map<String, Object> atomText(XmlElement e) {
        String type = e.attrOrNull("type") == null ? "text" : e.attrOrNull("type").toLowerCase(Locale.ROOT);
        String mode = e.attrOrNull("mode") == null ? "" : e.attrOrNull("mode").toLowerCase(Locale.ROOT);
        String raw = e.text();
        if (mode.equals("base64")) raw = base64(raw);
        if (type.equals("xhtml") || type.equals("application/xhtml+xml") || mode.equals("xml")) {
            XmlElement div = singleDiv(e);
            return detail("application/xhtml+xml", e, div != null ? div.innerMarkup() : e.innerMarkup());
        }
        if (type.equals("html") || type.equals("text/html")) return detail("text/html", e, e.hasElementChildren() ? e.innerMarkup() : raw);
        if (e.hasElementChildren()) return detail("text/html", e, e.innerMarkup());
        return detail("text/plain", e, raw.strip());
    }

    private Map<String, Object> atomContent(XmlElement e, Map<String, Object> m) {
        String src = e.attrOrNull("src");
        Map<String, Object> d = atomText(e);
        if (src != null) {
            String href = url(e, src);
            d.put("src", href);
            Map<String, Object> link = link("enclosure", e.attrOrNull("type"), href);
            list(m, "links").add(link);
        }
        return d;
    }

    private static XmlElement singleDiv(XmlElement e) {
        List<XmlElement> children = e.elements();
        if (children.size() == 1 && children.get(0).local.equalsIgnoreCase("div")) return children.get(0);
        return null;
    }

    private String base64(String raw) {
        try {
            return new String(Base64.getMimeDecoder().decode(raw.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException ex) {
            problems.add("invalid base64 content");
            return raw;
        }
    }

    private static void addContent(Map<String, Object> m, Map<String, Object> detail) {
        list(m, "content").add(detail);
    }

    // ---- links, ids, people ---------------------------------------------------------------------

    private void rssLink(Map<String, Object> m, XmlElement e, Level level) {
        String text = blankToNull(e.text());
        if (text == null && e.attrOrNull("href") != null) {
            atomLink(m, e, level);
            return;
        }
        if (text == null) return;
        String href = url(e, text);
        putIfAbsent(m, "link", href);
        list(m, "links").add(link("alternate", "text/html", href));
    }

    private void atomLink(Map<String, Object> m, XmlElement e, Level level) {
        String hrefAttr = e.attrOrNull("href");
        if (hrefAttr == null) hrefAttr = e.attrOrNull("url");
        if (hrefAttr == null) return;
        String href = url(e, hrefAttr);
        String rel = e.attrOrNull("rel") == null ? "alternate" : e.attrOrNull("rel");
        Map<String, Object> link = link(rel, e.attrOrNull("type"), href);
        if (e.attrOrNull("title") != null) link.put("title", e.attrOrNull("title"));
        if (e.attrOrNull("length") != null) link.put("length", e.attrOrNull("length"));
        if (e.attrOrNull("hreflang") != null) link.put("hreflang", e.attrOrNull("hreflang"));
        if (rel.equals("alternate")) putIfAbsent(m, "link", href);
        list(m, "links").add(link);
        if (rel.equals("enclosure") && level == Level.ENTRY) {
            Map<String, Object> enclosure = new LinkedHashMap<>();
            enclosure.put("href", href);
            enclosure.put("type", e.attrOrNull("type"));
            enclosure.put("length", e.attrOrNull("length"));
            list(m, "enclosures").add(enclosure);
        }
        if (rel.equals("license")) putIfAbsent(m, "license", href);
    }

    /** One entry of feedparser's {@code links} list. */
    static Map<String, Object> link(String rel, String type, String href) {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("rel", rel);
        link.put("type", type);
        link.put("href", href);
        return link;
    }

    private void guid(Map<String, Object> m, XmlElement e) {
        String id = blankToNull(e.text());
        if (id == null || m.containsKey("id")) return;
        m.put("id", id);
        String permaLink = e.attrOrNull("isPermaLink");
        boolean isLink = (permaLink == null || !permaLink.equalsIgnoreCase("false")) && Urls.isAbsolute(id)
                && (id.startsWith("http:") || id.startsWith("https:"));
        m.put("guidislink", isLink);
    }

    /** RSS people: "jo@example.com (Jo Doe)", "Jo Doe <jo@example.com>", an address, or a name. */
    private static void rssPerson(Map<String, Object> m, String name, XmlElement e) {
        String raw = blankToNull(e.text());
        if (raw == null || m.containsKey(name)) return;
        Map<String, Object> person = parsePerson(raw.strip());
        m.put(name, firstNonNull((String) person.get("name"), (String) person.get("email")));
        m.put(name + "_detail", person);
        if (name.equals("author")) list(m, "authors").add(person);
    }

    static Map<String, Object> parsePerson(String raw) {
        String name = raw;
        String email = null;
        int at = raw.indexOf('@');
        if (at > 0) {
            int open = raw.indexOf('(');
            int lt = raw.indexOf('<');
            if (open > 0 && raw.endsWith(")")) {
                email = raw.substring(0, open).strip();
                name = raw.substring(open + 1, raw.length() - 1).strip();
            } else if (lt >= 0 && raw.endsWith(">")) {
                name = raw.substring(0, lt).strip();
                email = raw.substring(lt + 1, raw.length() - 1).strip();
            } else if (!raw.contains(" ")) {
                email = raw;
                name = null;
            }
            if (email != null && email.startsWith("mailto:")) email = email.substring(7);
            if (email != null && email.indexOf('@') < 0) {
                String swap = name;
                name = email;
                email = swap;
            }
        }
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("name", blankToNull(name));
        if (email != null) person.put("email", email);
        return person;
    }

    private void atomPerson(Map<String, Object> m, XmlElement e) {
        Map<String, Object> person = person(e);
        list(m, "authors").add(person);
        if (m.containsKey("author")) return;
        m.put("author", firstNonNull((String) person.get("name"), (String) person.get("email")));
        m.put("author_detail", person);
    }

    private Map<String, Object> person(XmlElement e) {
        Map<String, Object> person = new LinkedHashMap<>();
        for (XmlElement child : e.elements()) {
            String local = child.local.toLowerCase(Locale.ROOT);
            String value = blankToNull(child.text());
            if (value == null) continue;
            switch (local) {
                case "name" -> person.putIfAbsent("name", value);
                case "email" -> person.putIfAbsent("email", value);
                case "uri", "url" -> person.putIfAbsent("href", url(child, value));
                default -> { }
            }
        }
        if (person.isEmpty() && blankToNull(e.text()) != null) person.put("name", e.text().strip());
        return person;
    }

    private static Map<String, Object> nameOnly(String name) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("name", blankToNull(name));
        return person;
    }

    private static Map<String, Object> owner(XmlElement e) {
        Map<String, Object> person = new LinkedHashMap<>();
        for (XmlElement child : e.elements()) {
            String local = child.local.toLowerCase(Locale.ROOT);
            if (local.equals("name") || local.equals("email")) person.putIfAbsent(local, blankToNull(child.text()));
        }
        return person;
    }

    // ---- tags, dates, media ---------------------------------------------------------------------

    private static void tag(Map<String, Object> m, String term, String scheme, String label) {
        if (term == null) return;
        Map<String, Object> tag = new LinkedHashMap<>();
        tag.put("term", term.strip());
        tag.put("scheme", scheme);
        tag.put("label", label);
        list(m, "tags").add(tag);
    }

    private static void itunesCategory(Map<String, Object> m, XmlElement e) {
        tag(m, e.attrOrNull("text"), "http://www.itunes.com/", null);
        for (XmlElement child : e.elements()) {
            if (child.local.equalsIgnoreCase("category")) itunesCategory(m, child);
        }
    }

    private static void keywords(Map<String, Object> m, XmlElement e) {
        for (String word : e.text().split(",")) tag(m, blankToNull(word), null, null);
    }

    private static void date(Map<String, Object> m, String name, XmlElement e) {
        String raw = blankToNull(e.text());
        if (raw == null || m.containsKey(name)) return;
        m.put(name, raw);
        m.put(name + "_parsed", FeedDates.isoUtc(FeedDates.parse(raw)));
    }

    private void generator(Map<String, Object> m, XmlElement e) {
        if (m.containsKey("generator")) return;
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("name", blankToNull(e.text()));
        String uri = firstNonNull(e.attrOrNull("uri"), e.attrOrNull("url"));
        if (uri != null) detail.put("href", url(e, uri));
        if (e.attrOrNull("version") != null) detail.put("version", e.attrOrNull("version"));
        m.put("generator", detail.get("name"));
        m.put("generator_detail", detail);
    }

    @SuppressWarnings("unchecked")
    private void generatorAgent(Map<String, Object> m, XmlElement e) {
        String resource = e.attrOrNull("resource");
        if (resource == null) return;
        if (!(m.get("generator_detail") instanceof Map<?, ?>)) m.put("generator_detail", new LinkedHashMap<>());
        ((Map<String, Object>) m.get("generator_detail")).putIfAbsent("href", url(e, resource));
        m.putIfAbsent("generator", resource);
    }

    private void enclosure(Map<String, Object> m, XmlElement e, String href, String type, String length) {
        if (href == null) return;
        String resolved = url(e, href);
        Map<String, Object> enclosure = new LinkedHashMap<>();
        enclosure.put("href", resolved);
        enclosure.put("type", type);
        enclosure.put("length", length);
        list(m, "enclosures").add(enclosure);
        Map<String, Object> link = link("enclosure", type, resolved);
        link.put("length", length);
        list(m, "links").add(link);
    }

    private void source(Map<String, Object> m, XmlElement e) {
        Map<String, Object> source = new LinkedHashMap<>();
        String href = e.attrOrNull("url");
        if (href != null) source.put("href", url(e, href));
        source.put("title", blankToNull(e.text()));
        m.putIfAbsent("source", source);
    }

    private Map<String, Object> atomSource(XmlElement e) {
        Map<String, Object> source = new LinkedHashMap<>();
        readElements(e, source, Level.FEED);
        return source;
    }

    private void image(Map<String, Object> m, XmlElement e) {
        if (!e.hasElementChildren()) return;
        Map<String, Object> image = new LinkedHashMap<>();
        for (XmlElement child : e.elements()) {
            String local = child.local.toLowerCase(Locale.ROOT);
            String value = blankToNull(child.text());
            if (value == null) continue;
            switch (local) {
                case "url" -> image.putIfAbsent("href", url(child, value));
                case "link" -> image.putIfAbsent("link", url(child, value));
                case "title", "width", "height", "description" -> image.putIfAbsent(local, value);
                default -> { }
            }
        }
        m.put("image", image);
    }

    private void mediaContent(Map<String, Object> m, XmlElement e) {
        Map<String, Object> media = attributes(e);
        if (media.containsKey("url")) media.put("url", url(e, (String) media.get("url")));
        list(m, "media_content").add(media);
        for (XmlElement child : e.elements()) element(child, m, Level.ENTRY);
    }

    private void mediaThumbnail(Map<String, Object> m, XmlElement e) {
        Map<String, Object> thumb = attributes(e);
        if (thumb.containsKey("url")) thumb.put("url", url(e, (String) thumb.get("url")));
        list(m, "media_thumbnail").add(thumb);
    }

    private static Boolean explicit(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("yes") || t.equals("true") || t.equals("explicit")) return true;
        if (t.equals("no") || t.equals("false") || t.equals("clean")) return false;
        return null;
    }

    /** Elements we do not model: feedparser keeps their text under "prefix_local". */
    private static void generic(Map<String, Object> m, XmlElement e, String key) {
        if (e.hasElementChildren() || key.startsWith("atom:") || key.startsWith("rdf:")) return;
        String value = blankToNull(e.text());
        String resource = e.attrOrNull("resource");
        if (value == null) value = resource;
        if (value == null) return;
        m.putIfAbsent(key.replace(':', '_'), value);
    }

    // ---- small helpers --------------------------------------------------------------------------

    private static Map<String, Object> attributes(XmlElement e) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < e.attrs.size(); i += 2) {
            String name = e.attrs.get(i);
            if (name.startsWith("xmlns") || name.startsWith("xml:")) continue;
            out.putIfAbsent(name.substring(name.indexOf(':') + 1), e.attrs.get(i + 1));
        }
        return out;
    }

    private static Map<String, Object> childTexts(XmlElement e) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (XmlElement child : e.elements()) out.putIfAbsent(child.local.toLowerCase(Locale.ROOT), blankToNull(child.text()));
        return out;
    }

    private static Map<String, Object> href(String href) {
        if (href == null) return null;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("href", href);
        return out;
    }

    private static String url(XmlElement e, String ref) {
        String r = blankToNull(ref);
        return r == null ? null : Urls.resolve(e.base, r);
    }

    /** The model's list {@code name}; it replaces the text an element we do not model may have left under that name. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> m, String name) {
        if (!(m.get(name) instanceof List<?>)) m.put(name, new ArrayList<>());
        return (List<Map<String, Object>>) m.get(name);
    }

    private static void putIfAbsent(Map<String, Object> m, String name, Object value) {
        if (value != null) m.putIfAbsent(name, value);
    }

    static String blankToNull(String s) {
        if (s == null) return null;
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
