package org.tidings.server.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;
import org.tidings.server.store.SourceSettings;
import org.tidings.server.testing.FixtureServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Many publishers on one HTTP server on 127.0.0.1 whose feeds keep growing: publisher {@code f} publishes its item
 * {@code k} at {@code start + k × gap + f × gap / feeds}, so that across all publishers a new item appears every
 * {@code gap / feeds}, evenly. Each feed lists its 20 newest items (a teaser each, so that Tidings fetches the full
 * text), with {@code Last-Modified} and answers 304 to an {@code If-Modified-Since} that is up to date; each item has an
 * article page with the whole text between a site's navigation and footer. Before {@code start} each publisher has
 * {@code backlog} items already, for the first fetch.
 *
 * <p>The words are real: the headlines of {@code core/src/test/resources/story/stories-dev.jsonl} in their order (so
 * that neighbouring items often report one story, as the story desk expects), and sentences and paragraphs of the
 * article texts of {@code story/neardup/articles.txt}, read from the repository (the working directory of
 * {@code bench/run}).
 */
final class GrowingFeeds implements AutoCloseable {

    /** Items a feed lists: the newest ones, as publishers' feeds do. */
    private static final int WINDOW = 20;
    private static final Path HEADLINES = Path.of("core/src/test/resources/story/stories-dev.jsonl");
    private static final Path TEXTS = Path.of("core/src/test/resources/story/neardup/articles.txt");
    private static final List<String> TOWNS = List.of("Harbour", "Valley", "Northern", "Lakeside", "Riverside", "Coastal",
            "Highland", "Eastern", "Western", "Southern", "Midland", "Border", "Island", "Forest", "County", "Metro");
    private static final List<String> TITLES = List.of("Times", "Courier", "Gazette", "Herald", "Post", "Chronicle",
            "Ledger", "Observer", "Record", "Tribune", "Examiner", "Mercury");
    private static final Pattern FEED = Pattern.compile("/feed/(\\d+)\\.xml");
    private static final Pattern PAGE = Pattern.compile("/(\\d+)/(-?\\d+)\\.html");

    private final int feeds;
    private final Duration gap;
    private final int backlog;
    private final Instant start;
    private final List<String> headlines;
    private final List<String> paragraphs;
    private final List<String> sentences;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    final LongAdder feedsServed = new LongAdder();
    final LongAdder notModified = new LongAdder();
    final LongAdder pagesServed = new LongAdder();
    final LongAdder notFound = new LongAdder();

    GrowingFeeds(int feeds, Duration gap, int backlog, Instant start) throws IOException {
        this.feeds = feeds;
        this.gap = gap;
        this.backlog = backlog;
        this.start = start;
        this.headlines = loadHeadlines();
        this.paragraphs = loadTexts().stream().flatMap(List::stream).toList();
        this.sentences = paragraphs.stream().flatMap(p -> Arrays.stream(p.split("(?<=[.!?])\\s+")))
                .filter(t -> t.length() >= 40 && t.length() <= 300).toList();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The sources to register: one per publisher, full text wanted. */
    List<SourceSettings> sources() {
        List<SourceSettings> sources = new ArrayList<>();
        for (int f = 0; f < feeds; f++) {
            sources.add(new SourceSettings(url("/feed/" + f + ".xml"), publisher(f), url("/"), "en", null, null, true, true));
        }
        return sources;
    }

    /** Items published up to now, across all publishers. */
    long published(Instant now) {
        long n = 0;
        for (int f = 0; f < feeds; f++) n += newest(f, now) + backlog + 1;
        return n;
    }

    /** Every headline the feeds use: readers search for their words. */
    List<String> headlines() {
        return headlines;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Instant now = Instant.now();
            Matcher feed = FEED.matcher(path);
            Matcher page = PAGE.matcher(path);
            if (path.equals("/robots.txt")) {
                send(exchange, 200, "text/plain; charset=utf-8", "User-agent: *\nAllow: /\n");
            } else if (feed.matches() && Integer.parseInt(feed.group(1)) < feeds) {
                int f = Integer.parseInt(feed.group(1));
                long newest = newest(f, now);
                Instant modified = published(f, newest).truncatedTo(ChronoUnit.SECONDS);
                exchange.getResponseHeaders().set("Last-Modified", http(modified));
                if (unchangedSince(exchange.getRequestHeaders().getFirst("If-Modified-Since"), modified)) {
                    notModified.increment();
                    exchange.sendResponseHeaders(304, -1);
                    return;
                }
                feedsServed.increment();
                send(exchange, 200, "application/rss+xml; charset=utf-8", rss(f, newest));
            } else if (page.matches() && Integer.parseInt(page.group(1)) < feeds
                    && !published(Integer.parseInt(page.group(1)), Long.parseLong(page.group(2))).isAfter(now)
                    && Long.parseLong(page.group(2)) >= -backlog) {
                pagesServed.increment();
                send(exchange, 200, "text/html; charset=utf-8", page(Integer.parseInt(page.group(1)), Long.parseLong(page.group(2))));
            } else {
                notFound.increment();
                send(exchange, 404, "text/plain; charset=utf-8", "not found");
            }
        }
    }

    /** The number of the publisher's newest item published by {@code now}. */
    private long newest(int f, Instant now) {
        long sinceFirst = Duration.between(published(f, 0), now).toMillis();
        return Math.max(-backlog, Math.floorDiv(sinceFirst, gap.toMillis()));
    }

    private Instant published(int f, long k) {
        return start.plus(gap.multipliedBy(k)).plus(gap.multipliedBy(f).dividedBy(feeds));
    }

