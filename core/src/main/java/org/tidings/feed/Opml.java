package org.tidings.feed;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * OPML subscription lists: reads nested outlines (each feed with the path of category outlines
 * above it), tolerating malformed OPML like any feed; writes the same records back as OPML 2.0.
 */
public final class Opml {

    /**
     * @param categories the titles of the enclosing category outlines, outermost first (may be empty)
     * @param title      the feed's title (outline {@code title}, else {@code text}), or null
     * @param feedUrl    the feed's URL ({@code xmlUrl}), never null
     * @param siteUrl    the site's URL ({@code htmlUrl}), or null
     * @param language   the declared language, or null
     */
    public record Feed(List<String> categories, String title, String feedUrl, String siteUrl, String language) {
        public Feed {
            categories = categories == null ? List.of() : List.copyOf(categories);
        }
    }

    private Opml() {}

    /** Every outline with an xmlUrl, in document order. Never throws; unreadable input gives an empty list. */
    public static List<Feed> parse(byte[] body) {
        FeedDecoding.Decoded decoded = FeedDecoding.decode(FeedParser.upToLimit(body), null);
        XmlReader.Document doc = XmlReader.readTree(decoded.text(), null);
        List<Feed> feeds = new ArrayList<>();
        for (XmlElement root : doc.roots()) walk(root, new ArrayList<>(), feeds);
        return feeds;
    }

    private static void walk(XmlElement e, List<String> path, List<Feed> feeds) {
        for (XmlElement child : e.elements()) {
            if (feeds.size() >= FeedModel.MAX_ENTRIES) return;
            if (!child.local.equalsIgnoreCase("outline")) {
                walk(child, path, feeds);
                continue;
            }
            String xmlUrl = attr(child, "xmlUrl");
            String name = FeedModel.firstNonNull(attr(child, "title"), attr(child, "text"));
            if (xmlUrl != null) {
                feeds.add(new Feed(categoriesOf(child, path), name, xmlUrl, attr(child, "htmlUrl"), attr(child, "language")));
            }
            List<String> inner = new ArrayList<>(path);
            if (xmlUrl == null && name != null) inner.add(name);
            walk(child, inner, feeds);
        }
    }

    /** Nesting wins; a flat list may instead carry OPML 2.0's category="/A/B" attribute. */
    private static List<String> categoriesOf(XmlElement outline, List<String> path) {
        if (!path.isEmpty()) return path;
        String category = attr(outline, "category");
        if (category == null) return path;
        String first = category.split(",")[0];
        List<String> out = new ArrayList<>();
        for (String part : first.split("/")) if (!part.isBlank()) out.add(part.strip());
        return out;
    }

    /** Attribute lookup ignoring case: xmlurl, xmlURL and xmlUrl are all seen in the wild. */
    private static String attr(XmlElement e, String name) {
        for (int i = 0; i < e.attrs.size(); i += 2) {
            if (e.attrs.get(i).equalsIgnoreCase(name)) return FeedModel.blankToNull(e.attrs.get(i + 1));
        }
        return null;
    }

    /** OPML 2.0 with one outline per category path, feeds nested inside. */
    public static String write(String title, List<Feed> feeds) {
        StringBuilder out = new StringBuilder(256 + feeds.size() * 160);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head>\n    <title>");
        XmlElement.escape(title == null ? "Tidings subscriptions" : title, out, false);
        out.append("</title>\n  </head>\n  <body>\n");
        Node tree = new Node();
        for (Feed feed : feeds) {
            Node node = tree;
            for (String category : feed.categories()) node = node.children.computeIfAbsent(category, k -> new Node());
            node.feeds.add(feed);
        }
        writeNode(tree, out, 2);
        out.append("  </body>\n</opml>\n");
        return out.toString();
    }

    public static byte[] writeBytes(String title, List<Feed> feeds) {
        return write(title, feeds).getBytes(StandardCharsets.UTF_8);
    }

    private static final class Node {
        final Map<String, Node> children = new LinkedHashMap<>();
        final List<Feed> feeds = new ArrayList<>();
    }

    private static void writeNode(Node node, StringBuilder out, int depth) {
        String indent = "  ".repeat(depth);
        for (Feed feed : node.feeds) {
            out.append(indent).append("<outline type=\"rss\"");
            attribute(out, "text", feed.title() == null ? feed.feedUrl() : feed.title());
            attribute(out, "title", feed.title());
            attribute(out, "xmlUrl", feed.feedUrl());
            attribute(out, "htmlUrl", feed.siteUrl());
            attribute(out, "language", feed.language() == null ? null : feed.language().toLowerCase(Locale.ROOT));
            out.append("/>\n");
        }
        for (Map.Entry<String, Node> child : node.children.entrySet()) {
            out.append(indent).append("<outline");
            attribute(out, "text", child.getKey());
            attribute(out, "title", child.getKey());
            out.append(">\n");
            writeNode(child.getValue(), out, depth + 1);
            out.append(indent).append("</outline>\n");
        }
    }

    private static void attribute(StringBuilder out, String name, String value) {
        if (value == null) return;
        out.append(' ').append(name).append("=\"");
        XmlElement.escape(value, out, true);
        out.append('"');
    }
}
