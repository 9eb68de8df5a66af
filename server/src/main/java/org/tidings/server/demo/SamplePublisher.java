package org.tidings.server.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.web.util.HtmlUtils;
import org.tidings.server.store.SourceSettings;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small publisher on 127.0.0.1 serving the sample edition (see {@code demo/NOTICE.md}), an RSS feed per
 * publisher and a page per article, published in the hours before it started: Tidings ingests it like any site.
 * Beside those full-text articles it publishes real headlines of real stories ({@code stories-dev.jsonl}), a feed per
 * publisher of them, each item linking to the original: the front page then has stories told by many publishers.
 */
public final class SamplePublisher implements AutoCloseable {

    /** Spacing between the sample articles' publication times, so the front page reads like a day's news. */
    private static final Duration SPACING = Duration.ofMinutes(23);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record SampleArticle(String slug, String publisher, String section, String language, String region,
            String title, String byline, String excerpt, String body, Instant published) {}

    /** A headline of {@code stories-dev.jsonl}: its item links to the original article, whose text is not bundled. */
    record SampleHeadline(String id, String publisher, String section, String region, String title, String url,
            Instant published) {}

    private final HttpServer server;
    private final Map<String, List<SampleArticle>> byPublisher = new LinkedHashMap<>();
    private final Map<String, SampleArticle> bySlug = new LinkedHashMap<>();
    private final Map<String, List<SampleHeadline>> headlinesByPublisher = new LinkedHashMap<>();

