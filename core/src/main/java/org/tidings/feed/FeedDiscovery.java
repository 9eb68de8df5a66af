package org.tidings.feed;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.tidings.html.PageDecoder;

/**
 * Finds the feeds of a web page: {@code <link rel="alternate">} declarations of RSS, Atom and JSON
 * feeds first (in the page's order, which is the site's own preference), then the common feed
 * paths at the site root as candidates the caller may try.
 */
public final class FeedDiscovery {

    /** Where most blog engines and CMSs serve their main feed. */
    static final List<String> COMMON_PATHS = List.of("/feed", "/rss", "/rss.xml", "/atom.xml", "/feed.xml", "/index.xml");

    /**
     * Feed media types. Plain application/json is left out: WordPress declares its REST API as
     * {@code <link rel="alternate" type="application/json">} on every page, and it is not a feed.
     */
    private static final Set<String> FEED_TYPES = Set.of(
            "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json",
            "application/xml", "text/xml", "application/x.atom+xml", "application/x-atom+xml");

    private FeedDiscovery() {}

    public static List<String> discover(byte[] html, String contentType, String pageUrl) {
        Set<String> found = new LinkedHashSet<>();
        byte[] body = FeedParser.upToLimit(html);
        if (looksLikeFeed(body, contentType) && pageUrl != null && FeedParser.parse(body, contentType, pageUrl).isFeed()) {
            return new ArrayList<>(List.of(pageUrl));
        }
        Document doc = Jsoup.parse(PageDecoder.decode(body, contentType), pageUrl == null ? "" : pageUrl);
        List<String> comments = new ArrayList<>();
        for (Element link : doc.select("link[href][rel]")) {
            if (!isFeedLink(link)) continue;
            String href = Urls.resolveForFetching(pageUrl, link.attr("href"));
            // A site's comment feed is a feed too, but rarely the one a reader wants first.
            String title = link.attr("title").toLowerCase(Locale.ROOT);
            if (title.contains("comment") || href.toLowerCase(Locale.ROOT).contains("/comments/")) comments.add(href);
            else found.add(href);
        }
        found.addAll(comments);
        if (pageUrl != null && Urls.isAbsolute(pageUrl)) {
            for (String path : COMMON_PATHS) found.add(Urls.resolveForFetching(pageUrl, path));
        }
        return new ArrayList<>(found);
    }

    private static boolean isFeedLink(Element link) {
        Set<String> rels = Set.of(link.attr("rel").toLowerCase(Locale.ROOT).split("\\s+"));
        if (!rels.contains("alternate") && !rels.contains("feed")) return false;
        String type = link.attr("type").toLowerCase(Locale.ROOT).split(";", 2)[0].strip();
        return FEED_TYPES.contains(type) || rels.contains("feed") && type.isEmpty();
    }

    private static boolean looksLikeFeed(byte[] body, String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.contains("rss") || type.contains("atom") || type.contains("xml") || type.contains("json")) return true;
        String start = new String(body, 0, Math.min(body.length, 512), java.nio.charset.StandardCharsets.ISO_8859_1).stripLeading();
        return start.startsWith("<?xml") || start.startsWith("<rss") || start.startsWith("<feed") || start.startsWith("<rdf");
    }
}
