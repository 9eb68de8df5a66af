package org.tidings.server.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.tidings.server.store.AccountStore;
import org.tidings.server.store.SourceSettings;
import org.tidings.server.store.SourceStore;
import org.tidings.server.testing.ServerProcess;
import org.tidings.server.testing.TestDatabase;

/**
 * The soak: Tidings in a process of its own on PostgreSQL (a fresh schema, dropped afterwards), with the scheduler on,
 * ingesting {@code FEEDS} feeds that keep growing ({@link GrowingFeeds}: full text, enrichment, the story desk and the
 * search index always have work) while readers ask for pages at {@code RATE} a second, open loop, and signed-in
 * readers comment and save ({@link ReaderLoad}), for {@code MINUTES} minutes after a warm-up.
 *
 * <pre>bench/run server org.tidings.server.bench.Soak 30 1000 20</pre>
 *
 * Arguments: minutes of soak after the warm-up (30), feeds (1000), pages a second (20), minutes between two items of
 * one feed (10: a new item every 0.6 s across 1,000 feeds), minutes of warm-up at least (3; it lasts until the first
 * fetch of every feed has been through every stage, 10 minutes at most), the server's heap (1g).
 *
 * <p>Every 30 seconds the server process is sampled: the heap in use just after a full collection ({@code jcmd PID
 * GC.run}, then {@code jvm_memory_used_bytes{area="heap"}} from {@code /actuator/prometheus}), its live threads, its
 * pool's connections and PostgreSQL's count of the server's connections ({@code pg_stat_activity} by application
 * name), its open files ({@code /proc/PID/fd}), articles stored and still in the pipeline, and the readers' requests,
 * errors and times. Errors are the readers' (anything but the expected answer) and the server's own: a line logged at
 * ERROR, or anything the process printed outside its log lines that names an exception.
 *
 * <p>The exit status is 1 when there was an error or a leak is evident: heap after collection growing by more than
 * 5% of the heap's maximum per 10 minutes (least squares over the samples after the warm-up), live threads at the end
 * more than 50 above the start, more PostgreSQL connections than the pool may hold, or open files more than 100 above
 * the start.
 */
public final class Soak {

    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(30);
    private static final Duration LONGEST_WARMUP = Duration.ofMinutes(10);
    /** Articles not yet through every stage below which the first fetch of every feed counts as digested. */
    private static final int SETTLED_BACKLOG = 200;
    private static final int READER_ACCOUNTS = 20;
    private static final String PASSWORD = "soak reader password";

    /** One look at the server process. */
    record Sample(double minute, double heapMb, long threads, long osThreads, long poolActive, long poolTotal,
            long poolPending, long pgConnections, long fds, long articles, long behind, long comments, long saved,
            ReaderLoad.Window readers, long logErrors, String load) {

        static final String HEADER = "  min  heapMB threads(os)  pool a/t/w  pg   fds  articles behind comments saved"
                + "   req err   p50ms   p99ms inflight srvErr load";

        String line() {
            return String.format("%5.1f %7.1f %4d(%4d) %4d/%2d/%2d %4d %5d %9d %6d %8d %5d %5d %3d %7.1f %7.1f %8d %6d %s",
                    minute, heapMb, threads, osThreads, poolActive, poolTotal, poolPending, pgConnections, fds, articles,
                    behind, comments, saved, readers.requests(), readers.errors(), readers.p50Millis(), readers.p99Millis(),
                    readers.mostInFlight(), logErrors, load);
        }
    }