    private SamplePublisher(List<SampleArticle> articles, List<SampleHeadline> headlines) throws IOException {
        for (SampleArticle a : articles) {
            byPublisher.computeIfAbsent(slugOf(a.publisher()), k -> new ArrayList<>()).add(a);
            bySlug.put(a.slug(), a);
        }
        for (SampleHeadline h : headlines) {
            headlinesByPublisher.computeIfAbsent(slugOf(h.publisher()), k -> new ArrayList<>()).add(h);
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a publisher of the bundled sample edition on a free port of 127.0.0.1. */
    public static SamplePublisher start(Instant now) throws IOException {
        return new SamplePublisher(load(now), headlines(now));
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * The sources to register: one per publisher, with its language, region and section. The headlines' sources fetch
     * no full text: their items link to the publishers' own sites, which the demo never asks for.
     */
    public List<SourceSettings> sources() {
        List<SourceSettings> sources = new ArrayList<>(byPublisher.entrySet().stream().map(publisher -> {
            SampleArticle first = publisher.getValue().getFirst();
            return new SourceSettings(baseUrl() + "/feeds/" + publisher.getKey() + ".xml", first.publisher(),
                    baseUrl() + "/", first.language(), first.region(), first.section(), true, true);
        }).toList());
        // the publishers with the most headlines first: they are fetched first, and their stories lead soonest
        headlinesByPublisher.entrySet().stream().sorted(Map.Entry.comparingByValue(
                Comparator.comparingInt(List<SampleHeadline>::size).reversed())).forEach(publisher -> {
            String slug = publisher.getKey();
            List<SampleHeadline> items = publisher.getValue();
            SampleHeadline first = items.getFirst();
            sources.add(new SourceSettings(baseUrl() + "/feeds/headlines/" + slug + ".xml", first.publisher(),
                    siteOf(first.url()), "en", first.region(), mostCommonSection(items), false, true));
        });
        return List.copyOf(sources);
    }

    public int articleCount() {
        return bySlug.size();
    }

    public int headlineCount() {
        return headlinesByPublisher.values().stream().mapToInt(List::size).sum();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Matcher feed = Pattern.compile("/feeds/([a-z0-9-]+)\\.xml").matcher(path);
        Matcher article = Pattern.compile("/articles/([A-Za-z0-9-]+)\\.html").matcher(path);
        Matcher headlines = Pattern.compile("/feeds/headlines/([a-z0-9-]+)\\.xml").matcher(path);
        if (headlines.matches() && headlinesByPublisher.containsKey(headlines.group(1))) {
            send(exchange, 200, "application/rss+xml; charset=utf-8", headlineRss(headlinesByPublisher.get(headlines.group(1))));
        } else if (feed.matches() && byPublisher.containsKey(feed.group(1))) {
            send(exchange, 200, "application/rss+xml; charset=utf-8", rss(byPublisher.get(feed.group(1))));
        } else if (article.matches() && bySlug.containsKey(article.group(1))) {
            send(exchange, 200, "text/html; charset=utf-8", page(bySlug.get(article.group(1))));
        } else if (path.equals("/NOTICE.md")) {
            send(exchange, 200, "text/markdown; charset=utf-8", resource("NOTICE.md"));
        } else {
            send(exchange, 404, "text/plain; charset=utf-8", "not found");
        }
    }

    private String rss(List<SampleArticle> articles) {
        SampleArticle first = articles.getFirst();
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
                <channel>
                <title>%s (sample)</title>
                <link>%s/</link>
                <description>Sample edition: see %s/NOTICE.md</description>
                <language>%s</language>
                """.formatted(escape(first.publisher()), baseUrl(), baseUrl(), first.language()));
        for (SampleArticle a : articles) {
            xml.append("<item>\n")
                    .append("<title>").append(escape(a.title())).append("</title>\n")
                    .append("<link>").append(baseUrl()).append("/articles/").append(a.slug()).append(".html</link>\n")
                    .append("<guid isPermaLink=\"false\">tidings-sample:").append(a.slug()).append("</guid>\n")
                    .append("<pubDate>").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(a.published().atOffset(ZoneOffset.UTC)))
                    .append("</pubDate>\n");
            if (a.byline() != null) xml.append("<dc:creator>").append(escape(a.byline())).append("</dc:creator>\n");
            if (a.excerpt() != null) xml.append("<description>").append(escape(a.excerpt())).append("</description>\n");
            xml.append("<content:encoded>").append(escape(a.body())).append("</content:encoded>\n")
                    .append("<category>").append(a.section()).append("</category>\n")
                    .append("</item>\n");
        }
        return xml.append("</channel>\n</rss>\n").toString();
    }

    /** A headline-only feed: title, link to the original, date and section; no description, no content. */
    private String headlineRss(List<SampleHeadline> items) {
        SampleHeadline first = items.getFirst();
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0">
                <channel>
                <title>%s (sample headlines)</title>
                <link>%s</link>
                <description>Sample edition: headlines of the UCI News Aggregator data set, see %s/NOTICE.md</description>
                <language>en</language>
                """.formatted(escape(first.publisher()), escape(siteOf(first.url())), baseUrl()));
        for (SampleHeadline h : items) {
            xml.append("<item>\n")
                    .append("<title>").append(escape(h.title())).append("</title>\n")
                    .append("<link>").append(escape(h.url())).append("</link>\n")
                    .append("<guid isPermaLink=\"false\">tidings-sample-headline:").append(h.id()).append("</guid>\n")
                    .append("<pubDate>").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(h.published().atOffset(ZoneOffset.UTC)))
                    .append("</pubDate>\n")
                    .append("<category>").append(h.section()).append("</category>\n")
                    .append("</item>\n");
        }
        return xml.append("</channel>\n</rss>\n").toString();
    }

    private static String page(SampleArticle a) {
        return "<!doctype html><html lang=\"" + escape(a.language()) + "\"><head><meta charset=\"utf-8\"><title>"
                + escape(a.title()) + " - " + escape(a.publisher()) + "</title></head><body><article><h1>"
                + escape(a.title()) + "</h1>" + (a.byline() == null ? "" : "<p class=\"byline\">" + escape(a.byline()) + "</p>")
                + a.body() + "</article></body></html>";
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Reads {@code manifest.tsv}: slug, publisher, section, language, region; one article per line. */
    static List<SampleArticle> load(Instant now) throws IOException {
        List<SampleArticle> articles = new ArrayList<>();
        for (String line : resource("manifest.tsv").lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList()) {
            String[] f = line.split("\t");
            Map<?, ?> meta = JSON.readValue(resource("articles/" + f[0] + "/meta.json"), Map.class);
            int position = articles.size();
            Instant published = now.minus(SPACING.multipliedBy(position)).minus(Duration.ofMinutes(3 + position % 7));
            articles.add(new SampleArticle(f[0], f[1], f[2], f[3], f[4], (String) meta.get("title"),
                    (String) meta.get("byline"), (String) meta.get("excerpt"),
                    withoutMedia(resource("articles/" + f[0] + "/body.html")), published));
        }
        return articles;
    }

    /**
     * Reads {@code stories-dev.jsonl}, moved in time so that its newest headline is published at {@code now}; its four
     * categories are Tidings' sections of the same names. A publisher's region is its web address's country code,
     * where it has one.
     */
    static List<SampleHeadline> headlines(Instant now) throws IOException {
        List<Map<?, ?>> rows = new ArrayList<>();
        for (String line : resource("stories-dev.jsonl").lines().filter(l -> !l.isBlank()).toList()) {
            rows.add(JSON.readValue(line, Map.class));
        }
        Instant newest = rows.stream().map(r -> Instant.parse((String) r.get("published"))).max(Instant::compareTo).orElse(now);
        Duration shift = Duration.between(newest, now);
        return rows.stream().map(r -> new SampleHeadline((String) r.get("id"), (String) r.get("publisher"),
                (String) r.get("category"), regionOf((String) r.get("url")), (String) r.get("title"), (String) r.get("url"),
                Instant.parse((String) r.get("published")).plus(shift))).toList();
    }

    /** Two-letter top-level domains that name no country in practice (sold to anyone as short names). */
    private static final Set<String> GENERIC_COUNTRY_CODES = Set.of("tv", "tm", "co", "fm", "me", "io",
            "ly", "ws", "cc", "eu", "am", "la", "to", "is", "it", "nu");

    static String regionOf(String url) {
        String host;
        try {
            host = URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (host == null) return null;
        String tld = host.substring(host.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return tld.length() == 2 && !GENERIC_COUNTRY_CODES.contains(tld) ? tld : null;
    }

    private static String siteOf(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getScheme() + "://" + uri.getHost() + "/";
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    private static String mostCommonSection(List<SampleHeadline> items) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (SampleHeadline h : items) counts.merge(h.section(), 1, Integer::sum);
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElseThrow();
    }

    /** The sample bundles the pages' text, not their media: those are left out rather than shown broken offline. */
    static String withoutMedia(String html) {
        Document doc = Jsoup.parseBodyFragment(html);
        doc.select("img, picture, video, audio, iframe, source, svg").remove();
        doc.select("figure").stream().filter(f -> f.text().isBlank()).forEach(Element::remove);
        return doc.body().html();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SamplePublisher.class.getResourceAsStream("/demo/" + name)) {
            if (in == null) throw new IOException("sample edition resource missing: " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String slugOf(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase()
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private static String escape(String s) {
        return s == null ? "" : HtmlUtils.htmlEscape(s, "UTF-8");
    }
}
