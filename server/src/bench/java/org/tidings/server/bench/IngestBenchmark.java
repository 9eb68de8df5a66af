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
import org.tidings.server.testing.ServerProcess;
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
 *
 * <p>A fourth argument, {@code PROCESSES} (PostgreSQL only), runs that many Tidings server processes of their own
 * on the one database, as behind a balancer, instead of one server in this JVM: what a second process adds.
 * <pre>bench/run server org.tidings.server.bench.IngestBenchmark postgres 300 50 1
 *bench/run server org.tidings.server.bench.IngestBenchmark postgres 300 50 2</pre>
 */
public final class IngestBenchmark {

    public static void main(String[] args) throws Exception {
        String database = args.length > 0 ? args[0] : "h2";
        int feeds = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int entries = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        int processes = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        if (processes > 0 && !database.equals("postgres")) throw new IllegalArgumentException("processes share PostgreSQL only");
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
            Runnable registerSources = () -> {
                for (int f = 0; f < feeds; f++) {
                    // the feed pipeline only: article pages (full text) are a stage of their own
                    register.add(new SourceSettings(publisher.url("/feed/" + f), "Publisher " + f, null, "en", null, null, false, true),
                            Duration.ofHours(1));
                }
            };
            long expected = (long) feeds * entries;
            if (processes > 0) {
                // every process is up before the first source is due: none starts ahead of the others
                List<ServerProcess> started = startProcesses(processes, dataDir, settings);
                try {
                    registerSources.run();
                    measure(JdbcClient.create(ds), expected, firstRequest, database, feeds, entries, processes);
                } finally {
                    started.forEach(ServerProcess::close);
                }
            } else {
                registerSources.run();
                try (RunningServer server = RunningServer.start(dataDir, settings.toArray(String[]::new))) {
                    measure(server.bean(JdbcClient.class), expected, firstRequest, database, feeds, entries, 0);
                }
            }
        }
        System.exit(0);
    }

    private static List<ServerProcess> startProcesses(int count, Path dataDir, List<String> settings) throws Exception {
        List<ServerProcess> started = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            started.add(ServerProcess.start(List.of("-Xmx1g"), dataDir.resolve("process-" + i), settings.toArray(String[]::new)));
        }
        return started;
    }

    /** Waits until every entry is stored, reports, then waits until the last one has been through every stage. */
    private static void measure(JdbcClient jdbc, long expected, AtomicLong firstRequest, String database, int feeds,
            int entries, int processes) throws InterruptedException {
        String stored = "SELECT COUNT(*) FROM article";
        while (jdbc.sql(stored).query(Long.class).single() < expected) Thread.sleep(50);
        report(database, feeds, entries, processes, jdbc.sql(stored).query(Long.class).single(), firstRequest);
        // and until the last article has been through every stage (enriched, placed in its story)
        awaitEveryStage(jdbc, expected, firstRequest);
    }

    private static void report(String database, int feeds, int entries, int processes, long stored, AtomicLong firstRequest) {
        double seconds = (System.nanoTime() - firstRequest.get()) / 1e9;
        System.out.printf("database=%s feeds=%d entries=%d processes=%s stored=%d seconds=%.2f entries_per_second=%.0f cores=%d java=%s%n",
                database, feeds, entries, processes == 0 ? "1 (in this JVM)" : processes, stored, seconds,
                (double) feeds * entries / seconds, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    }

    private static void awaitEveryStage(JdbcClient jdbc, long expected, AtomicLong firstRequest) throws InterruptedException {
        String waiting = "SELECT COUNT(*) FROM article WHERE stage <> 'done'";
        long behind = jdbc.sql(waiting).query(Long.class).single();
        while (jdbc.sql(waiting).query(Long.class).single() > 0) Thread.sleep(500); // a scan: not too often
        double throughAll = (System.nanoTime() - firstRequest.get()) / 1e9;
        System.out.printf("waiting_after_stages_when_stored=%d seconds_through_every_stage=%.2f entries_per_second_through_every_stage=%.0f%n",
                behind, throughAll, expected / throughAll);
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
