package org.tidings.server.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tidings.server.pipeline.Pipeline;
import org.tidings.server.store.SourceSettings;
import org.tidings.server.store.SourceStore;
import org.tidings.server.testing.DatabaseCut;
import org.tidings.server.testing.Feeds;
import org.tidings.server.testing.FixtureServer;
import org.tidings.server.testing.RunningServer;

/**
 * PostgreSQL away for {@code SECONDS} while Tidings serves and ingests, then back: a whole server on a fresh schema,
 * reached through a TCP relay that drops every connection and refuses new ones ({@code cut}, a stopped server) or holds
 * them silent ({@code stall}, a host gone). A reader asks for the home page and an article page in turn without pause,
 * a probe asks for readiness every 100 ms, and the feed gains an item during the outage. Prints, from the moment the
 * database went away: the time to the first 503 and how long each answer took meanwhile, the time to readiness DOWN,
 * every status seen; and from the moment it was back: the time to the first page served again, to readiness UP, and to
 * the new item stored (exactly once).
 *
 * <pre>bench/run server org.tidings.server.bench.OutageHarness 30 cut</pre>
 */
public final class OutageHarness {

    private static final Duration ASK = Duration.ofSeconds(90);

    private record Answer(long atNanos, String path, int status, long tookNanos) {}

