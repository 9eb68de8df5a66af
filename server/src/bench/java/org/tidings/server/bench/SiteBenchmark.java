package org.tidings.server.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tidings.server.image.ThumbnailBenchmark;
import org.tidings.server.store.SourceSettings;
import org.tidings.server.store.SourceStore;
import org.tidings.server.testing.FixtureServer;
import org.tidings.server.testing.RunningServer;
import org.tidings.server.testing.TestDatabase;

/**
 * The reader's pages under load: {@code ARTICLES} enriched articles in stories from 40 publishers
 * (written straight to the database, as ingestion would leave them), the front page and an
 * article page served by Tidings to {@code wrk} on loopback, and in the same run nginx serving the
 * very same rendered pages as static files. Every article has a lead image at a publisher on 127.0.0.1 (a fixture
 * server; the relay is told to allow it, as in the tests), so the pages carry the pictures' markup as readers get
 * it. Then the article's lead picture (a photo whose detail survives at 640 pixels) as WebP at 640 pixels: made once
 * (its first resize, through HTTP, is printed), and served from the relay's cache to {@code wrk}, against nginx serving
 * the same bytes as a file.
 * Prints requests per second and the 99th percentile latency of each. Needs Debian's {@code wrk} and {@code nginx}
 * on the PATH (not the test suite).
 *
 * <pre>bench/run server org.tidings.server.bench.SiteBenchmark h2 100000 20 64</pre>
 *
 * Arguments: {@code h2} (the embedded default) or {@code postgres} (TIDINGS_TEST_PG_URL, a fresh
 * schema), the number of articles, seconds per measurement, and wrk's connections.
 */
public final class SiteBenchmark {

    private static final String[] SECTIONS = {"world", "politics", "business", "technology", "science", "health", "sports",
            "entertainment", "general"};
    private static final String[][] EDITIONS = {{"en", "gulf"}, {"en", "uk"}, {"en", "india"}, {"en", "us"}, {"ar", "gulf"}};
    private static final String[] KINDS = {"person", "organization", "place", "subject"};
    private static final String WORDS = ("minister said talks would resume after the summit while markets rose on hopes of a "
            + "deal and officials in the capital warned that the storm could reach the coast by the weekend as rescue teams "
            + "prepared shelters and the central bank kept rates unchanged citing inflation and growth").toString();

