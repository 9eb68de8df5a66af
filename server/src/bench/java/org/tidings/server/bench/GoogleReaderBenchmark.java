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
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.tidings.server.account.AccessTokens;
import org.tidings.server.store.AccountStore;
import org.tidings.server.store.SourceSettings;
import org.tidings.server.store.SourceStore;
import org.tidings.server.store.SubscriptionStore;
import org.tidings.server.testing.RunningServer;
import org.tidings.server.testing.TestDatabase;

/**
 * The Google Reader API for a reader with {@code FEEDS} subscriptions of {@code PER_FEED} articles each, a third of
 * them read: {@code unread-count} (issue 17's goal: under 50 ms with 500 subscriptions) and {@code stream/contents} of
 * the reading list, 1,000 items (goal: under 300 ms), each asked {@code REQUESTS} times one at a time after a warm-up.
 * Peers in the same run: {@code stream/items/ids} of the same 1,000 items (the same query without the articles'
 * contents) and {@code /api/v1/me/unread/counts} (the same counts as JSON API).
 *
 * <pre>bench/run server org.tidings.server.bench.GoogleReaderBenchmark h2 500 40 200</pre>
 */
public final class GoogleReaderBenchmark {

    public static void main(String[] args) throws Exception {
        String database = args.length > 0 ? args[0] : "h2";
        int feeds = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int perFeed = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        int requests = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        Path work = Files.createTempDirectory("tidings-greader-bench");
        List<String> settings = new ArrayList<>(List.of("--tidings.scheduler.enabled=false", "--tidings.page-cache=0s",
                "--tidings.api.request-burst=100000000", "--tidings.api.request-every=1us", "--logging.level.root=WARN"));
        if (database.equals("postgres")) settings.addAll(List.of(TestDatabase.POSTGRES.create().serverArguments()));

        try (RunningServer server = RunningServer.start(work.resolve("data"), settings.toArray(String[]::new))) {
            long t0 = System.nanoTime();
            server.bean(AccountStore.class).create("bench@example.org", "{noop}unused", "reader");
            long reader = server.bean(AccountStore.class).findByUsername("bench@example.org").orElseThrow().id();
            seed(server, reader, feeds, perFeed);
            System.out.printf("seeded %d subscriptions, %,d articles in %.1f s (%s)%n", feeds, feeds * perFeed,
                    (System.nanoTime() - t0) / 1e9, database);
            AccessTokens tokens = server.bean(AccessTokens.class);
            String app = tokens.issue(reader, "benchmark app", "app-password").secret();
            String bearer = tokens.issue(reader, "benchmark script", "read").secret();
            HttpClient http = HttpClient.newHttpClient();
            String auth = "GoogleLogin auth=" + app;
            String api = "/api/greader/reader/api/0";

            System.out.println("| request | p50 | p99 | max |");
            System.out.println("|---|---:|---:|---:|");
            row(http, "unread-count, " + feeds + " subscriptions", server.url(api + "/unread-count?output=json"), auth, requests);
            row(http, "peer: /api/v1/me/unread/counts", server.url("/api/v1/me/unread/counts"), "Bearer " + bearer, requests);
            row(http, "stream/contents, reading list, 1,000 items",
                    server.url(api + "/stream/contents/user%2F-%2Fstate%2Fcom.google%2Freading-list?n=1000&output=json"), auth, requests);
            row(http, "peer: stream/items/ids, the same 1,000",
                    server.url(api + "/stream/items/ids?s=user/-/state/com.google/reading-list&n=1000&output=json"), auth, requests);
            row(http, "stream/contents, unread only (xt=read), 1,000",
                    server.url(api + "/stream/contents/user%2F-%2Fstate%2Fcom.google%2Freading-list?n=1000&xt=user/-/state/com.google/read"),
                    auth, requests);
            System.out.println("load: " + new String(new ProcessBuilder("uptime").start().getInputStream().readAllBytes()).strip());
        }
    }

    /** {@code feeds} private sources with {@code perFeed} articles each, all subscribed by the reader, a third read. */
    private static void seed(RunningServer server, long reader, int feeds, int perFeed) throws Exception {
        SourceStore sources = server.bean(SourceStore.class);
        SubscriptionStore subscriptions = server.bean(SubscriptionStore.class);
        long[] ids = new long[feeds];
        for (int s = 0; s < feeds; s++) {
            ids[s] = sources.addPrivate(new SourceSettings("https://blog" + s + ".example/feed", "Blog " + s, "https://blog" + s + ".example/",
                    "en", null, null, false, true), Duration.ofHours(1)).id();
            subscriptions.subscribe(reader, ids[s], null, s % 10 == 0 ? "Label " + (s / 100) : null);
        }
        Instant now = Instant.now();
        String body = "<p>" + "A paragraph of a blog post, long enough to weigh as a real one does. ".repeat(20) + "</p>";
        try (Connection c = server.bean(DataSource.class).getConnection()) {
            c.setAutoCommit(false);
            PreparedStatement a = c.prepareStatement("""
                    INSERT INTO article (id, source_id, entry_key, url, title, published_at, first_seen_at, content_hash, body_html,
                        lead, stage)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'done')""");
            PreparedStatement r = c.prepareStatement("INSERT INTO article_read (account_id, article_id, read_at) VALUES (?, ?, ?)");
            long id = 1_000_000;
            for (int s = 0; s < feeds; s++) {
                for (int i = 0; i < perFeed; i++) {
                    id++;
                    Timestamp at = Timestamp.from(now.minusSeconds((long) i * 3600 + s * 7L));
                    a.setLong(1, id);
                    a.setLong(2, ids[s]);
                    a.setString(3, "post-" + i);
                    a.setString(4, "https://blog" + s + ".example/post/" + i);
                    a.setString(5, "Post " + i + " of blog " + s);
                    a.setTimestamp(6, at);
                    a.setTimestamp(7, at);
                    a.setString(8, "hash-" + id);
                    a.setString(9, body);
                    a.setString(10, "A paragraph of a blog post.");
                    a.addBatch();
                    if (i % 3 == 0) {
                        r.setLong(1, reader);
                        r.setLong(2, id);
                        r.setTimestamp(3, Timestamp.from(now));
                        r.addBatch();
                    }
                }
                a.executeBatch();
                r.executeBatch();
            }
            c.commit();
        }
    }

    private static void row(HttpClient http, String name, String url, String authorization, int n) throws Exception {
        for (int i = 0; i < Math.max(5, n / 4); i++) get(http, url, authorization);
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            get(http, url, authorization);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("| %s | %.1f ms | %.1f ms | %.1f ms |%n", name, ms[n / 2], ms[(int) Math.ceil(n * 0.99) - 1], ms[n - 1]);
    }

    private static void get(HttpClient http, String url, String authorization) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
    }
}
