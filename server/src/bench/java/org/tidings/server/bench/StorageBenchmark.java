package org.tidings.server.bench;

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
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tidings.extract.ArticleExtractor;
import org.tidings.extract.ExtractedArticle;
import org.tidings.server.retention.Retention;
import org.tidings.server.search.SearchIndex;
import org.tidings.server.search.SearchIndexer;
import org.tidings.server.store.SourceSettings;
import org.tidings.server.store.SourceStore;
import org.tidings.server.testing.RunningServer;
import org.tidings.server.testing.TestDatabase;

/**
 * Bytes per article on disk, for the README's disk-per-month table: seeds articles as the pipeline leaves them (the
 * texts that {@code ArticleExtractor} takes from the pages of {@code extraction-eval-dev}, in turn, as HTML and as text,
 * their leads and a feed summary, four topics, a digest of eight sentences),
 * measures the database and the search index, then prunes every full text (tidings.retention.full-text) and measures
 * again. The database is compacted before each measure (H2: SHUTDOWN COMPACT on a copy; PostgreSQL: VACUUM FULL).
 *
 * <pre>bench/run server org.tidings.server.bench.StorageBenchmark ../shared/data h2|postgres [articles]</pre>
 */
public final class StorageBenchmark {

    public static void main(String[] args) throws Exception {
        List<ExtractedArticle> texts = texts(Path.of(args[0]).resolve("extraction-eval-dev/pages"));
        String database = args.length > 1 ? args[1] : "h2";
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        Path data = Files.createTempDirectory("tidings-storage-bench");
        List<String> settings = new ArrayList<>(List.of("--tidings.scheduler.enabled=false", "--logging.level.root=WARN",
                "--tidings.retention.full-text=1d", "--tidings.retention.batch=5000"));
        boolean postgres = database.equals("postgres");
        if (postgres) settings.addAll(List.of(TestDatabase.POSTGRES.create().serverArguments()));
        try (RunningServer server = RunningServer.start(data, settings.toArray(String[]::new))) {
            seed(server, count, texts);
            System.out.printf("texts: %d pages, %.0f characters of text on average%n", texts.size(),
                    texts.stream().mapToInt(t -> t.text().length()).average().orElse(0));
            SearchIndexer indexer = server.bean(SearchIndexer.class);
            while (indexer.catchUp() > 0) {
                // until a round finds nothing new
            }
            long index = indexBytes(server);
            long full = databaseBytes(server, data, postgres);
            System.out.printf("%s, %,d articles with full text: database %.0f bytes an article, search index %.0f bytes an article%n",
                    database, count, (double) full / count, (double) index / count);
            Retention.Pruned pruned = server.bean(Retention.class).prune();
            int reindexed = 0;
            for (int written; (written = indexer.catchUp()) > 0; ) reindexed += written; // the index follows the shorter texts
            System.out.printf("%,d articles indexed again with their leads%n", reindexed);
            long lead = databaseBytes(server, data, postgres);
            System.out.printf("%s, %,d full texts pruned: database %.0f bytes an article, search index %.0f bytes an article%n",
                    database, pruned.fullTexts(), (double) lead / count, (double) indexBytes(server) / count);
        }
        System.out.println("load: " + new String(new ProcessBuilder("uptime").start().getInputStream().readAllBytes()).strip());
    }

    /** The search index's size as committed (a copy of its commit: what the writer buffers is not on disk yet). */
    private static long indexBytes(RunningServer server) throws Exception {
        Path copy = Files.createTempDirectory("tidings-storage-index");
        server.bean(SearchIndex.class).copyCommitted(copy);
        return size(copy);
    }

