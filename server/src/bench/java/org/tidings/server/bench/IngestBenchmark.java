package org.tidings.server.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tidings.server.store.SourceSettings;
import org.tidings.server.store.SourceStore;
import org.tidings.server.testing.Feeds;
import org.tidings.server.testing.FixtureServer;
import org.tidings.server.testing.RunningServer;
import org.tidings.server.testing.TestDatabase;

/**
 * End-to-end ingest throughput: {@code FEEDS} feeds of {@code ENTRIES} entries each, served by a
 * local HTTP server, fetched by the real scheduler, parsed, sanitized and stored (full text off:
 * fetching article pages is a stage of its own). Measured from
 * the first feed request to the moment every source has been fetched and every entry stored.
 *
 * <pre>bench/run server org.tidings.server.bench.IngestBenchmark h2 1000 50</pre>
 *
 * The first argument is {@code h2} (the embedded default: a file database) or {@code postgres}
 * (TIDINGS_TEST_PG_URL, default jdbc:postgresql://127.0.0.1:5432/test, in a fresh schema).
 */
public final class IngestBenchmark {

    public static void main(String[] args) throws Exception {
        String database = args.length > 0 ? args[0] : "h2";
        int feeds = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int entries = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        Path dataDir = Files.createTempDirectory("tidings-bench");

        try (FixtureServer publisher = new FixtureServer()) {
            AtomicLong firstRequest = new AtomicLong();
            Instant now = Instant.now();
            for (int f = 0; f < feeds; f++) {
                byte[] rss = Feeds.rss("Publisher " + f, items(publisher, f, entries, now)).getBytes();
                publisher.route("/feed/" + f, exchange -> {
                    firstRequest.compareAndSet(0, System.nanoTime());
                    FixtureServer.respond(exchange, 200, "application/rss+xml", rss);
                });
            }

            List<String> settings = new ArrayList<>(List.of(
                    "--tidings.scheduler.tick=100ms", "--tidings.scheduler.batch-size=64",
                    "--tidings.scheduler.concurrency=16",
                    // every feed here is on 127.0.0.1; real feeds come from hundreds of hosts
                    "--tidings.fetch.per-host-concurrency=16"));
            DataSource ds;
            if (database.equals("postgres")) {
                TestDatabase.Fresh db = TestDatabase.POSTGRES.create();
                settings.addAll(List.of(db.serverArguments()));
                ds = db.dataSource();
            } else {
                String url = "jdbc:h2:file:" + dataDir.resolve("db/tidings") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
                settings.add("--tidings.database.url=" + url);
                ds = new org.springframework.jdbc.datasource.DriverManagerDataSource(url, "", "");
            }
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
            SourceStore register = new SourceStore(JdbcClient.create(ds), Clock.systemUTC());
            for (int f = 0; f < feeds; f++) {
                // the feed pipeline only: article pages (full text) are a stage of their own
                register.add(new SourceSettings(publisher.url("/feed/" + f), "Publisher " + f, null, "en", null, null, false, true),
                        Duration.ofHours(1));
            }
            if (ds instanceof java.io.Closeable c) c.close();

            try (RunningServer server = RunningServer.start(dataDir, settings.toArray(String[]::new))) {
                long expected = (long) feeds * entries;
                while (server.articleCount() < expected) Thread.sleep(50);
                long end = System.nanoTime();
                double seconds = (end - firstRequest.get()) / 1e9;
                System.out.printf("database=%s feeds=%d entries=%d stored=%d seconds=%.2f entries_per_second=%.0f cores=%d java=%s%n",
                        database, feeds, entries, server.articleCount(), seconds, expected / seconds,
                        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
                // and until the last article has been through every stage (enriched, placed in its story)
                JdbcClient jdbc = server.bean(JdbcClient.class);
                String waiting = "SELECT COUNT(*) FROM article WHERE stage <> 'done'";
                long behind = jdbc.sql(waiting).query(Long.class).single();
                while (jdbc.sql(waiting).query(Long.class).single() > 0) Thread.sleep(500); // a scan: not too often
                double throughAll = (System.nanoTime() - firstRequest.get()) / 1e9;
                System.out.printf("waiting_after_stages_when_stored=%d seconds_through_every_stage=%.2f entries_per_second_through_every_stage=%.0f%n",
                        behind, throughAll, expected / throughAll);
            }
        }
        System.exit(0);
    }

    private static List<Feeds.Item> items(FixtureServer publisher, int feed, int count, Instant now) {
        List<Feeds.Item> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(new Feeds.Item("p" + feed + "-" + i, publisher.url("/p/" + feed + "/story-" + i),
                    "Council approves budget for harbour repairs, part " + i + " of feed " + feed,
                    "<p>The council voted on Tuesday to approve the budget. <a href=\"/more\">Read more</a></p>"
                            + "<p>Work starts in spring and should last two years, officials said.</p>",
                    now.minus(Duration.ofMinutes(15L * i))));
        }
        return items;
    }
}
