package org.tidings.server.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.tidings.server.pipeline.CrashRun;
import org.tidings.server.testing.TestDatabase;

/**
 * Crashes, counted: {@code RUNS} runs of {@link CrashRun} on one database, each killing a real server process with
 * SIGKILL in each stage (feed ingest and full text at once, enrichment, the story desk, a search commit) and starting
 * it again; prints every run's tally and the sums. {@code PipelineCrashTest} is one run on each database.
 *
 * <pre>bench/run server org.tidings.server.bench.CrashBenchmark h2 20</pre>
 *
 * The first argument is {@code h2} (the embedded default: a file database) or {@code postgres}
 * (TIDINGS_TEST_PG_URL, default jdbc:postgresql://127.0.0.1:5432/test, a fresh schema per run).
 */
public final class CrashBenchmark {

    public static void main(String[] args) throws Exception {
        TestDatabase db = TestDatabase.valueOf(args.length > 0 ? args[0].toUpperCase() : "H2");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        long kills = 0, published = 0, missing = 0, duplicates = 0, unfinished = 0, unsearchable = 0, confirmed = 0, lost = 0;
        int failed = 0;
        long began = System.nanoTime();
        for (int run = 1; run <= runs; run++) {
            Path work = Files.createTempDirectory("tidings-crash");
            try {
                CrashRun.Tally t = new CrashRun(db, work).run();
                kills += t.kills().size();
                published += t.published();
                missing += t.missing();
                duplicates += t.duplicates();
                unfinished += t.unfinished();
                unsearchable += t.unsearchable();
                confirmed += t.confirmed();
                lost += t.confirmedLost();
                System.out.printf("run %d: %s%n  %s%n", run, t, String.join("\n  ", t.kills()));
            } catch (Exception | AssertionError e) {
                failed++; // a kill that did not fall where it was meant to, or a wait that timed out: not counted
                System.out.printf("run %d failed: %s%n", run, e);
            } finally {
                delete(work);
            }
        }
        System.out.printf("%s: %d runs (%d failed), a kill in each of five stages in each run (%d in all, four processes"
                + " killed per run), in %.0f s%n", db, runs, failed, kills, (System.nanoTime() - began) / 1e9);
        System.out.printf("items published %d, lost %d, stored twice %d; short of a stage %d; not found by search %d;"
                + " confirmed writes %d, lost %d%n", published, missing, duplicates, unfinished, unsearchable, confirmed, lost);
        System.exit(0); // the fresh PostgreSQL schemas are dropped as the JVM ends
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