    private String rss(int f, long newest) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
                <channel>
                <title>%s</title>
                <link>%s</link>
                <description>News from the %s</description>
                <language>en</language>
                """.formatted(escape(publisher(f)), url("/"), escape(publisher(f))));
        for (long k = newest; k > newest - WINDOW && k >= -backlog; k--) {
            List<String> text = text(f, k);
            xml.append("<item>\n<title>").append(escape(headline(f, k))).append("</title>\n")
                    .append("<link>").append(url("/" + f + "/" + k + ".html")).append("</link>\n")
                    .append("<guid isPermaLink=\"false\">soak-").append(f).append('-').append(k).append("</guid>\n")
                    .append("<pubDate>").append(http(published(f, k))).append("</pubDate>\n")
                    .append("<dc:creator>").append(escape(byline(f))).append("</dc:creator>\n")
                    .append("<description>").append(escape(teaser(text.getFirst()))).append("</description>\n")
                    .append("</item>\n");
        }
        return xml.append("</channel>\n</rss>\n").toString();
    }

    private String page(int f, long k) {
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(headline(f, k))).append(" | ").append(escape(publisher(f))).append("</title>")
                .append("<meta property=\"og:title\" content=\"").append(escape(headline(f, k))).append("\">")
                .append("<meta property=\"article:published_time\" content=\"").append(published(f, k)).append("\">")
                .append("</head><body><header><a href=\"/\">").append(escape(publisher(f))).append("</a><nav>")
                .append("<a href=\"/news\">News</a> <a href=\"/business\">Business</a> <a href=\"/sport\">Sport</a>")
                .append(" <a href=\"/subscribe\">Subscribe</a></nav></header><main><article><h1>")
                .append(escape(headline(f, k))).append("</h1><p class=\"byline\">").append(escape(byline(f))).append("</p>");
        for (String paragraph : text(f, k)) html.append("<p>").append(escape(paragraph)).append("</p>");
        html.append("</article><aside><h2>Most read</h2><ul>");
        for (int i = 1; i <= 5; i++) {
            html.append("<li><a href=\"/").append(f).append('/').append(k - i).append(".html\">")
                    .append(escape(headline(f, k - i))).append("</a></li>");
        }
        return html.append("</ul></aside></main><footer>© ").append(escape(publisher(f)))
                .append(" · <a href=\"/privacy\">Privacy</a> · <a href=\"/contact\">Contact</a></footer></body></html>")
                .toString();
    }

    /** The item's place among all items in order of publication: the headlines are taken in their order. */
    private long sequence(int f, long k) {
        return (k + backlog) * feeds + f;
    }

    private String headline(int f, long k) {
        return headlines.get((int) Math.floorMod(sequence(f, k), (long) headlines.size()));
    }

    /**
     * The item's text: a first paragraph of three sentences and four paragraphs, drawn from the corpus by the item's
     * number, so that items differ (one text shared by many would make them copies of each other, as wire stories are).
     */
    private List<String> text(int f, long k) {
        SplittableRandom random = new SplittableRandom(sequence(f, k));
        List<String> text = new ArrayList<>();
        text.add(String.join(" ", sentences.get(random.nextInt(sentences.size())), sentences.get(random.nextInt(sentences.size())),
                sentences.get(random.nextInt(sentences.size()))));
        for (int i = 0; i < 4; i++) text.add(paragraphs.get(random.nextInt(paragraphs.size())));
        return text;
    }

    private static String publisher(int f) {
        return "The " + TOWNS.get(f % TOWNS.size()) + " " + TITLES.get(f / TOWNS.size() % TITLES.size())
                + (f < TOWNS.size() * TITLES.size() ? "" : " " + (f / (TOWNS.size() * TITLES.size()) + 1));
    }

    private static String byline(int f) {
        return "By the " + publisher(f).substring(4) + " newsroom";
    }

    private static String teaser(String paragraph) {
        if (paragraph.length() <= 280) return paragraph;
        int cut = paragraph.lastIndexOf(' ', 280);
        return paragraph.substring(0, cut > 0 ? cut : 280) + "…";
    }

    private static boolean unchangedSince(String header, Instant modified) {
        if (header == null) return false;
        try {
            return !modified.isAfter(Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(header)));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String http(Instant t) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(t.atOffset(ZoneOffset.UTC));
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        FixtureServer.respond(exchange, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String s) {
        return HtmlUtils.htmlEscape(s, "UTF-8");
    }

    /** The headlines of the story fixture, in their order (by time, so a story's reports are near each other). */
    private static List<String> loadHeadlines() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        List<String> titles = new ArrayList<>();
        for (String line : Files.readAllLines(HEADLINES)) {
            if (line.isBlank()) continue;
            JsonNode node = json.readTree(line);
            titles.add(node.get("title").asString());
        }
        return titles;
    }

    /**
     * The paragraphs of each text of the near-duplicate fixture ({@code ### name}, {@code # title}, paragraphs between
     * blank lines), those written in English letters only, with four paragraphs or more.
     */
    private static List<List<String>> loadTexts() throws IOException {
        List<List<String>> texts = new ArrayList<>();
        List<String> current = null;
        for (String line : Files.readAllLines(TEXTS)) {
            if (line.startsWith("### ")) {
                if (current != null) texts.add(current);
                current = new ArrayList<>();
            } else if (current != null && !line.isBlank() && !line.startsWith("# ")) {
                current.add(line.strip());
            }
        }
        if (current != null) texts.add(current);
        return texts.stream().filter(t -> t.size() >= 4)
                .filter(t -> t.stream().flatMapToInt(String::chars).allMatch(c -> c < 0x250 || c == '’' || c == '‘'
                        || c == '“' || c == '”' || c == '—' || c == '–' || c == '…'))
                .toList();
    }
}
