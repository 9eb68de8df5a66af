package org.tidings.feed;

import java.util.List;
import java.util.Locale;

/** Finds the feed in a tolerant XML tree, even wrapped in other markup, and names its format as feedparser does. */
final class XmlFeedFormat {

    /** How deep below the top we look for a feed root wrapped in other markup (HTML, SOAP...). */
    private static final int ROOT_SEARCH_DEPTH = 4;

    private static final String ATOM10 = "http://www.w3.org/2005/Atom";
    private static final String ATOM03 = "http://purl.org/atom/ns#";
    private static final String RSS090 = "http://my.netscape.com/rdf/simple/0.9/";

    private XmlFeedFormat() {}

    /** The rss, rdf:RDF, channel or Atom feed element, or null when the document has none. */
    static XmlElement findRoot(List<XmlElement> roots) {
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

    /** feedparser's version name: atom10, atom03, rss10, rss090, rss20, rss091u/n, rss092..., or atom/rss when unsure. */
    static String version(XmlElement root, String doctype) {
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
            case "0.91" -> doctype != null && doctype.toLowerCase(Locale.ROOT).contains("netscape") ? "rss091n" : "rss091u";
            case "0.92" -> "rss092";
            case "0.93" -> "rss093";
            case "0.94" -> "rss094";
            case "0.90", "0.9" -> "rss090";
            default -> v.startsWith("2.") ? "rss20" : "rss";
        };
    }
}