    public static void main(String[] args) throws Exception {
        Duration outage = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 30);
        boolean stall = args.length > 1 && args[1].equals("stall");
        Path data = Files.createTempDirectory("tidings-outage");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Instant now = Instant.now();
        List<Feeds.Item> items = new ArrayList<>(List.of(new Feeds.Item("tide-1", "http://publisher.test/tide-1",
                "Spring tide floods the harbour road", "<p>The harbour road was under water.</p>", now.minusSeconds(3600))));
        try (FixtureServer publisher = new FixtureServer(); DatabaseCut database = new DatabaseCut();
                RunningServer server = RunningServer.start(data, concat(database.serverArguments(),
                        "--tidings.scheduler.min-interval=1s", "--tidings.scheduler.max-interval=1s"))) {
            publisher.serve("/tides.xml", "application/rss+xml", Feeds.rss("Harbour Times", items));
            server.bean(SourceStore.class).add(new SourceSettings(publisher.url("/tides.xml"), "Harbour Times", null, "en", null, null,
                    false, true), Duration.ofSeconds(1));
            server.bean(Pipeline.class).refreshNow();
            JdbcClient sql = server.bean(JdbcClient.class);
            while (count(sql, "tide-1") == 0) Thread.sleep(100);
            long article = sql.sql("SELECT id FROM article WHERE entry_key = 'tide-1'").query(Long.class).single();

            List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean running = new AtomicBoolean(true);
            Thread reader = Thread.ofPlatform().start(() -> {
                for (int i = 0; running.get(); i++) answers.add(ask(http, server, i % 2 == 0 ? "/" : "/article/" + article));
            });
            Thread probe = Thread.ofPlatform().start(() -> {
                while (running.get()) {
                    answers.add(ask(http, server, "/actuator/health/readiness"));
                    sleep(100);
                }
            });
            Thread.sleep(2000);

            long away = System.nanoTime();
            if (stall) database.stall();
            else database.cut();
            items.add(new Feeds.Item("tide-2", "http://publisher.test/tide-2", "Ferry sails again after the storm",
                    "<p>The ferry sailed on time this morning.</p>", Instant.now().minusSeconds(60)));
            publisher.serve("/tides.xml", "application/rss+xml", Feeds.rss("Harbour Times", items));
            HttpResponse<String> liveness = http.send(HttpRequest.newBuilder(URI.create(server.url("/actuator/health/liveness")))
                    .timeout(ASK).build(), HttpResponse.BodyHandlers.ofString());
            Thread.sleep(Math.max(0, outage.toMillis() - Duration.ofNanos(System.nanoTime() - away).toMillis()));

            long back = System.nanoTime();
            database.restore();
            long stored = -1;
            while (System.nanoTime() - back < ASK.toNanos()) {
                try {
                    if (count(sql, "tide-2") > 0) {
                        stored = System.nanoTime();
                        break;
                    }
                } catch (RuntimeException e) {
                    // the pool is still taking up its connections again
                }
                Thread.sleep(100);
            }
            Thread.sleep(2000);
            running.set(false);
            reader.join();
            probe.join();

            List<Answer> all = List.copyOf(answers);
            List<Answer> during = all.stream().filter(a -> a.atNanos() >= away && a.atNanos() + a.tookNanos() < back).toList();
            List<Answer> pagesDuring = during.stream().filter(a -> !a.path().startsWith("/actuator")).toList();
            System.out.printf("outage: %s for %d s, while serving and ingesting (PostgreSQL through a relay)%n",
                    stall ? "database silent (stall)" : "connections dropped and refused (cut)", outage.toSeconds());
            System.out.printf("time to the first 503 page: %s%n", firstDone(all, away, back, a -> !a.path().startsWith("/actuator") && a.status() == 503));
            all.stream().filter(a -> a.atNanos() < away && a.atNanos() + a.tookNanos() >= away).forEach(a -> System.out.printf(
                    "in flight when the database went away: %s answered %d after %d ms (%d ms after it went away)%n", a.path(), a.status(),
                    a.tookNanos() / 1_000_000, (a.atNanos() + a.tookNanos() - away) / 1_000_000));
            System.out.printf("page answers during the outage: %d, statuses %s, time each took: median %d ms, max %d ms%n",
                    pagesDuring.size(), statuses(pagesDuring), percentile(pagesDuring, 50), percentile(pagesDuring, 100));
            System.out.printf("time to readiness DOWN: %s; liveness during the outage: %d%n",
                    firstDone(all, away, back, a -> a.path().startsWith("/actuator") && a.status() == 503), liveness.statusCode());
            System.out.printf("after the database returned: first page served %s, readiness UP %s, the item added meanwhile stored %s (%d time(s))%n",
                    firstDone(all, back, Long.MAX_VALUE, a -> !a.path().startsWith("/actuator") && a.status() == 200),
                    firstDone(all, back, Long.MAX_VALUE, a -> a.path().startsWith("/actuator") && a.status() == 200),
                    stored < 0 ? "not within " + ASK.toSeconds() + " s" : (stored - back) / 1_000_000 + " ms", count(sql, "tide-2"));
            System.out.printf("page statuses after: %s%n", statuses(all.stream().filter(a -> a.atNanos() >= back
                    && !a.path().startsWith("/actuator")).toList()));
        }
    }

    /** How long after {@code from} the first answer meeting {@code test} that was asked after it came back. */
    private static String firstDone(List<Answer> answers, long from, long until, java.util.function.Predicate<Answer> test) {
        return answers.stream().filter(a -> a.atNanos() >= from && a.atNanos() < until && test.test(a))
                .mapToLong(a -> a.atNanos() + a.tookNanos() - from).min().stream()
                .mapToObj(n -> n / 1_000_000 + " ms").findFirst().orElse("never");
    }

    private static Map<Integer, Long> statuses(List<Answer> answers) {
        Map<Integer, Long> counts = new TreeMap<>();
        for (Answer a : answers) counts.merge(a.status(), 1L, Long::sum);
        return counts;
    }

    private static long percentile(List<Answer> answers, int p) {
        if (answers.isEmpty()) return -1;
        List<Long> took = answers.stream().map(Answer::tookNanos).sorted().toList();
        return took.get(Math.min(took.size() - 1, (int) Math.ceil(p / 100.0 * took.size()) - (p == 0 ? 0 : 1))) / 1_000_000;
    }

    private static Answer ask(HttpClient http, RunningServer server, String path) {
        long start = System.nanoTime();
        int status;
        try {
            status = http.send(HttpRequest.newBuilder(URI.create(server.url(path))).timeout(ASK).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            status = -1;
        }
        return new Answer(start, path, status, System.nanoTime() - start);
    }

    private static long count(JdbcClient sql, String entryKey) {
        return sql.sql("SELECT COUNT(*) FROM article WHERE entry_key = :key").param("key", entryKey).query(Long.class).single();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String[] concat(String[] first, String... more) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
