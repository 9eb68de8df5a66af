package org.tidings.fuzz;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;
import org.tidings.dates.DateReader;
import org.tidings.extract.ArticleExtractor;
import org.tidings.extract.ExtractedArticle;
import org.tidings.feed.FeedEntry;
import org.tidings.feed.FeedParser;
import org.tidings.feed.Opml;
import org.tidings.feed.ParsedFeed;
import org.tidings.html.HtmlSanitizer;
import org.tidings.url.CanonicalUrl;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The core's fuzz targets and the contract each one checks: the feed parser (RSS and Atom, and
 * JSON Feed), OPML, the article extractor, the HTML sanitizer, dates and the URL canonicaliser.
 * Seeds come from the W3C feed corpus and the extraction pages under the test resources.
 */
public final class CoreTargets {

    /** The address documents are fetched from in the checks: relative links resolve against it. */
    static final String BASE = "https://news.example/world/feed.xml";

    private static final String W3C = "/feed/w3c/testcases";
    private static final Pattern HTML_VALUE = Pattern.compile(
            "(?s)<((?:\\w+:)?(?:description|content|summary|encoded|subtitle|rights|title))(?:\\s[^>]*)?>(.{1,4000}?)</\\1>");
    private static final Pattern DATE_VALUE = Pattern.compile(
            "<((?:\\w+:)?(?:pubDate|date|published|updated|modified|issued|created|lastBuildDate|dateCreated|dateModified))"
                    + "(?:\\s[^>]*)?>([^<]{1,100})</\\1>");
    private static final Pattern URL_ATTRIBUTE = Pattern.compile("(?:href|url|src|about|resource|xmlUrl|htmlUrl)=[\"']([^\"'<>]{1,400})[\"']");
    private static final Pattern URL_ELEMENT = Pattern.compile("<(?:link|guid|url|comments|docs)>([^<]{1,400})</");

    private static final Supplier<List<byte[]>> W3C_DOCUMENTS = once(() -> Seeds.files(CoreTargets.class, W3C, n -> n.endsWith(".xml")));

    private CoreTargets() {}

    public static List<FuzzTarget> all() {
        return List.of(feed(), jsonFeed(), opml(), extractor(), sanitizer(), dates(), canonicalUrl());
    }

    /** RSS and Atom, well-formed or not: never an exception, only a bozo flag; every HTML value sanitized, every date plausible. */
    static FuzzTarget feed() {
        return new FuzzTarget("feed", W3C_DOCUMENTS, List.of("<rss version=\"2.0\"><channel>", "<item>", "</item>", "<entry>",
                "</entry>", "<feed xmlns=\"http://www.w3.org/2005/Atom\">", "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">",
                "<![CDATA[", "]]>", "<!--", "-->", "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>", "<!DOCTYPE rss [<!ENTITY e \"&e;&e;\">]>",
                "&amp;", "&#x3C;", "&lt;script&gt;", "<description>", "</description>", "<content type=\"html\">",
                "<content:encoded>", "<summary type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">", "<tags>a, b</tags>",
                "<category>", "<category term=\"x\"/>", "<pubDate>", "<updated>", "<link>", "<link href=\"", "xml:base=\"",
                "<media:thumbnail url=\"", "<enclosure url=\"x\" type=\"image/png\"/>", "<author>", "<guid>", " xmlns:media=\"http://search.yahoo.com/mrss/\"",
                "javascript:", "<script>alert(1)</script>", "&lt;img src=x onerror=alert(1)&gt;"),
                input -> checkFeed(FeedParser.parse(input, null, BASE)));
    }

    /** JSON Feed 1.0 and 1.1, through the same parser: the same promises. */
    static FuzzTarget jsonFeed() {
        return new FuzzTarget("json-feed", once(CoreTargets::jsonFeeds), List.of("{", "}", "[", "]", ",", ":", "\"", "null", "true",
                "1e999", "-0", "\"\\u0000\"", "\"\\ud800\"", "\"version\":\"https://jsonfeed.org/version/1.1\"", "\"items\":[",
                "\"content_html\":\"<script>alert(1)</script>\"", "\"url\":\"javascript:alert(1)\"", "\"date_published\":\"",
                "\"authors\":[{\"name\":\"x\"}]", "\"author\":{\"name\":\"x\"}", "\"tags\":[\"a\",1,null]", "\"attachments\":[{\"url\":\"x\",\"mime_type\":\"image/png\"}]",
                "\"image\":", "\"language\":\"", "\"home_page_url\":", "\"id\":7", "{\"a\":"),
                input -> checkFeed(FeedParser.parse(input, "application/feed+json", BASE)));
    }

