package org.tidings.feed;

import java.util.Locale;
import java.util.Map;

/**
 * The canonical prefix of each vocabulary a feed may use ("dc", "media", "atom"...), whatever prefix
 * the document declared, so that one name stands for one element in every document. RSS's own
 * namespaces have the empty prefix.
 */
final class Namespaces {

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

    private Namespaces() {}

    /** The canonical prefix of the element's namespace; an unknown namespace keeps the document's prefix, lower-cased. */
    static String prefix(XmlElement e) {
        if (e.ns.isEmpty()) return "";
        if (e.ns.startsWith("undeclared:")) return e.prefix.toLowerCase(Locale.ROOT);
        String known = PREFIXES.get(e.ns.toLowerCase(Locale.ROOT));
        if (known != null) return known;
        return e.prefix.toLowerCase(Locale.ROOT);
    }
}
