package org.tidings.feed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads an RSS 0.9x/2.0, RSS 1.0 or Atom 0.3/1.0 tree onto feedparser's model. Each element is read
 * through {@link FeedElements} by a key made of its namespace's canonical prefix, whatever prefix
 * the document declared; an element no vocabulary models keeps its text under "prefix_local".
 */
final class XmlFeedReader {

    /** The canonical prefix of each vocabulary's namespaces: the key of an element is prefix:local. */
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
            Map.entry("http://www.opengis.net/gml", "gml"),
            Map.entry("http://podlove.org/simple-chapters", "psc"),
            Map.entry("http://creativecommons.org/ns#", "cc"),
            Map.entry("http://web.resource.org/cc/", "cc"),
            Map.entry("http://backend.userland.com/creativecommonsrssmodule", "creativecommons"),
            Map.entry("http://www.w3.org/2003/01/geo/wgs84_pos#", "geo"),
            Map.entry("http://purl.org/rss/1.0/", ""),
            Map.entry("http://my.netscape.com/rdf/simple/0.9/", ""),
            Map.entry("http://backend.userland.com/rss2", ""),
            Map.entry("http://blogs.law.harvard.edu/tech/rss", ""));

    /** How deep below the top we look for a feed root wrapped in other markup (HTML, SOAP...). */
    private static final int ROOT_SEARCH_DEPTH = 4;
    private static final Set<String> FEED_ROOTS = Set.of("rss", "rdf", "channel", "feed");
    private static final String ATOM10 = "http://www.w3.org/2005/Atom";
    private static final String ATOM03 = "http://purl.org/atom/ns#";
    private static final String RSS090 = "http://my.netscape.com/rdf/simple/0.9/";

    /** Elements we do not model whose text feedparser resolves as a URI. */
    private static final Set<String> RELATIVE_URI_ELEMENTS = Set.of("wfw_comment", "wfw_commentrss");

    /** Where an element stands: some mean one thing on the feed and another on an entry. */
    enum Level { FEED, ENTRY }

    final TextConstructs text;
    private final List<String> problems;
    private final boolean atomDocument;

    private XmlFeedReader(List<String> problems, boolean atomDocument, boolean atom10) {
        this.problems = problems;
        this.atomDocument = atomDocument;
        this.text = new TextConstructs(problems, atom10);
    }

    static FeedDocument read(XmlReader.Document doc, String encoding, List<String> problems) {
        problems.addAll(doc.problems());
        XmlElement root = findRoot(doc.roots());
        if (root == null) {
            if (problems.isEmpty()) problems.add("document is not a feed: no rss, rdf:RDF or atom feed element");
            return FeedDocument.empty(problems, encoding);
        }
        String version = version(root, doc.doctype());
        boolean atom = version.startsWith("atom");
        XmlElement channel = atom ? root : channelOf(root);
        XmlFeedReader reader = new XmlFeedReader(problems, atom, version.equals("atom10"));
        // The root's language (xml:lang, else HTTP Content-Language) is the feed's until a language element says otherwise.
        Map<String, Object> feed = new LinkedHashMap<>();
        if (root.lang != null) feed.put("language", TextConstructs.language(root));
        if (!atom) cdfAttributes(channel, feed);
        reader.readElements(channel, feed, Level.FEED);
        List<Map<String, Object>> entries = new ArrayList<>();
        int leftOut = 0;
        if (channel != root) {
            reader.readRootExtras(root, feed);
            leftOut += reader.collectEntries(root, entries);
        }
        leftOut += reader.collectEntries(channel, entries);
        FeedModel.recordLeftOut(leftOut, problems);
        return new FeedDocument(version, problems, encoding, feed, entries, leftOut, namespaces(doc.namespaces()));
    }

    /**
     * Declared namespaces (URI to prefix) by feedparser's prefix for the vocabularies it knows (Atom's is ""), else the
     * document's; of two URIs declared with one unknown prefix, the later.
     */
    private static Map<String, String> namespaces(Map<String, String> declared) {
        Map<String, String> out = new LinkedHashMap<>();
        declared.forEach((uri, prefix) -> {
            String known = PREFIXES.get(uri.strip().toLowerCase(Locale.ROOT));
            out.put(known == null ? prefix : known.equals("atom") ? "" : known, uri);
        });
        return out;
    }

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
        return FEED_ROOTS.contains(e.local.toLowerCase(Locale.ROOT));
    }

    /** feedparser's version name: atom10, atom03, rss10, rss090, rss20, rss091u/n, rss092..., or atom/rss when unsure. */
    private static String version(XmlElement root, String doctype) {
        String local = root.local.toLowerCase(Locale.ROOT);
        if (local.equals("feed")) {
            if (root.ns.equalsIgnoreCase(ATOM10)) return "atom10";
            String v = root.attrOrNull("version");
            if (v == null) return root.ns.equalsIgnoreCase(ATOM03) ? "atom03" : "atom";
            return switch (v.strip()) {
                case "0.1" -> "atom01";
                case "0.2" -> "atom02";
                case "0.3" -> "atom03";
                default -> "atom";
            };
        }
        if (local.equals("rdf")) return root.elements().stream().anyMatch(child -> child.ns.equals(RSS090)) ? "rss090" : "rss10";
        if (local.equals("channel")) return "rss";
        // As feedparser: Netscape's DTD makes rss091n whatever the version; 2.x is rss20; other versions are plain rss.
        if (doctype != null && doctype.toLowerCase(Locale.ROOT).contains("netscape")) return "rss091n";
        String v = root.attrOrNull("version");
        if (v == null) return "rss";
        return switch (v) {
            case "0.91" -> "rss091u";
            case "0.92" -> "rss092";
            case "0.93" -> "rss093";
            case "0.94" -> "rss094";
            default -> v.startsWith("2.") ? "rss20" : "rss";
        };
    }

    private static XmlElement channelOf(XmlElement root) {
        if (root.local.equalsIgnoreCase("channel")) return root;
        for (XmlElement child : root.elements()) if (child.local.equalsIgnoreCase("channel")) return child;
        return root;
    }

    /** RSS 1.0 puts image and textinput beside the channel, under rdf:RDF. */
    private void readRootExtras(XmlElement root, Map<String, Object> feed) {
        for (XmlElement child : root.elements()) {
            String k = key(child, atomDocument);
            if ((k.equals("image") || k.equals("textinput")) && child.hasElementChildren()) element(child, feed, Level.FEED);
        }
    }

    /** Reads the entries under {@code parent} while there is room; how many were left out. */
    private int collectEntries(XmlElement parent, List<Map<String, Object>> entries) {
        int leftOut = 0;
        for (XmlElement child : parent.elements()) {
            String k = key(child, atomDocument);
            if (!(k.equals("item") || k.equals("atom:entry"))) continue;
            if (FeedModel.roomForEntry(entries)) entries.add(readEntry(child));
            else leftOut++;
        }
        return leftOut;
    }

    private Map<String, Object> readEntry(XmlElement item) {
        Map<String, Object> entry = new LinkedHashMap<>();
        if (!atomDocument) cdfAttributes(item, entry);
        readElements(item, entry, Level.ENTRY);
        String about = item.attrOrNull("about");
        if (about != null && !entry.containsKey("id")) entry.put("id", Urls.resolve(item.base, about));
        return entry;
    }

    /** CDF gives a channel's or item's page and modification date as attributes: the link and the updated date. */
    private static void cdfAttributes(XmlElement e, Map<String, Object> m) {
        FeedModel.date(m, "updated", e.attrOrNull("lastmod"));
        String href = e.url(e.attrOrNull("href"));
        if (href != null) FeedModel.alternate(m, href);
    }

    Map<String, Object> readElements(XmlElement parent, Map<String, Object> target, Level level) {
        for (XmlElement child : parent.elements()) element(child, target, level);
        return target;
    }

    void element(XmlElement e, Map<String, Object> m, Level level) {
        String key = key(e, atomDocument);
        if (!FeedElements.read(this, key, e, m, level)) generic(m, e, key);
    }

    /** "dc:creator", "atom:link", or the plain local name for RSS core elements. */
    private static String key(XmlElement e, boolean atomDocument) {
        String prefix = canonicalPrefix(e);
        String local = e.local.toLowerCase(Locale.ROOT);
        if (prefix.isEmpty() && atomDocument) return "atom:" + local;
        return prefix.isEmpty() ? local : prefix + ":" + local;
    }

    /** The canonical prefix of the element's namespace; an unknown namespace keeps the document's prefix, lower-cased. */
    private static String canonicalPrefix(XmlElement e) {
        return e.ns.isEmpty() ? "" : PREFIXES.getOrDefault(e.ns.toLowerCase(Locale.ROOT), e.prefix.toLowerCase(Locale.ROOT));
    }

    /** Elements we do not model: feedparser keeps their text under "prefix_local". */
    private static void generic(Map<String, Object> m, XmlElement e, String key) {
        if (e.hasElementChildren() || key.startsWith("rdf:") || key.startsWith("xhtml:")) return;
        String name = (key.startsWith("atom:") ? key.substring(5) : key).replace(':', '_');
        Map<String, Object> attributes = e.attributes();
        // As feedparser, a later element of the same name replaces the earlier one's value; but a made-up element
        // named like one of the model's lists or details (<tags>, <links>) does not replace it.
        if (m.get(name) instanceof List<?> || m.get(name) instanceof Map<?, ?> && attributes.isEmpty()) return;
        if (attributes.isEmpty()) m.put(name, RELATIVE_URI_ELEMENTS.contains(name) ? e.url(e.text()) : e.text().strip());
        else m.put(name, Extensions.lowerCaseKeys(attributes));
    }
}