    /** Subscription lists: never an exception, every feed has its URL, and what {@link Opml#write} writes reads back the same. */
    static FuzzTarget opml() {
        return new FuzzTarget("opml", once(() -> Seeds.files(CoreTargets.class, W3C, n -> n.endsWith(".opml"))),
                List.of("<outline", " xmlUrl=\"", " htmlUrl=\"", " text=\"", " title=\"", " category=\"/a/b,/c\"", " language=\"EN\"", "/>",
                        "</outline>", "<body>", "<opml version=\"2.0\">", "&amp;", "&#10;", "&#0;", "\"", "<![CDATA[", "<!--"),
                input -> {
                    List<Opml.Feed> feeds = Opml.parse(input);
                    for (Opml.Feed feed : feeds) {
                        if (feed.feedUrl() == null || feed.feedUrl().isBlank()) throw new AssertionError("a feed without a URL: " + feed);
                    }
                    List<Opml.Feed> again = Opml.parse(Opml.writeBytes("fuzz", feeds));
                    if (!comparable(again).equals(comparable(feeds))) {
                        throw new AssertionError("written and read again, the feeds differ:\n  " + comparable(feeds) + "\n  " + comparable(again));
                    }
                });
    }

    /** Any page, however broken: never an exception; sanitized HTML, plausible dates. */
    static FuzzTarget extractor() {
        return new FuzzTarget("extractor", once(() -> Seeds.files(CoreTargets.class, "/extract/pages", n -> n.endsWith(".html.gz"))),
                List.of("<div>", "</div>", "<p>", "</p>", "<article>", "<script>", "</script>", "<style>", "<!--", "-->",
                        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"articleBody\":\"", "\"datePublished\":\"",
                        "<meta property=\"article:published_time\" content=\"", "<meta charset=\"", "<link rel=\"canonical\" href=\"",
                        "<img src=\"javascript:alert(1)\">", "<a href=\"javascript:alert(1)\">", " onclick=\"x()\"", "<iframe src=",
                        "<h1>", "<table><tr><td>", "<svg><script>alert(1)</script></svg>", "<noscript>", "<template>", "<base href=\""),
                input -> {
                    ExtractedArticle article = ArticleExtractor.extract(input, "text/html", "https://news.example/world/2024/story.html");
                    sanitized(article.html(), "the article's HTML");
                    plausible(article.published(), "published");
                    plausible(article.modified(), "modified");
                });
    }

    /** Output never executable and stable: sanitizing it again changes nothing. */
    static FuzzTarget sanitizer() {
        return new FuzzTarget("sanitizer", once(CoreTargets::htmlFragments), List.of("<script>", "</script>", "<a href=\"",
                "<img src=\"", "<source srcset=\"", "<picture>", " onerror=\"alert(1)\"", "javascript:", "java&#x09;script:",
                "&#106;avascript:", "vbscript:", "data:text/html,", "<svg onload=alert(1)>", "<math>", "<style>", "<!--", "-->",
                "<![CDATA[", "]]>", "<noscript>", "<template>", "<iframe src=", "<form action=", "<base href=\"", "<textarea>",
                "<title>", "<select>", "<table>", "<plaintext>", "<xmp>", "<noembed>", "<option>", "<h1>", "<td colspan=\"",
                "<time datetime=\"", "<abbr title=\"", "`", "&lt;", "&", "\u0000", "=\"", " "),
                input -> {
                    String html = new String(input, StandardCharsets.UTF_8);
                    String once = HtmlSanitizer.sanitize(html, BASE);
                    sanitized(once, "the output");
                    String twice = HtmlSanitizer.sanitize(once, BASE);
                    if (!twice.equals(once)) throw new AssertionError("sanitizing again changes the output:\n  " + once + "\n  " + twice);
                });
    }

