package org.tidings.server.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.tidings.server.backup.BackupManifest;
import org.tidings.server.backup.BackupRequests;
import org.tidings.server.backup.Restore;
import org.tidings.server.search.SearchIndex;
import org.tidings.server.search.SearchIndexer;
import org.tidings.server.testing.RunningServer;

/**
 * Backup and restore of a large embedded database: {@code bench/run server org.tidings.server.bench.BackupBenchmark
 * [ARTICLES] [ACCOUNTS] [COMMENTS]} (100,000, 1,000, 20,000). Seeds the articles as {@link SiteBenchmark} does, readers
 * and their comments, indexes everything, then times a backup of the running server (the request {@code ./tidings
 * backup} sends), a restore into an empty data directory ({@code ./tidings restore}), and checks that a server on the
 * restored data directory holds the same articles, comments and accounts, and searches the articles.
 */
public final class BackupBenchmark {

    public static void main(String[] args) throws Exception {
        int articles = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int accounts = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int comments = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        Path work = Files.createTempDirectory("tidings-backup-bench");
        Path data = work.resolve("data");
        Path backup = work.resolve("backup");
        Path restored = work.resolve("restored");
        // the backup's own line says where its time went (event=backup_taken index_seconds=... database_seconds=...)
        String[] settings = {"--tidings.scheduler.enabled=false", "--logging.level.root=WARN", "--logging.level.org.tidings.server.backup=INFO"};
        String articlesBefore;
        String commentsBefore;
        String accountsBefore;
        try (RunningServer server = RunningServer.start(data, settings)) {
            long t0 = System.nanoTime();
            SiteBenchmark.seed(server, articles);
            seedReaders(server, accounts, comments, articles);
            System.out.printf("seeded %,d articles, %,d accounts, %,d comments in %.1f s%n", articles, accounts, comments, seconds(t0));
            t0 = System.nanoTime();
            SearchIndexer indexer = server.bean(SearchIndexer.class);
            while (indexer.catchUp() > 0) {
                // until a round finds nothing new
            }
            System.out.printf("indexed %,d articles in %.1f s%n", server.bean(SearchIndex.class).size(), seconds(t0));
            JdbcClient sql = server.bean(JdbcClient.class);
            sql.sql("CHECKPOINT").update();
            articlesBefore = digest(sql, "SELECT id || ' ' || title FROM article ORDER BY id");
            commentsBefore = digest(sql, "SELECT id || ' ' || article_id || ' ' || body FROM comment ORDER BY id");
            accountsBefore = digest(sql, "SELECT id || ' ' || username || ' ' || password_hash FROM account ORDER BY id");
            System.out.printf("data directory: database %.1f MB, search index %.1f MB%n", size(data.resolve("db")) / 1e6,
                    size(data.resolve("search")) / 1e6);

            t0 = System.nanoTime();
            BackupManifest manifest = BackupRequests.ask(data, backup).orElseThrow(() -> new IllegalStateException("no server answered"));
            System.out.printf("backup of the running server: %.1f s; %s; database.zip %.1f MB, search/ %.1f MB%n", seconds(t0),
                    manifest.describe(), Files.size(backup.resolve("database.zip")) / 1e6, size(backup.resolve("search")) / 1e6);
        }

        long t0 = System.nanoTime();
        BackupManifest manifest = Restore.restore(backup, restored);
        System.out.printf("restore into an empty data directory: %.1f s (%s)%n", seconds(t0), manifest.describe());

        t0 = System.nanoTime();
        try (RunningServer again = RunningServer.start(restored, settings)) {
            System.out.printf("restored server started in %.1f s%n", seconds(t0));
            JdbcClient sql = again.bean(JdbcClient.class);
            check("articles", articlesBefore, digest(sql, "SELECT id || ' ' || title FROM article ORDER BY id"));
            check("comments", commentsBefore, digest(sql, "SELECT id || ' ' || article_id || ' ' || body FROM comment ORDER BY id"));
            check("accounts", accountsBefore, digest(sql, "SELECT id || ' ' || username || ' ' || password_hash FROM account ORDER BY id"));
            long listed = sql.sql("SELECT COUNT(*) FROM article WHERE duplicate_of IS NULL").query(Long.class).single();
            int indexed = again.bean(SearchIndex.class).size();
            if (indexed != listed) throw new AssertionError("the restored index holds " + indexed + " articles, not " + listed);
            long newest = sql.sql("SELECT MAX(id) FROM article").query(Long.class).single();
            String title = sql.sql("SELECT title FROM article WHERE id = :id").param("id", newest).query(String.class).single();
            String page = again.get("/article/" + newest).body();
            if (!page.contains(title.substring(title.indexOf(':') + 2))) throw new AssertionError("article page without its title");
            String story = title.substring("Story ".length(), title.indexOf(':'));
            List<Long> reports = sql.sql("SELECT id FROM article WHERE story_id = :s").param("s", Long.parseLong(story)).query(Long.class).list();
            String found = again.get("/search?q=" + java.net.URLEncoder.encode("\"Story " + story + "\"", java.nio.charset.StandardCharsets.UTF_8)).body();
            if (reports.stream().noneMatch(id -> found.contains("/article/" + id + "\""))) {
                throw new AssertionError("search does not find the newest story's reports");
            }
            System.out.printf("restored site: the same %,d articles, %,d comments and %,d accounts; %,d articles in its search index,"
                    + " which finds the newest%n", manifest.contents().articles(), manifest.contents().comments(),
                    manifest.contents().accounts(), indexed);
        }
        System.out.println("load: " + new String(new ProcessBuilder("uptime").start().getInputStream().readAllBytes()).strip());
        org.springframework.util.FileSystemUtils.deleteRecursively(work);
    }

