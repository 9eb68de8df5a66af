package org.tidings.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tidings.server.store.SourceSettings;
import org.tidings.server.store.SourceStore;
import org.tidings.server.testing.Feeds;
import org.tidings.server.testing.FixtureServer;
import org.tidings.server.testing.Fixtures;
import org.tidings.server.testing.RunningServer;
import org.tidings.server.testing.TestDatabase;

/**
 * Two servers on one PostgreSQL (two application contexts with their own connection pools and
 * schedulers, as two processes would have) share the sources: each feed is fetched once per due
 * time by one of them, both do work, and no item is stored twice, not even an item that every
 * feed carries.
 */
class TwoWorkersTest {

    private static final int FEEDS = 30;
    private static final int ITEMS = 20;

    @TempDir
    Path dataDir;

    @Test
    void twoServersOnOnePostgresSplitTheWorkAndStoreEachItemOnce() {
        TestDatabase.Fresh db = TestDatabase.POSTGRES.create();
        DataSource ds = db.dataSource();
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        try (FixtureServer publisher = new FixtureServer()) {
            SourceStore sources = new SourceStore(JdbcClient.create(ds), Clock.systemUTC());
            Instant now = Instant.now();
            for (int f = 0; f < FEEDS; f++) {
                String rss = Feeds.rss("Feed " + f, items(publisher, f, now));
                publisher.route("/feed/" + f, exchange -> {
                    sleep(60); // a realistic server: slow enough for the two workers to overlap
                    FixtureServer.respond(exchange, 200, "application/rss+xml", rss.getBytes());
                });
                sources.add(Fixtures.source(publisher.url("/feed/" + f), "Feed " + f), Duration.ofHours(1));
            }
            // not due until both servers are up, so that neither has a head start
            JdbcClient sql = JdbcClient.create(ds);
            sql.sql("UPDATE source SET next_fetch_at = :later").param("later", OffsetDateTime.now(ZoneOffset.UTC).plusYears(1)).update();

            String[] common = {"--tidings.scheduler.tick=50ms", "--tidings.scheduler.batch-size=3", "--tidings.scheduler.concurrency=3"};
            try (RunningServer a = RunningServer.start(dataDir.resolve("a"), join(db.serverArguments(), common,
                            "--tidings.fetch.contact-url=http://worker-a.test"));
                    RunningServer b = RunningServer.start(dataDir.resolve("b"), join(db.serverArguments(), common,
                            "--tidings.fetch.contact-url=http://worker-b.test"))) {
                sql.sql("UPDATE source SET next_fetch_at = :now").param("now", OffsetDateTime.now(ZoneOffset.UTC)).update();
                await().atMost(Duration.ofSeconds(60)).until(() -> sources.findAll().stream()
                        .allMatch(s -> s.health().lastStatus() != null));

                assertThat(a.articleCount()).isEqualTo(FEEDS * ITEMS + 1);
                for (int f = 0; f < FEEDS; f++) {
                    assertThat(publisher.hits("/feed/" + f)).as("feed %d fetched once", f).isEqualTo(1);
                }
                Map<String, Long> byWorker = publisher.requests().stream()
                        .collect(Collectors.groupingBy(r -> r.userAgent().contains("worker-a") ? "a" : "b", Collectors.counting()));
                assertThat(byWorker).as("both servers took part").containsKeys("a", "b");
            }
        }
    }

    private static List<Feeds.Item> items(FixtureServer publisher, int feed, Instant now) {
        List<Feeds.Item> items = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            items.add(new Feeds.Item("f" + feed + "-" + i, publisher.url("/a/" + feed + "/" + i),
                    "Item " + i + " of feed " + feed, "<p>text</p>", now.minusSeconds(60L * i)));
        }
        items.add(new Feeds.Item("wire-1", publisher.url("/wire/1"), "A wire story every feed carries", "<p>wire</p>", now));
        return items;
    }

    private static String[] join(String[] a, String[] b, String... c) {
        List<String> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        all.addAll(List.of(c));
        return all.toArray(String[]::new);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