    /** Never an exception; a date is within the years the reader accepts, and reads back as itself. */
    static FuzzTarget dates() {
        return new FuzzTarget("dates", once(CoreTargets::dateValues), List.of("T", "Z", "+", "-", ":", ".", ",", " ", "GMT", "UTC",
                "EST", "+0000", "-12:00", "Mon", "Sept", "Januar", "年", "月", "日", "(", ")", "0000", "9999", "99999999999",
                "1970", "2038", "24:00", "23:59:60", "31", "29 Feb", "am", "pm"),
                input -> {
                    String value = new String(input, StandardCharsets.UTF_8);
                    Instant instant = DateReader.parse(value);
                    plausible(instant, "the date of " + Literal.of(value));
                    if (instant != null && !instant.equals(DateReader.parse(instant.toString()))) {
                        throw new AssertionError(Literal.of(value) + " reads as " + instant + ", which reads as " + DateReader.parse(instant.toString()));
                    }
                });
    }

    /** Never an exception on any string; canonical twice is canonical once (also with a page's canonical link). */
    static FuzzTarget canonicalUrl() {
        return new FuzzTarget("canonical-url", once(CoreTargets::urls), List.of("http://", "https://", "m.", "amp.", "www.", "/amp",
                ".amp.html", "?", "&", "=", "#", "%", "%2F", "..", "./", ":80", ":443", "@", "[::1]", "utm_source=x", "amp=1",
                "cdn.ampproject.org/c/s/", "\n", " ", "xn--", "\u00e9", "//"),
                input -> {
                    String text = new String(input, StandardCharsets.UTF_8);
                    int line = text.indexOf('\n');
                    String url = line < 0 ? text : text.substring(0, line);
                    idempotent(url, CanonicalUrl.canonicalize(url));
                    if (line >= 0) idempotent(text, CanonicalUrl.canonicalize(url, text.substring(line + 1)));
                });
    }

    /** The feed parser's promises on one result. */
    private static void checkFeed(ParsedFeed feed) {
        if (feed.version() == null || feed.encoding() == null) throw new AssertionError("no version or encoding: " + feed);
        for (FeedEntry entry : feed.entries()) {
            sanitized(entry.summary(), "an entry's summary");
            sanitized(entry.content(), "an entry's content");
            plausible(entry.published(), "published");
            plausible(entry.updated(), "updated");
        }
    }

    /** The sanitizer's promise: nothing active, no inline styles or classes, links and images only to absolute http(s) (links also mailto). */
    static void sanitized(String html, String what) {
        if (html == null) return;
        List<String> active = ActiveContent.in(html);
        if (!active.isEmpty()) throw new AssertionError(what + " is executable: " + active + " in " + html);
        for (var e : org.jsoup.Jsoup.parseBodyFragment(html).body().getAllElements()) {
            if (e.hasAttr("class") || e.hasAttr("style")) throw new AssertionError(what + " keeps a class or style: " + e);
            if (e.hasAttr("href")) absolute(e.attr("href"), true, what);
            if (e.hasAttr("src")) absolute(e.attr("src"), false, what);
            if (e.hasAttr("srcset")) {
                for (String candidate : e.attr("srcset").split(",\\s+")) absolute(candidate.strip().split("\\s+")[0], false, what);
            }
        }
    }

    private static void absolute(String url, boolean mailto, String what) {
        String u = url.strip().toLowerCase(Locale.ROOT);
        if (u.startsWith("https://") || u.startsWith("http://") || mailto && u.startsWith("mailto:")) return;
        throw new AssertionError(what + " links to " + Literal.of(url) + ", not an absolute http(s) URL");
    }

    /** The years the date reader accepts (1000-2200 where the date was written, so a year more either way in UTC). */
    static void plausible(Instant instant, String what) {
        if (instant == null) return;
        int year = instant.atZone(java.time.ZoneOffset.UTC).getYear();
        if (year < 999 || year > 2201) throw new AssertionError(what + " is " + instant + ", not a plausible date");
    }