    /** The database's size once compacted: on H2, of a compacted copy of its file (the server keeps the original open). */
    private static long databaseBytes(RunningServer server, Path data, boolean postgres) throws Exception {
        JdbcClient sql = server.bean(JdbcClient.class);
        if (postgres) {
            sql.sql("VACUUM FULL").update();
            return sql.sql("""
                    SELECT SUM(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = current_schema() AND c.relkind = 'r'""").query(Long.class).single();
        }
        Path copy = Files.createTempDirectory("tidings-storage-copy").resolve("copy");
        sql.sql("BACKUP TO '" + copy + ".zip'").update();
        try (var zip = new java.util.zip.ZipInputStream(Files.newInputStream(Path.of(copy + ".zip")))) {
            var entry = zip.getNextEntry();
            Files.copy(zip, Path.of(copy + ".mv.db"));
            if (entry == null) throw new IllegalStateException("empty backup");
        }
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + copy
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "", "")) { // the embedded database's user
            c.createStatement().execute("SHUTDOWN COMPACT");
        } catch (java.sql.SQLException e) {
            if (e.getErrorCode() != 90121) throw e; // 90121: the database closed under this connection, as SHUTDOWN does
        }
        return Files.size(Path.of(copy + ".mv.db"));
    }

    /** Articles as the pipeline leaves them, with their topics and digests, from 40 publishers over the last month. */
    private static void seed(RunningServer server, int count, List<ExtractedArticle> texts) throws Exception {
        SourceStore sources = server.bean(SourceStore.class);
        long[] sourceIds = new long[40];
        for (int s = 0; s < sourceIds.length; s++) {
            sourceIds[s] = sources.add(new SourceSettings("https://publisher" + s + ".example/feed", "Publisher " + s,
                    "https://publisher" + s + ".example/", "en", "gulf", null, true, true), Duration.ofMinutes(15)).id();
        }
        Random random = new Random(42);
        Instant now = Instant.now();
        try (Connection c = server.bean(DataSource.class).getConnection()) {
            c.setAutoCommit(false);
            PreparedStatement a = c.prepareStatement("""
                    INSERT INTO article (id, source_id, entry_key, url, canonical_url, title, summary, body_html, body_text, lead,
                        excerpt, author, image_url, published_at, first_seen_at, content_hash, full_text_status, byline, lang,
                        extracted_at, story_id, clustered_at, section, regions, enriched_at, keywords, stage, changed_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, NULL, ?, ?, ?, ?, 'done', ?, 'en', ?, ?, ?, 'world', 'gulf', ?, ?,
                        'done', ?)""");
            PreparedStatement t = c.prepareStatement("INSERT INTO article_topic (article_id, slug, label, kind) VALUES (?, ?, ?, ?)");
            PreparedStatement d = c.prepareStatement(
                    "INSERT INTO article_digest (article_id, part, sentence, start_at, end_at) VALUES (?, ?, ?, ?, ?)");
            for (int i = 1; i <= count; i++) {
                int source = random.nextInt(sourceIds.length);
                Timestamp published = Timestamp.from(now.minusSeconds(3600 + (long) (count - i) * 30L * 86400 / count));
                String url = "https://publisher" + source + ".example/news/2026/12/" + i + "-" + slug(random);
                ExtractedArticle page = texts.get(i % texts.size());
                String text = page.text();
                String html = page.html();
                String lead = text.substring(0, Math.min(text.length(), 600));
                int p = 1;
                a.setLong(p++, i);
                a.setLong(p++, sourceIds[source]);
                a.setString(p++, url);
                a.setString(p++, url);
                a.setString(p++, url);
                a.setString(p++, sentence(random, 11));
                a.setString(p++, "<p>" + sentence(random, 30) + "</p>");
                a.setString(p++, html);
                a.setString(p++, text);
                a.setString(p++, lead);
                a.setString(p++, "https://publisher" + source + ".example/images/2026/12/" + i + ".jpg");
                a.setTimestamp(p++, published);
                a.setTimestamp(p++, published);
                a.setString(p++, Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong()));
                a.setString(p++, "Reporter " + random.nextInt(300));
                a.setTimestamp(p++, published);
                a.setLong(p++, i - random.nextInt(Math.min(i, 8)));
                a.setTimestamp(p++, published);
                a.setTimestamp(p++, published);
                a.setString(p++, "harbour, quay, shipping, " + slug(random));
                a.setTimestamp(p++, Timestamp.from(now)); // changed now: after the index's watermark, which it follows
                a.addBatch();
                for (int k = 0; k < 4; k++) {
                    int topic = random.nextInt(5000);
                    t.setLong(1, i);
                    t.setString(2, "topic-" + topic + "-" + k);
                    t.setString(3, "Topic " + topic);
                    t.setString(4, "subject");
                    t.addBatch();
                }
                for (int k = 0; k < 8; k++) {
                    d.setLong(1, i);
                    d.setString(2, k < 3 ? "summary" : "key");
                    d.setInt(3, k);
                    d.setInt(4, k * 300);
                    d.setInt(5, k * 300 + 180);
                    d.addBatch();
                }
                if (i % 1000 == 0) {
                    a.executeBatch();
                    t.executeBatch();
                    d.executeBatch();
                    c.commit();
                }
            }
            a.executeBatch();
            t.executeBatch();
            d.executeBatch();
            c.commit();
        }
    }

    private static final String[] WORDS = ("minister said talks would resume after the summit while markets rose on hopes of a "
            + "deal between ports unions and shipping lines as the harbour authority approved a new quay for container "
            + "vessels despite objections from residents fishermen and environmental groups who fear dredging").split(" ");

    private static String sentence(Random random, int words) {
        StringBuilder b = new StringBuilder();
        for (int w = 0; w < words; w++) b.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        return Character.toUpperCase(b.charAt(0)) + b.substring(1) + ".";
    }

    private static String slug(Random random) {
        return WORDS[random.nextInt(WORDS.length)] + "-" + WORDS[random.nextInt(WORDS.length)];
    }

    /** The pages' texts as extraction leaves them: the pages with at least 500 characters of text. */
    private static List<ExtractedArticle> texts(Path pages) throws Exception {
        try (Stream<Path> files = Files.list(pages)) {
            return files.sorted().map(f -> {
                try {
                    return ArticleExtractor.extract(Files.readAllBytes(f), "text/html", "https://publisher.example/" + f.getFileName());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).filter(t -> t.text() != null && t.text().length() >= 500 && t.html() != null).toList();
        }
    }

    private static long size(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