    public static void main(String[] args) throws Exception {
        int minutes = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int feeds = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        double rate = args.length > 2 ? Double.parseDouble(args[2]) : 20;
        Duration gap = Duration.ofMinutes(args.length > 3 ? Long.parseLong(args[3]) : 10);
        Duration warmup = Duration.ofMinutes(args.length > 4 ? Long.parseLong(args[4]) : 3);
        String heap = args.length > 5 ? args[5] : "1g";
        String run = "soak_" + Long.toString(System.currentTimeMillis(), 36);
        String uptimeBefore = Files.readString(Path.of("/proc/loadavg")).strip();
        System.out.printf("soak %s: %d min after a warm-up of %d min or more, %d feeds (an item every %s each), %.0f pages/s, "
                + "heap %s; load average before: %s%n", run, minutes, warmup.toMinutes(), feeds, gap, rate, heap, uptimeBefore);

        TestDatabase.Fresh db = TestDatabase.POSTGRES.create();
        System.out.println("database: " + db.url());
        DataSource ds = db.dataSource();
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        JdbcClient jdbc = JdbcClient.create(ds);
        Instant start = Instant.now();
        Path dataDir = Files.createTempDirectory("tidings-soak");
        int exit;
        try (GrowingFeeds publishers = new GrowingFeeds(feeds, gap, 5, start)) {
            SourceStore sources = new SourceStore(jdbc, Clock.systemUTC());
            for (SourceSettings source : publishers.sources()) sources.add(source, gap);
            AccountStore accounts = new AccountStore(jdbc, Clock.systemUTC());
            String hash = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode(PASSWORD);
            List<String> names = new ArrayList<>();
            for (int i = 0; i < READER_ACCOUNTS; i++) {
                names.add(run + "_reader" + i);
                accounts.create(names.getLast(), hash, "READER");
            }
            // readers of a month's standing: what they write is published at once (no links in it either way)
            jdbc.sql("UPDATE account SET created_at = :t").param("t", OffsetDateTime.now().minusDays(30)).update();

            String token = UUID.randomUUID().toString();
            List<String> settings = new ArrayList<>(List.of(db.serverArguments()));
            // the URL comes first: the server's connections carry the run's name, told from others' on the shared database
            settings.set(0, settings.getFirst() + "&ApplicationName=" + run);
            settings.addAll(List.of("--tidings.metrics-token=" + token,
                    // every publisher is on 127.0.0.1: real feeds come from hundreds of hosts
                    "--tidings.fetch.per-host-concurrency=8",
                    "--tidings.scheduler.tick=1s", "--tidings.scheduler.min-interval=1m",
                    "--tidings.scheduler.default-interval=" + gap.toMinutes() + "m",
                    "--tidings.page-cache=5s")); // the default: the tests' settings turn it off
            List<String> jvm = List.of("-Xmx" + heap, "--enable-native-access=ALL-UNNAMED"); // as ./tidings starts it
            try (ServerProcess server = ServerProcess.start(jvm, dataDir, settings.toArray(String[]::new));
                    ReaderLoad readers = new ReaderLoad(server.url(""), rate, Duration.ofSeconds(15), Duration.ofSeconds(10),
                            publishers.headlines())) {
                System.out.printf("server pid %d at %s, log %s%n", server.pid(), server.url("/"), server.log());
                readers.signIn(names, PASSWORD);
                readers.start();
                Probe probe = new Probe(server, token, jdbc, run);
                List<Sample> samples = new ArrayList<>();
                long began = System.nanoTime();
                Integer settledAt = null;
                Map<String, Long> baseline = Map.of();
                int errorsShown = 0;
                System.out.println(Sample.HEADER);
                while (true) {
                    Thread.sleep(SAMPLE_EVERY);
                    Sample s = probe.sample((System.nanoTime() - began) / 60e9, readers.window());
                    samples.add(s);
                    System.out.println(s.line());
                    for (String e : probe.newErrors()) System.out.println("  server: " + e);
                    List<String> readerErrors = readers.errors();
                    for (String e : readerErrors.subList(errorsShown, readerErrors.size())) System.out.println("  reader: " + e);
                    errorsShown = readerErrors.size();
                    double elapsed = s.minute();
                    if (settledAt == null && elapsed >= warmup.toMinutes()
                            && (s.behind() < SETTLED_BACKLOG || elapsed >= LONGEST_WARMUP.toMinutes())) {
                        settledAt = samples.size() - 1;
                        baseline = probe.histogram;
                        System.out.printf("-- warm-up over at %.1f min; the soak's %d minutes begin%n", elapsed, minutes);
                    }
                    if (settledAt != null && elapsed - samples.get(settledAt).minute() >= minutes) break;
                }
                readers.close();
                probe.readLog(); // what the server logged while the last answers came in
                exit = report(samples, samples.get(settledAt), baseline, readers, probe, publishers, heap, uptimeBefore);
            }
        }
        deleteTree(dataDir);
        System.exit(exit); // the schema is dropped on the way out (TestDatabase)
    }