    private static void idempotent(String input, String canonical) {
        if (canonical == null) throw new AssertionError("no canonical form for " + Literal.of(input));
        String again = CanonicalUrl.canonicalize(canonical);
        if (!again.equals(canonical)) {
            throw new AssertionError(Literal.of(input) + " -> " + Literal.of(canonical) + " -> " + Literal.of(again) + ": not idempotent");
        }
    }

    /** Feeds as the writer keeps them: in any order, languages in lower case, a feed without a title named by its URL. */
    private static List<String> comparable(List<Opml.Feed> feeds) {
        List<String> out = new ArrayList<>();
        for (Opml.Feed f : feeds) {
            String language = f.language() == null ? null : f.language().toLowerCase(Locale.ROOT);
            String title = f.title() == null ? f.feedUrl() : f.title();
            out.add(new Opml.Feed(f.categories(), title, f.feedUrl(), f.siteUrl(), language).toString());
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    /** HTML as feeds carry it (the W3C documents' text constructs, unescaped) and article bodies (the pages' expected HTML). */
    private static List<byte[]> htmlFragments() {
        List<String> values = new ArrayList<>();
        for (String raw : Seeds.found(W3C_DOCUMENTS.get(), HTML_VALUE, 2, 400)) {
            String value = raw.startsWith("<![CDATA[") && raw.endsWith("]]>") ? raw.substring(9, raw.length() - 3) : raw;
            values.add(value.indexOf('<') >= 0 ? value : Parser.unescapeEntities(value, false));
        }
        List<byte[]> out = new ArrayList<>(Seeds.utf8(values));
        out.addAll(Seeds.files(CoreTargets.class, "/extract/pages", n -> n.equals("expected.html.gz")));
        return out;
    }

    private static List<byte[]> dateValues() {
        return Seeds.utf8(Seeds.found(W3C_DOCUMENTS.get(), DATE_VALUE, 2, 600));
    }

    private static List<byte[]> urls() {
        List<String> values = new ArrayList<>(Seeds.found(W3C_DOCUMENTS.get(), URL_ATTRIBUTE, 1, 500));
        values.addAll(Seeds.found(W3C_DOCUMENTS.get(), URL_ELEMENT, 1, 300));
        return Seeds.utf8(values.stream().distinct().toList());
    }

    /** The W3C corpus's RSS and Atom documents that have entries, as Tidings reads them, written as JSON Feed (1.1 and 1.0 by turns). */
    private static List<byte[]> jsonFeeds() {
        JsonMapper json = JsonMapper.builder().build();
        List<byte[]> out = new ArrayList<>();
        for (byte[] document : W3C_DOCUMENTS.get()) {
            ParsedFeed feed = FeedParser.parse(document, null, BASE);
            if (feed.entries().isEmpty()) continue;
            boolean v11 = out.size() % 2 == 0;
            ObjectNode root = json.createObjectNode();
            root.put("version", v11 ? "https://jsonfeed.org/version/1.1" : "https://jsonfeed.org/version/1");
            root.put("title", feed.title());
            root.put("home_page_url", feed.link());
            if (feed.language() != null) root.put("language", feed.language());
            ArrayNode items = root.putArray("items");
            for (FeedEntry e : feed.entries()) {
                ObjectNode item = items.addObject();
                item.put("id", e.id() == null ? e.link() : e.id());
                item.put("url", e.link());
                item.put("title", e.title());
                if (e.content() != null) item.put("content_html", e.content());
                if (e.summary() != null) item.put("summary", e.summary());
                if (e.published() != null) item.put("date_published", e.published().toString());
                if (e.updated() != null) item.put("date_modified", e.updated().toString());
                if (e.author() != null) {
                    if (v11) item.putArray("authors").addObject().put("name", e.author());
                    else item.putObject("author").put("name", e.author());
                }
                if (!e.tags().isEmpty()) e.tags().forEach(item.putArray("tags")::add);
                if (e.imageUrl() != null) item.put("image", e.imageUrl());
            }
            out.add(json.writeValueAsBytes(root));
            if (out.size() == 300) break;
        }
        return out;
    }

    /** A supplier that computes its value once, when first asked. */
    static <T> Supplier<T> once(Supplier<T> compute) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) value = compute.get();
                return value;
            }
        };
    }
}