    public static void main(String[] args) throws Exception {
        String database = args.length > 0 ? args[0] : "h2";
        int articles = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int connections = args.length > 3 ? Integer.parseInt(args[3]) : 64;
        Path work = Files.createTempDirectory("tidings-site-bench");
        List<String> settings = new ArrayList<>(List.of("--tidings.scheduler.enabled=false", "--tidings.page-cache=5s",
                "--logging.level.root=WARN"));
        if (database.equals("postgres")) settings.addAll(List.of(TestDatabase.POSTGRES.create().serverArguments()));

        try (RunningServer server = RunningServer.start(work.resolve("data"), settings.toArray(String[]::new));
                FixtureServer publisher = new FixtureServer()) {
            long t0 = System.nanoTime();
            long articleId = seed(server, articles, publisher.url(PHOTOS));
            System.out.printf("seeded %,d articles in %.1f s (%s)%n", articles, (System.nanoTime() - t0) / 1e9, database);

            if (System.getProperty("plans") != null) plans(server, articleId);
            HttpClient http = HttpClient.newHttpClient();
            for (String page : new String[] {"/", "/article/" + articleId}) { // each a miss: a render's cost
                for (int i = 0; i < 50; i++) get(http, server.url(page + "?render=" + i));
                long t = System.nanoTime();
                for (int i = 50; i < 100; i++) get(http, server.url(page + "?render=" + i));
                System.out.printf("render of %s: %.1f ms%n", page.startsWith("/article") ? "an article page" : "the home page",
                        (System.nanoTime() - t) / 50 / 1e6);
            }
            String homeUrl = server.url("/"), articleUrl = server.url("/article/" + articleId);
            String home = get(http, homeUrl), article = get(http, articleUrl);
            for (int i = 0; i < 2000; i++) { // warm the JIT with real renders (each render is the cache's miss)
                get(http, homeUrl + "?page=" + (1 + i % 3));
                get(http, server.url("/article/" + (articleId - i % 500)));
            }
            Path www = Files.createDirectories(work.resolve("www"));
            Files.writeString(www.resolve("home.html"), home);
            Files.writeString(www.resolve("article.html"), article);
            // nginx's workers run as an unprivileged user: they must be able to read the pages
            for (Path p : new Path[] {work, www}) Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            System.out.printf("home page %,d bytes, article page %,d bytes, pictures: home %d, article %d%n", home.length(),
                    article.length(), count(home, "<img "), count(article, "<img "));

            // the article's lead picture as a reader's browser asks for it: the 640-pixel one of its srcset, as WebP
            Matcher lead = Pattern.compile("<img src=\"(/image/" + articleId + "/[0-9a-f]+)/640\"").matcher(article);
            if (!lead.find()) throw new IllegalStateException("the article page shows no lead picture:\n" + article);
            String thumbnailUrl = server.url(lead.group(1) + "/640");
            byte[] photo = ThumbnailBenchmark.photo(3000, 2000, 5);
            publisher.route(PHOTOS + articleId + ".jpg", ex -> FixtureServer.respond(ex, 200, "image/jpeg", photo));
            long t1 = System.nanoTime();
            byte[] thumbnail = webp(http, thumbnailUrl);
            System.out.printf("first thumbnail through HTTP (fetch of a %,d-byte JPEG, resize to 640 WebP): %.1f ms, %,d bytes%n",
                    photo.length, (System.nanoTime() - t1) / 1e6, thumbnail.length);
            if (!java.util.Arrays.equals(webp(http, thumbnailUrl), thumbnail)) throw new IllegalStateException("the thumbnail changed");
            Files.write(www.resolve("thumbnail.webp"), thumbnail);

            int nginxPort = freePort();
            Process nginx = startNginx(work, www, nginxPort);
            try {
                String nginxBase = "http://127.0.0.1:" + nginxPort + "/";
                waitFor(http, nginxBase + "home.html");
                System.out.println("| page | server | requests/s | p50 latency | p99 latency |");
                System.out.println("|---|---|---:|---:|---:|");
                for (String[] run : new String[][] {{"home", "Tidings", homeUrl}, {"home", "nginx", nginxBase + "home.html"},
                        {"article", "Tidings", articleUrl}, {"article", "nginx", nginxBase + "article.html"},
                        {"thumbnail (cached)", "Tidings", thumbnailUrl}, {"thumbnail", "nginx", nginxBase + "thumbnail.webp"}}) {
                    Wrk result = wrk(run[2], seconds, connections, "-H", "Accept: image/webp,*/*");
                    System.out.printf("| %s | %s | %,.0f | %s | %s |%n", run[0], run[1], result.rps(), result.p50(), result.p99());
                }
            } finally {
                nginx.destroy();
                nginx.waitFor();
            }
            System.out.println("load: " + new String(new ProcessBuilder("uptime").start().getInputStream().readAllBytes()).strip());
        }
    }

    /** Where the publishers' photos are, on the fixture server: article {@code n}'s is {@code n.jpg}. */
    private static final String PHOTOS = "/photos/";

    /** Writes sources, articles, topics and stories as the ingest, enrichment and story desks would, without images; returns a lead article's id. */
    static long seed(RunningServer server, int count) throws Exception {
        return seed(server, count, null);
    }

