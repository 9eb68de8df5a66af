package org.tidings.server.bench;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tidings.server.ingest.Backfill;
import org.tidings.server.store.ArticleStage;
import org.tidings.server.store.ArticleStore;
import org.tidings.server.store.PipelineStore;
import org.tidings.server.testing.TestDatabase;

/**
 * The upgrade to the schema where each stage's result is stored once (V10) on a database of
 * {@code N} articles of the release before: how long the migration holds the database, and how
 * fast the back-fill stage then fills in the articles' text and canonical address, in the batches
 * the pipeline uses. Articles: two or three paragraphs of feed HTML each, a fifth with an extracted
 * page, one in fifty a copy of another's address with tracking parameters.
 *
 * <pre>bench/run server org.tidings.server.bench.BackfillBenchmark h2 100000   # or postgres</pre>
 */
public final class BackfillBenchmark {

    private static final int BATCH = 200;

    public static void main(String[] args) throws Exception {
        String database = args.length > 0 ? args[0] : "h2";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        HikariDataSource ds = new HikariDataSource(); // a pool, as the server has
        if (database.equals("postgres")) {
            TestDatabase.Fresh db = TestDatabase.POSTGRES.create();
            ds.setJdbcUrl(db.url());
            ds.setUsername(db.user());
        } else {
            ds.setJdbcUrl("jdbc:h2:file:" + Files.createTempDirectory("tidings-backfill").resolve("db")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        }
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").target("9").load().migrate();
        long t0 = System.nanoTime();
        fill(ds, n);
        System.out.printf("%s: %,d articles of the release before stored in %.1f s%n", database, n, (System.nanoTime() - t0) / 1e9);

        t0 = System.nanoTime();
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        double migration = (System.nanoTime() - t0) / 1e9;

        JdbcClient jdbc = JdbcClient.create(ds);
        PipelineStore pipeline = new PipelineStore(jdbc, Clock.systemUTC());
        Backfill backfill = new Backfill(new ArticleStore(jdbc, Clock.systemUTC()));
        // each round in one transaction with its claim, as the pipeline's stage runs it
        TransactionTemplate inTransaction = new TransactionTemplate(new DataSourceTransactionManager(ds));
        t0 = System.nanoTime();
        long longest = 0;
        int filled = 0;
        int batch;
        do {
            long b = System.nanoTime();
            batch = inTransaction.execute(status -> pipeline.work(ArticleStage.BACKFILL, BATCH, jobs -> backfill.fill(jobs, ArticleStage.ENRICH)));
            longest = Math.max(longest, System.nanoTime() - b);
            filled += batch;
        } while (batch > 0);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long copies = jdbc.sql("SELECT COUNT(*) FROM article WHERE duplicate_of IS NOT NULL").query(Long.class).single();
        System.out.printf("%s: migrations V10 and V11 %.2f s; back-fill of %,d articles %.1f s (%,.0f articles/s, longest batch of %d %.0f ms), "
                + "%,d copies found by address; java %s, %d cores%n", database, migration, filled, seconds, filled / seconds, BATCH,
                longest / 1e6, copies, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        System.exit(0);
    }

    /** N articles as the release before stored them: feed HTML in content, page HTML in full_html. */
    private static void fill(DataSource ds, int n) throws Exception {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO source (feed_url, name, created_at, next_fetch_at, fetch_interval_seconds)
                    VALUES ('https://publisher.test/feed', 'Publisher', ?, ?, 900)""")) {
                s.setTimestamp(1, now);
                s.setTimestamp(2, now);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO article (source_id, entry_key, url, title, summary, content, published_at, first_seen_at,
                                         content_hash, full_text_status, full_html, changed_at)
                    VALUES ((SELECT MIN(id) FROM source), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (int i = 0; i < n; i++) {
                    boolean copy = i % 50 == 49;
                    String url = "https://publisher.test/news/" + (copy ? i - 1 : i) + (copy ? "?utm_source=rss" : "");
                    String paragraphs = "<p>The council voted on Tuesday to approve the budget for item " + i + ".</p>"
                            + "<p>Work starts in spring and should last two years, officials said.</p>"
                            + (i % 2 == 0 ? "<p>Residents asked about the ferry timetable during the works.</p>" : "");
                    boolean page = i % 5 == 0;
                    s.setString(1, "k" + i);
                    s.setString(2, url);
                    s.setString(3, "Council approves budget, part " + i);
                    s.setString(4, "<p>The council approved the budget for item " + i + ".</p>");
                    s.setString(5, paragraphs);
                    s.setTimestamp(6, now);
                    s.setTimestamp(7, now);
                    s.setString(8, "h" + i);
                    s.setString(9, page ? "done" : null);
                    s.setString(10, page ? "<h2>Budget</h2>" + paragraphs + "<p>A paragraph only the page has.</p>" : null);
                    s.setTimestamp(11, now);
                    s.addBatch();
                    if (i % 1000 == 999) s.executeBatch();
                }
                s.executeBatch();
            }
            c.commit();
        }
    }

    private BackfillBenchmark() {}
}