    private static int report(List<Sample> samples, Sample first, Map<String, Long> firstHistogram, ReaderLoad readers,
            Probe probe, GrowingFeeds publishers, String heap, String loadBefore) throws IOException {
        Sample last = samples.getLast();
        List<Sample> soak = samples.subList(samples.indexOf(first), samples.size());
        double slope = slopePerTenMinutes(soak);
        double maxHeapMb = megabytes(heap);
        System.out.println();
        System.out.println("requests by kind (errors):");
        long requests = 0, errors = 0;
        for (var e : readers.totals().entrySet()) {
            requests += e.getValue().requests();
            errors += e.getValue().errors();
            System.out.printf("  %-8s %8d (%d)%n", e.getKey().name().toLowerCase(), e.getValue().requests(), e.getValue().errors());
        }
        System.out.printf("  %-8s %8d (%d)%n", "all", requests, errors);
        System.out.printf("redirects followed: %d%n", readers.redirects.sum());
        System.out.printf("publisher: %d feeds served, %d not modified (304), %d article pages, %d not found; items published: %d%n",
                publishers.feedsServed.sum(), publishers.notModified.sum(), publishers.pagesServed.sum(), publishers.notFound.sum(),
                publishers.published(Instant.now()));
        System.out.printf("server log: %d ERROR lines, %d WARN lines %s, %d other lines (%d naming an exception)%n",
                probe.errorLines, probe.warnLines, probe.warnEvents, probe.otherLines, probe.otherExceptions);
        long serverErrors = probe.errorLines + probe.otherExceptions;
        System.out.printf("%nsoak of %.1f min after %.1f min of warm-up; load average before: %s, after: %s%n",
                last.minute() - first.minute(), first.minute(), loadBefore, Files.readString(Path.of("/proc/loadavg")).strip());
        System.out.printf("errors: readers %d, server %d%n", errors, serverErrors);
        System.out.printf("heap after GC: start %.1f MB, end %.1f MB, min %.1f, max %.1f, slope %+.1f MB per 10 min (max heap %s)%n",
                first.heapMb(), last.heapMb(), soak.stream().mapToDouble(Sample::heapMb).min().orElse(0),
                soak.stream().mapToDouble(Sample::heapMb).max().orElse(0), slope, heap);
        long ingested = last.articles() - first.articles();
        if (ingested > 0) {
            System.out.printf("heap after GC grew %.1f kB per article ingested during the soak%n",
                    (last.heapMb() - first.heapMb()) * 1024 / ingested);
        }
        System.out.printf("page times per %d s window: median %.0f-%.0f ms, 99th percentile %.0f-%.0f ms; most requests in flight %d%n",
                SAMPLE_EVERY.toSeconds(), soak.stream().mapToDouble(s -> s.readers().p50Millis()).min().orElse(0),
                soak.stream().mapToDouble(s -> s.readers().p50Millis()).max().orElse(0),
                soak.stream().mapToDouble(s -> s.readers().p99Millis()).min().orElse(0),
                soak.stream().mapToDouble(s -> s.readers().p99Millis()).max().orElse(0),
                soak.stream().mapToInt(s -> s.readers().mostInFlight()).max().orElse(0));
        System.out.printf("live threads: start %d, end %d, max %d (threads of the process: %d, %d, %d)%n", first.threads(),
                last.threads(), soak.stream().mapToLong(Sample::threads).max().orElse(0), first.osThreads(), last.osThreads(),
                soak.stream().mapToLong(Sample::osThreads).max().orElse(0));
        System.out.printf("database connections (PostgreSQL): start %d, end %d, max %d; pool: total %d-%d of %d, most active %d, "
                        + "most waiting %d%n", first.pgConnections(), last.pgConnections(),
                soak.stream().mapToLong(Sample::pgConnections).max().orElse(0), first.poolTotal(), last.poolTotal(), probe.poolMax,
                soak.stream().mapToLong(Sample::poolActive).max().orElse(0), soak.stream().mapToLong(Sample::poolPending).max().orElse(0));
        System.out.printf("open files: start %d, end %d, max %d%n", first.fds(), last.fds(), soak.stream().mapToLong(Sample::fds).max().orElse(0));
        System.out.printf("articles: %d at the start of the soak, %d at the end (%d ingested during it, %d behind at the end); "
                + "comments %d, saved %d%n", first.articles(), last.articles(), last.articles() - first.articles(), last.behind(),
                last.comments(), last.saved());

        grown(firstHistogram, probe.histogram);

        List<String> problems = new ArrayList<>();
        if (errors > 0) problems.add(errors + " reader errors");
        if (serverErrors > 0) problems.add(serverErrors + " server errors");
        if (soak.size() >= 5 && slope > 0.05 * maxHeapMb) problems.add(String.format("heap after GC grows %.1f MB per 10 min", slope));
        if (last.threads() > first.threads() + 50) problems.add("live threads grew by " + (last.threads() - first.threads()));
        if (samples.stream().anyMatch(s -> s.pgConnections() > probe.poolMax)) problems.add("more connections than the pool holds");
        if (last.poolPending() > 0 && last.poolActive() >= probe.poolMax) problems.add("the pool is exhausted at the end");
        if (last.fds() > first.fds() + 100) problems.add("open files grew by " + (last.fds() - first.fds()));
        System.out.println(problems.isEmpty() ? "PASSED: no error, no leak" : "FAILED: " + String.join("; ", problems));
        return problems.isEmpty() ? 0 : 1;
    }