    /**
     * Writes sources, articles, topics and stories as the ingest, enrichment and story desks would, each article with
     * a lead image of its own under {@code photos} (none when null); returns a lead article's id.
     */
    static long seed(RunningServer server, int count, String photos) throws Exception {
        SourceStore sources = server.bean(SourceStore.class);
        long[] sourceIds = new long[40];
        for (int s = 0; s < sourceIds.length; s++) {
            String[] edition = EDITIONS[s % EDITIONS.length];
            sourceIds[s] = sources.add(new SourceSettings("https://publisher" + s + ".example/feed", "Publisher " + s,
                    "https://publisher" + s + ".example/", edition[0], edition[1], null, true, true), Duration.ofMinutes(15)).id();
        }
        DataSource ds = server.bean(DataSource.class);
        Random random = new Random(42);
        Instant now = Instant.now();
        String body = paragraphs(random);
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            PreparedStatement a = c.prepareStatement("""
                    INSERT INTO article (id, source_id, entry_key, url, title, summary, content, author, image_url, published_at,
                        first_seen_at, content_hash, full_text_status, full_html, byline, lang, extracted_at, story_id,
                        clustered_at, section, regions, enriched_at)
                    VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?, ?, 'done', ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
            PreparedStatement t = c.prepareStatement("INSERT INTO article_topic (article_id, slug, label, kind) VALUES (?, ?, ?, ?)");
            // the rows the edition's lists walk, as the enrichment store derives them from the article's regions
            PreparedStatement r = c.prepareStatement("INSERT INTO article_region (article_id, region, section, published_at) VALUES (?, ?, ?, ?)");
            long story = 0;
            int left = 0;
            for (int i = 1; i <= count; i++) {
                if (left == 0) { // a new story of 1 to 8 reports
                    story = i;
                    left = 1 + random.nextInt(8);
                }
                left--;
                int source = random.nextInt(sourceIds.length);
                String[] edition = EDITIONS[source % EDITIONS.length];
                // the newest articles last: a month of news, evenly spread
                Timestamp published = Timestamp.from(now.minusSeconds((long) (count - i) * 30L * 86400 / count));
                a.setLong(1, i);
                a.setLong(2, sourceIds[source]);
                a.setString(3, "entry-" + i);
                a.setString(4, "https://publisher" + source + ".example/news/" + i);
                a.setString(5, "Story " + story + ": " + headline(random));
                a.setString(6, "<p>" + headline(random) + ".</p>");
                a.setString(7, photos == null ? null : photos + i + ".jpg");
                a.setTimestamp(8, published);
                a.setTimestamp(9, published);
                a.setString(10, "hash-" + i);
                a.setString(11, body);
                a.setString(12, "Reporter " + random.nextInt(300));
                a.setString(13, edition[0]);
                a.setTimestamp(14, published);
                a.setLong(15, story);
                a.setTimestamp(16, published);
                a.setString(17, SECTIONS[(int) (story % SECTIONS.length)]);
                a.setString(18, edition[1]);
                a.setTimestamp(19, published);
                a.addBatch();
                r.setLong(1, i);
                r.setString(2, edition[1]);
                r.setString(3, SECTIONS[(int) (story % SECTIONS.length)]);
                r.setTimestamp(4, published);
                r.addBatch();
                for (int k = 0; k < 4; k++) {
                    int topic = (int) ((story * 7 + k * 131) % 2000);
                    t.setLong(1, i);
                    t.setString(2, "topic-" + topic);
                    t.setString(3, "Topic " + topic);
                    t.setString(4, KINDS[topic % KINDS.length]);
                    t.addBatch();
                }
                if (i % 1000 == 0) {
                    a.executeBatch();
                    r.executeBatch();
                    t.executeBatch();
                    c.commit();
                }
            }
            a.executeBatch();
            r.executeBatch();
            t.executeBatch();
            c.commit();
        }
        if (server.bean(DataSource.class).getConnection().getMetaData().getDatabaseProductName().contains("PostgreSQL")) {
            server.bean(JdbcClient.class).sql("ANALYZE").update();
        }
        // the lead of the newest story with several publishers: a page with coverage and topics
        return server.bean(JdbcClient.class).sql("""
                SELECT MIN(id) FROM article WHERE story_id = (SELECT story_id FROM article WHERE id > :from
                GROUP BY story_id HAVING COUNT(DISTINCT source_id) >= 3 ORDER BY story_id DESC LIMIT 1)""")
                .param("from", count - 2000).query(Long.class).single();
    }

    /** With {@code -Dplans}: how the database runs the lists' queries (rows read, on H2; times, on PostgreSQL), and how long each takes. */
    static void plans(RunningServer server, long articleId) throws java.sql.SQLException {
        var listings = server.bean(org.tidings.server.store.ListingStore.class);
        var all = org.tidings.server.store.Listing.ALL;
        for (var l : List.of(all, org.tidings.server.store.Listing.section("world"), org.tidings.server.store.Listing.topic("topic-7"),
                all.inEdition("en", "gulf"), org.tidings.server.store.Listing.section("business").inEdition("en", "gulf"),
                org.tidings.server.store.Listing.topic("topic-7").inEdition("en", "gulf"), all.inEdition("ar", null))) {
            for (int i = 0; i < 5; i++) listings.latest(l, 41, 0);
            long t = System.nanoTime();
            for (int i = 0; i < 20; i++) listings.latest(l, 41, 40);
            System.out.printf("%s: %.2f ms%n", l, (System.nanoTime() - t) / 20 / 1e6);
        }
        var jdbc = server.bean(JdbcClient.class);
        boolean h2 = !server.bean(DataSource.class).getConnection().getMetaData().getDatabaseProductName().contains("PostgreSQL");
        String copyTest = h2 ? "COALESCE(a.duplicate_of, 0) = 0" : "a.duplicate_of IS NULL";
        String notCopy = " WHERE " + copyTest, edition = " AND (a.lang LIKE 'en%' OR (a.lang IS NULL OR a.lang = 'und')"
                + " AND a.source_id IN (SELECT id FROM source WHERE language LIKE 'en%'))";
        // the statements ListingStore writes for the newest, a section, a section in an edition (en-gulf), the same
        // as the region was tested before its rows, and a topic in an edition
        for (String query : List.of("FROM article a" + notCopy, "FROM article a" + notCopy + " AND a.section = 'business'",
                "FROM article_region r" + (h2 ? " USE INDEX (article_region_latest)" : "")
                        + " JOIN article a ON a.id = r.article_id WHERE r.region = 'gulf' AND " + copyTest
                        + " AND r.section = 'business'" + edition + " ORDER BY r.published_at DESC, r.article_id DESC",
                "FROM article a" + notCopy + " AND a.section = 'business'" + edition + " AND ((' ' || a.regions || ' ') LIKE '% gulf %'"
                        + " OR a.regions IS NULL AND a.source_id IN (SELECT id FROM source WHERE region = 'gulf'))",
                "FROM article a JOIN article_topic t ON t.article_id = a.id AND t.slug = 'topic-7'" + notCopy + edition
                        + " AND EXISTS (SELECT 1 FROM article_region r WHERE r.article_id = a.id AND r.region = 'gulf')")) {
            String order = query.contains("ORDER BY") ? "" : " ORDER BY a.published_at DESC, a.id DESC";
            System.out.println(String.join("\n", jdbc.sql("EXPLAIN ANALYZE SELECT a.id " + query + order + " LIMIT 41 OFFSET 40")
                    .query(String.class).list()));
        }
        var archive = server.bean(org.tidings.server.store.Archive.class);
        long t = System.nanoTime();
        for (int i = 0; i < 20; i++) archive.coverage(archive.findById(articleId).orElseThrow(), 8);
        System.out.printf("coverage: %.2f ms%n", (System.nanoTime() - t) / 20 / 1e6);
    }

    private static String headline(Random random) {
        String[] words = WORDS.split(" ");
        StringBuilder b = new StringBuilder();
        for (int w = 0; w < 9; w++) b.append(w == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
        return Character.toUpperCase(b.charAt(0)) + b.substring(1);
    }

    /** An article's text of about 4,000 characters, as extraction leaves it. */
    private static String paragraphs(Random random) {
        StringBuilder b = new StringBuilder();
        for (int p = 0; p < 12; p++) {
            b.append("<p>");
            for (int s = 0; s < 4; s++) b.append(headline(random)).append(". ");
            b.append("</p>");
        }
        return b.toString();
    }

    private static int count(String page, String what) {
        int n = 0;
        for (int at = page.indexOf(what); at >= 0; at = page.indexOf(what, at + 1)) n++;
        return n;
    }

    /** The WebP thumbnail at {@code url}, waiting while the relay makes it ("not now" answers) for up to a minute. */
    private static byte[] webp(HttpClient http, String url) throws Exception {
        for (int i = 0; i < 600; i++) {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "image/webp,*/*").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() == 200 && r.headers().firstValue("Content-Type").orElse("").equals("image/webp")) return r.body();
            if (r.statusCode() != 503) {
                throw new IllegalStateException(url + " answered " + r.statusCode() + " " + r.headers().map() + ": no WebP thumbnail");
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(url + " made no thumbnail in a minute");
    }

    /** What wrk measured: requests per second, and the median and 99th percentile latency as wrk prints them. */
    record Wrk(double rps, String p50, String p99) {}

    /** Runs wrk on loopback; {@code options} go before the URL (e.g. {@code -s script.lua}). Fails on a 4xx or 5xx. */
    static Wrk wrk(String url, int seconds, int connections, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency"));
        command.addAll(List.of(options));
        command.add(url);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        Matcher rps = Pattern.compile("Requests/sec:\\s+([\\d.]+)").matcher(out);
        Matcher p50 = Pattern.compile("\\s50%\\s+(\\S+)").matcher(out);
        Matcher p99 = Pattern.compile("\\s99%\\s+(\\S+)").matcher(out);
        Matcher errors = Pattern.compile("Non-2xx or 3xx responses: (\\d+)").matcher(out);
        if (!rps.find() || !p50.find() || !p99.find()) throw new IllegalStateException("unexpected wrk output:\n" + out);
        if (errors.find()) throw new IllegalStateException("errors under load:\n" + out);
        return new Wrk(Double.parseDouble(rps.group(1)), p50.group(1), p99.group(1));
    }

    private static Process startNginx(Path work, Path www, int port) throws Exception {
        Path conf = work.resolve("nginx.conf");
        Files.writeString(conf, """
                worker_processes 2;
                daemon off;
                pid %1$s/nginx.pid;
                error_log %1$s/nginx-error.log;
                events { worker_connections 1024; }
                http {
                    access_log off;
                    types { text/html html; image/webp webp; }
                    client_body_temp_path %1$s/tmp; proxy_temp_path %1$s/tmp; fastcgi_temp_path %1$s/tmp;
                    uwsgi_temp_path %1$s/tmp; scgi_temp_path %1$s/tmp;
                    server { listen 127.0.0.1:%2$d; root %3$s; }
                }
                """.formatted(work, port, www));
        Files.createDirectories(work.resolve("tmp"));
        return new ProcessBuilder("nginx", "-p", work.toString(), "-c", conf.toString()).inheritIO().start();
    }

    private static String get(HttpClient http, String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException(url + " answered " + r.statusCode());
        return r.body();
    }

    private static void waitFor(HttpClient http, String url) throws Exception {
        for (int i = 0; i < 50; i++) {
            try {
                get(http, url);
                return;
            } catch (java.io.IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("nginx did not start");
    }

    private static int freePort() throws Exception {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
