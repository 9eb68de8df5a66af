package org.tidings.server.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tidings.server.store.SourceSettings;
import org.tidings.server.store.SourceStore;
import org.tidings.server.testing.Balancer;
import org.tidings.server.testing.Browser;
import org.tidings.server.testing.Feeds;
import org.tidings.server.testing.FixtureServer;
import org.tidings.server.testing.ServerProcess;
import org.tidings.server.testing.TestDatabase;

/**
 * The whole of "more than one box": three Tidings processes on one PostgreSQL behind nginx (configured as the README
 * shows). A reader signs up through one process, comments through a second and sees the comment through the third;
 * while readers browse through the balancer, one process is killed with SIGKILL. Readers see no failure (the
 * balancer retries the idempotent requests that were in flight), the reader stays signed in, ingestion goes on with
 * the two processes left, and afterwards every published entry is stored exactly once and every comment once.
 */
class LoadBalancedServersTest {

    private static final String PASSWORD = "lanterns along the quay";
    /** Entries the publisher has when the test starts; one more appears every {@link #EVERY} until {@link #ENTRIES}. */
    private static final int AT_FIRST = 10, ENTRIES = 30;
    private static final Duration EVERY = Duration.ofMillis(600);

    @TempDir
    Path dir;

    @Test
    void threeProcessesBehindABalancerServeReadersThroughAKillAndLoseNothing() throws Exception {
        TestDatabase.requirePostgres();
        TestDatabase.Fresh database = TestDatabase.POSTGRES.create();
        DataSource ds = database.dataSource();
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        JdbcClient sql = JdbcClient.create(ds);
        ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();

        try (FixtureServer publisher = new FixtureServer()) {
            Instant opened = Instant.now();
            publisher.route("/feed.xml", exchange -> FixtureServer.respond(exchange, 200, "application/rss+xml",
                    Feeds.rss("Harbour Courier", published(publisher, opened)).getBytes(StandardCharsets.UTF_8)));
            new SourceStore(sql, Clock.systemUTC()).add(new SourceSettings(publisher.url("/feed.xml"), "Harbour Courier",
                    null, "en", "uk", "world", false, true), Duration.ofSeconds(1));

            String[] settings = Stream.concat(Stream.of(database.serverArguments()), Stream.of(
                    "--tidings.scheduler.default-interval=1s", "--tidings.scheduler.min-interval=1s",
                    "--tidings.scheduler.max-interval=1s", "--tidings.scheduler.lease=5s")).toArray(String[]::new);
            List<CompletableFuture<ServerProcess>> starting = IntStream.range(0, 3)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> start(dir.resolve("process-" + i), settings), readers))
                    .toList();
            List<ServerProcess> processes = starting.stream().map(CompletableFuture::join).toList();
            try (Balancer balancer = Balancer.start(dir.resolve("nginx"),
                    processes.stream().map(p -> p.url("").substring("http://".length())).toList())) {
                ServerProcess a = processes.get(0), b = processes.get(1), c = processes.get(2);
                await().atMost(Duration.ofSeconds(60)).until(() -> stored(sql) >= AT_FIRST);
                long articleId = sql.sql("SELECT MIN(id) FROM article").query(Long.class).single();

                // one reader, three processes: the session and the comment are the database's, not a process's
                Browser reader = a.browser();
                String email = "reader-" + UUID.randomUUID() + "@example.test";
                assertThat(reader.post("/signup", Map.of("email", email, "displayName", "Maren", "password", PASSWORD),
                        "/signup").statusCode()).isEqualTo(302);
                Browser onB = reader.at(b.url(""));
                HttpResponse<String> posted = onB.post("/article/" + articleId + "/comments",
                        Map.of("text", "Posted through the second process."), "/article/" + articleId);
                assertThat(posted.statusCode()).isEqualTo(302);
                assertThat(reader.at(c.url("")).get("/article/" + articleId).body())
                        .as("seen through the third").contains("Posted through the second process.");

                // readers browse through the balancer while the second process is killed
                Browser throughBalancer = reader.at(balancer.url(""));
                List<String> pages = List.of("/", "/article/" + articleId, "/search?q=harbour", "/account");
                AtomicBoolean browsing = new AtomicBoolean(true);
                AtomicInteger served = new AtomicInteger();
                ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
                List<CompletableFuture<Void>> browsers = IntStream.range(0, 4).mapToObj(n -> CompletableFuture.runAsync(() -> {
                    for (int i = n; browsing.get(); i++) {
                        String page = pages.get(i % pages.size());
                        try {
                            HttpResponse<String> response = throughBalancer.get(page);
                            if (response.statusCode() != 200) failures.add(page + " answered " + response.statusCode());
                            else served.incrementAndGet();
                        } catch (RuntimeException e) {
                            failures.add(page + " failed: " + e);
                        }
                    }
                }, readers)).toList();
                await().atMost(Duration.ofSeconds(30)).until(() -> served.get() >= 40);
                int beforeKill = served.get();
                b.kill();
                await().atMost(Duration.ofSeconds(30)).until(() -> served.get() >= beforeKill + 80);
                browsing.set(false);
                browsers.forEach(CompletableFuture::join);
                assertThat(failures).as("what readers saw go wrong (%d pages served)", served.get()).isEmpty();

                // after the kill: writing through the balancer works, and ingestion goes on with the two processes left
                HttpResponse<String> after = throughBalancer.post("/article/" + articleId + "/comments",
                        Map.of("text", "Posted through the balancer after the kill."), "/article/" + articleId);
                assertThat(after.statusCode()).isEqualTo(302);
                await().atMost(Duration.ofSeconds(60)).until(() -> stored(sql) >= ENTRIES);
                Thread.sleep(2_000); // a few more rounds of fetching the same feed: nothing may be stored again

                assertThat(stored(sql)).as("every published entry, once").isEqualTo(ENTRIES);
                assertThat(sql.sql("SELECT COUNT(DISTINCT url) FROM article").query(Long.class).single()).isEqualTo(ENTRIES);
                assertThat(sql.sql("SELECT body FROM comment ORDER BY id").query(String.class).list()).containsExactly(
                        "Posted through the second process.", "Posted through the balancer after the kill.");
                assertThat(throughBalancer.get("/article/" + articleId).body())
                        .contains("Posted through the second process.", "Posted through the balancer after the kill.");
            } finally {
                processes.forEach(ServerProcess::close);
            }
        } finally {
            readers.shutdownNow();
        }
    }

    /** The entries the publisher's feed lists now: {@link #AT_FIRST} at once, then one more every {@link #EVERY}. */
    private static List<Feeds.Item> published(FixtureServer publisher, Instant opened) {
        long since = Duration.between(opened, Instant.now()).toMillis();
        int count = (int) Math.min(ENTRIES, AT_FIRST + since / EVERY.toMillis());
        List<Feeds.Item> items = new ArrayList<>();
        for (int i = count - 1; i >= 0; i--) {
            items.add(new Feeds.Item("harbour-" + i, publisher.url("/news/" + i), "Harbour works, day " + i + " of the new quay",
                    "<p>The harbour authority reported progress on the new quay for the " + i
                            + "th time this season, with cranes working through the night.</p>",
                    opened.minus(Duration.ofMinutes(ENTRIES - i))));
        }
        return items;
    }

    private static long stored(JdbcClient sql) {
        return sql.sql("SELECT COUNT(*) FROM article").query(Long.class).single();
    }

    private static ServerProcess start(Path data, String[] settings) {
        try {
            return ServerProcess.start(data, settings);
        } catch (Exception e) {
            throw new IllegalStateException("a Tidings process did not start", e);
        }
    }
}