    /** Readers (one password hash shared: hashing each would time Argon2, not the backup) and their comments. */
    private static void seedReaders(RunningServer server, int accounts, int comments, int articles) throws Exception {
        String hash = server.bean(PasswordEncoder.class).encode("a long enough passphrase 42");
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = server.bean(DataSource.class).getConnection()) {
            c.setAutoCommit(false);
            long firstAccount;
            try (PreparedStatement a = c.prepareStatement("""
                    INSERT INTO account (username, password_hash, role, created_at, email, display_name) VALUES (?, ?, 'READER', ?, ?, ?)""")) {
                for (int i = 0; i < accounts; i++) {
                    String email = "reader-" + i + "@example.test";
                    a.setString(1, email);
                    a.setString(2, hash);
                    a.setTimestamp(3, now);
                    a.setString(4, email);
                    a.setString(5, "Reader " + i);
                    a.addBatch();
                }
                a.executeBatch();
            }
            try (var rs = c.createStatement().executeQuery("SELECT MIN(id) FROM account WHERE role = 'READER'")) {
                rs.next();
                firstAccount = rs.getLong(1);
            }
            try (PreparedStatement m = c.prepareStatement("""
                    INSERT INTO comment (article_id, author_id, body, status, created_at) VALUES (?, ?, ?, 'visible', ?)""")) {
                for (int i = 0; i < comments; i++) {
                    m.setLong(1, 1 + (long) i * 7919 % articles);
                    m.setLong(2, firstAccount + i % Math.max(1, accounts));
                    m.setString(3, "Comment " + i + ": the minister's figures do not add up, and the summit changed nothing.");
                    m.setTimestamp(4, now);
                    m.addBatch();
                    if (i % 1000 == 999) m.executeBatch();
                }
                m.executeBatch();
            }
            c.commit();
        }
    }

    private static void check(String what, String before, String after) {
        if (!before.equals(after)) throw new AssertionError("the restored " + what + " differ from the backed-up ones");
    }

    /** SHA-256 over the rows of a query, one per line. */
    private static String digest(JdbcClient sql, String query) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        List<String> rows = sql.sql(query).query(String.class).list();
        for (String row : rows) sha.update((row + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return rows.size() + " rows " + HexFormat.of().formatHex(sha.digest());
    }

    private static long size(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