    /** The classes whose live objects grew most in bytes during the soak: where to look first when the heap grows. */
    private static void grown(Map<String, Long> start, Map<String, Long> end) {
        System.out.println("live bytes by class, most grown since the start of the soak:");
        end.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue() - start.getOrDefault(e.getKey(), 0L)))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
                .forEach(e -> System.out.printf("  %+10.1f kB  %s (%.1f MB at the end)%n", e.getValue() / 1024.0, e.getKey(),
                        end.get(e.getKey()) / (1024.0 * 1024)));
    }

    /** Least squares over the samples: megabytes per 10 minutes. */
    static double slopePerTenMinutes(List<Sample> samples) {
        int n = samples.size();
        if (n < 2) return 0;
        double mx = samples.stream().mapToDouble(Sample::minute).average().orElse(0);
        double my = samples.stream().mapToDouble(Sample::heapMb).average().orElse(0);
        double num = 0, den = 0;
        for (Sample s : samples) {
            num += (s.minute() - mx) * (s.heapMb() - my);
            den += (s.minute() - mx) * (s.minute() - mx);
        }
        return den == 0 ? 0 : 10 * num / den;
    }

    private static double megabytes(String size) {
        char unit = Character.toLowerCase(size.charAt(size.length() - 1));
        double n = Double.parseDouble(Character.isDigit(unit) ? size : size.substring(0, size.length() - 1));
        return switch (unit) {
            case 'g' -> n * 1024;
            case 'm' -> n;
            case 'k' -> n / 1024;
            default -> n / (1024 * 1024);
        };
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** Looks at the server process from outside: jcmd, its metrics, /proc, PostgreSQL, its log. */
    private static final class Probe {

        private static final Pattern METRIC = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? ([^ ]+)");
        private static final Pattern EVENT = Pattern.compile(" event=([^ ]+)");
        private static final Pattern HISTOGRAM_ROW = Pattern.compile("\\s*\\d+:\\s+\\d+\\s+(\\d+)\\s+(.+)");
        private static final Pattern HISTOGRAM_TOTAL = Pattern.compile("Total\\s+\\d+\\s+(\\d+)\\s*");

        private final ServerProcess server;
        private final String token;
        private final JdbcClient jdbc;
        private final String application;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        private long logPosition;
        private final StringBuilder partialLine = new StringBuilder();
        private final List<String> fresh = new ArrayList<>();
        long errorLines, warnLines, otherLines, otherExceptions, poolMax;
        /** Bytes alive by class at the latest sample. */
        Map<String, Long> histogram = Map.of();
        final Map<String, Long> warnEvents = new TreeMap<>();

        Probe(ServerProcess server, String token, JdbcClient jdbc, String application) {
            this.server = server;
            this.token = token;
            this.jdbc = jdbc;
            this.application = application;
        }

        Sample sample(double minute, ReaderLoad.Window window) throws Exception {
            long live = liveHeap();
            Map<String, Double> metrics = metrics();
            poolMax = metrics.getOrDefault("hikaricp_connections_max", 0.0).longValue();
            long pg = jdbc.sql("SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = :a").param("a", application)
                    .query(Long.class).single();
            long articles = jdbc.sql("SELECT COUNT(*) FROM article").query(Long.class).single();
            long behind = jdbc.sql("SELECT COUNT(*) FROM article WHERE stage <> 'done'").query(Long.class).single();
            long comments = jdbc.sql("SELECT COUNT(*) FROM comment").query(Long.class).single();
            long saved = jdbc.sql("SELECT COUNT(*) FROM saved_article").query(Long.class).single();
            long fds;
            try (Stream<Path> open = Files.list(Path.of("/proc", Long.toString(server.pid()), "fd"))) {
                fds = open.count();
            }
            long osThreads = Files.readAllLines(Path.of("/proc", Long.toString(server.pid()), "status")).stream()
                    .filter(l -> l.startsWith("Threads:")).mapToLong(l -> Long.parseLong(l.substring(8).strip())).findFirst()
                    .orElse(0);
            readLog();
            return new Sample(minute, live / (1024.0 * 1024),
                    metrics.getOrDefault("jvm_threads_live_threads", 0.0).longValue(), osThreads,
                    metrics.getOrDefault("hikaricp_connections_active", 0.0).longValue(),
                    metrics.getOrDefault("hikaricp_connections", 0.0).longValue(),
                    metrics.getOrDefault("hikaricp_connections_pending", 0.0).longValue(), pg, fds, articles, behind, comments,
                    saved, window, errorLines + otherExceptions, Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        }

        /**
         * The bytes of the objects alive on the server's heap: {@code jcmd PID GC.class_histogram} collects the whole
         * heap first and then counts what survived, at one moment (the heap in use read a little after a collection
         * would also count what the server allocated since). The histogram by class is kept, for what grew.
         */
        private long liveHeap() throws Exception {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(server.pid()), "GC.class_histogram").redirectErrorStream(true).start();
            String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (jcmd.waitFor() != 0) throw new IllegalStateException("jcmd GC.class_histogram: " + out);
            Map<String, Long> byClass = new TreeMap<>();
            long total = -1;
            for (String line : out.lines().toList()) {
                Matcher row = HISTOGRAM_ROW.matcher(line);
                Matcher sum = HISTOGRAM_TOTAL.matcher(line);
                if (row.matches()) byClass.merge(row.group(2).strip(), Long.parseLong(row.group(1)), Long::sum);
                else if (sum.matches()) total = Long.parseLong(sum.group(1));
            }
            if (total < 0) throw new IllegalStateException("no total in the class histogram: " + out.lines().limit(5).toList());
            histogram = byClass;
            return total;
        }

        /** The server's log lines at ERROR (and other output naming an exception) read since the previous call. */
        List<String> newErrors() {
            List<String> out = List.copyOf(fresh);
            fresh.clear();
            return out;
        }

        private Map<String, Double> metrics() throws Exception {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.url("/actuator/prometheus")))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) throw new IllegalStateException("metrics: HTTP " + r.statusCode());
            Map<String, Double> values = new TreeMap<>();
            for (String line : r.body().lines().toList()) {
                Matcher m = METRIC.matcher(line);
                if (!m.find()) continue;
                String name = m.group(1), labels = m.group(2) == null ? "" : m.group(2);
                double value = Double.parseDouble(m.group(3));
                if (name.startsWith("hikaricp_") && !labels.contains("pool=\"tidings\"")) continue;
                else values.putIfAbsent(name, value);
            }
            return values;
        }

        private void readLog() throws IOException {
            try (RandomAccessFile file = new RandomAccessFile(server.log().toFile(), "r")) {
                if (file.length() <= logPosition) return;
                file.seek(logPosition);
                byte[] bytes = new byte[(int) (file.length() - logPosition)];
                file.readFully(bytes);
                logPosition += bytes.length;
                partialLine.append(new String(bytes, StandardCharsets.UTF_8));
            }
            int end;
            while ((end = partialLine.indexOf("\n")) >= 0) {
                String line = partialLine.substring(0, end);
                partialLine.delete(0, end + 1);
                if (line.startsWith("time=")) {
                    if (line.contains(" level=ERROR ")) {
                        errorLines++;
                        keep(line);
                    } else if (line.contains(" level=WARN ")) {
                        warnLines++;
                        Matcher event = EVENT.matcher(line);
                        warnEvents.merge(event.find() ? event.group(1) : "(no event)", 1L, Long::sum);
                        if (warnLines <= 20) System.out.println("  server warning: " + cut(line));
                    }
                } else if (!line.isBlank()) {
                    otherLines++;
                    if (line.contains("Exception") || line.contains("Error")) {
                        otherExceptions++;
                        keep(line);
                    } else if (otherLines <= 10) {
                        System.out.println("  server output: " + cut(line));
                    }
                }
            }
        }

        private void keep(String line) {
            if (fresh.size() < 20) fresh.add(cut(line));
        }

        private static String cut(String line) {
            return line.length() <= 400 ? line : line.substring(0, 400) + "…";
        }
    }
}
