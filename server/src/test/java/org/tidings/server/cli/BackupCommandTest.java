package org.tidings.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tidings.server.pipeline.Pipeline;
import org.tidings.server.search.SearchIndex;
import org.tidings.server.store.SourceSettings;
import org.tidings.server.store.SourceStore;
import org.tidings.server.testing.Browser;
import org.tidings.server.testing.Feeds;
import org.tidings.server.testing.FixtureServer;
import org.tidings.server.testing.RunningServer;

/**
 * {@code tidings backup} while the server runs, ingests and takes comments, then {@code tidings restore} into an empty
 * data directory: the restored server has the same articles, comments and accounts, and searches the articles.
 */
class BackupCommandTest {

    private static final String PASSWORD = "a long enough passphrase 42";
    private static final String[] PLACES = {"harbour", "quarry", "orchard", "lighthouse", "viaduct", "marshland", "brewery",
            "observatory", "tramway", "windmill"};

    @TempDir
    Path work;

    @Test
    void aBackupTakenWhileTheServerWritesRestoresTheSameArticlesCommentsAndAccounts() throws Exception {
        Path data = work.resolve("data");
        Path backup = work.resolve("backup");
        Path restored = work.resolve("restored");
        Map<Long, String> articlesBefore;
        List<String> commentsBefore = new ArrayList<>();
        List<String> readers = List.of("ines@example.test", "omar@example.test", "yuki@example.test");
        Properties manifest = new Properties();
        try (FixtureServer publisher = new FixtureServer()) {
            List<Feeds.Item> items = new ArrayList<>();
            for (int i = 0; i < 20; i++) items.add(item(publisher, i));
            publisher.serve("/feed.xml", "application/rss+xml", Feeds.rss("County Gazette", items));
            // comments as fast as the test writes them
            try (RunningServer server = RunningServer.start(data, "--tidings.comments.user-burst=100000",
                    "--tidings.comments.user-every=1ms", "--tidings.comments.address-burst=100000", "--tidings.comments.address-every=1ms")) {
                server.bean(SourceStore.class).add(new SourceSettings(publisher.url("/feed.xml"), "County Gazette", null, "en", null,
                        null, false, true), Duration.ofSeconds(1));
                await().atMost(Duration.ofSeconds(30)).until(() -> server.articleCount() == 20);
                await().atMost(Duration.ofSeconds(30)).until(() -> server.get("/search?q=harbour").body().contains("plans: the mayor on Monday, meeting 0"));
                JdbcClient sql = server.bean(JdbcClient.class);
                List<Long> ids = sql.sql("SELECT id FROM article ORDER BY id").query(Long.class).list();
                for (int r = 0; r < readers.size(); r++) {
                    Browser reader = server.browser();
                    assertThat(reader.post("/signup", Map.of("email", readers.get(r), "displayName", "Reader " + r, "password",
                            PASSWORD), "/signup").statusCode()).isEqualTo(302);
                    reader.signIn(readers.get(r), PASSWORD);
                    String text = "Reader " + r + " remembers the old " + PLACES[r];
                    assertThat(comment(reader, ids.get(r), text)).isTrue();
                    commentsBefore.add(text);
                }

                // while the backup is taken: a reader keeps commenting and the publisher's next items are being ingested
                Browser busy = server.browser();
                busy.signIn(readers.getFirst(), PASSWORD);
                AtomicBoolean stop = new AtomicBoolean();
                List<String> commentsDuring = new CopyOnWriteArrayList<>();
                Thread writer = Thread.ofVirtual().start(() -> {
                    for (int n = 0; !stop.get(); n++) {
                        String text = "Written during the backup, number " + n;
                        if (comment(busy, ids.get(5), text)) commentsDuring.add(text);
                        try {
                            Thread.sleep(10);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
                for (int i = 20; i < 60; i++) items.add(item(publisher, i));
                publisher.serve("/feed.xml", "application/rss+xml", Feeds.rss("County Gazette", items));
                server.bean(Pipeline.class).refreshNow();
                await().atMost(Duration.ofSeconds(10)).until(() -> commentsDuring.size() >= 3);
                articlesBefore = titles(sql);
                commentsBefore.addAll(commentsDuring);

                Output backedUp = run("backup", backup.toString(), "--tidings.data-dir=" + data);
                stop.set(true);
                writer.join();
                assertThat(backedUp.status()).as(backedUp.err()).isZero();
                assertThat(backedUp.out()).contains("backed up to " + backup, "articles", "comments", "accounts");
                assertThat(Files.exists(data.resolve("run/backup.sock"))).as("the server listened for the request").isTrue();
                assertThat(commentsDuring).as("comments were confirmed while the backup ran").hasSizeGreaterThan(3);
            }
        }
        try (Reader in = Files.newBufferedReader(backup.resolve("manifest.properties"))) {
            manifest.load(in);
        }
        assertThat(manifest.getProperty("schema.version")).isNotBlank();
        assertThat(manifest.stringPropertyNames()).contains("file.database.zip").anyMatch(k -> k.startsWith("file.search/segments_"));

        Output restoredOut = run("restore", backup.toString(), "--tidings.data-dir=" + restored);
        assertThat(restoredOut.status()).as(restoredOut.err()).isZero();
        assertThat(restoredOut.out()).contains("restored into " + restored, manifest.getProperty("articles") + " articles");

        try (RunningServer again = RunningServer.start(restored, "--tidings.scheduler.enabled=false")) {
            JdbcClient sql = again.bean(JdbcClient.class);
            Map<Long, String> articlesAfter = titles(sql);
            assertThat(articlesAfter).as("every article stored before the backup, unchanged").containsAllEntriesOf(articlesBefore);
            assertThat((long) articlesAfter.size()).isEqualTo(Long.parseLong(manifest.getProperty("articles")));
            List<String> commentsAfter = sql.sql("SELECT body FROM comment").query(String.class).list();
            assertThat(commentsAfter).containsAll(commentsBefore).hasSize(Integer.parseInt(manifest.getProperty("comments")));
            assertThat(sql.sql("SELECT COUNT(*) FROM account").query(Long.class).single())
                    .isEqualTo(Long.parseLong(manifest.getProperty("accounts")));
            for (String reader : readers) again.browser().signIn(reader, PASSWORD);
            again.signInAsAdmin();
            long first = articlesBefore.keySet().stream().min(Long::compare).orElseThrow();
            assertThat(again.get("/article/" + first).body()).contains(articlesBefore.get(first), "Reader 0 remembers the old harbour");

            long listed = sql.sql("SELECT COUNT(*) FROM article WHERE duplicate_of IS NULL").query(Long.class).single();
            await().atMost(Duration.ofSeconds(30)).until(() -> again.bean(SearchIndex.class).size() == listed);
            // the words searched for are marked in the results: the rest of the headline is looked for
            assertThat(again.get("/search?q=harbour").body()).contains("plans: the mayor on Monday, meeting 0");
            assertThat(again.get("/search?q=windmill").body()).contains("plans: the head teacher on Tuesday, meeting 9");
        }

        // with no server running on it, the command opens the data directory itself
        Output stopped = run("backup", work.resolve("backup-of-stopped").toString(), "--tidings.data-dir=" + restored);
        assertThat(stopped.status()).as(stopped.err()).isZero();
        assertThat(stopped.out()).contains(manifest.getProperty("articles") + " articles, " + manifest.getProperty("comments") + " comments, "
                + manifest.getProperty("accounts") + " accounts");
    }

    @Test
    void theHelpListsBackupAndRestore() {
        Output help = run("--help");
        assertThat(help.status()).isZero();
        assertThat(help.out()).contains("backup DIR", "restore DIR", "pg_dump", "pg_restore");
    }

    @Test
    void aPostgreSQLServerIsSentToPgDump() {
        Output refused = run("backup", work.resolve("b").toString(), "--tidings.database.url=jdbc:postgresql://127.0.0.1:5432/test");
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err()).contains("this server's database is PostgreSQL", "pg_dump", "README");
        assertThat(work.resolve("b")).doesNotExist();
    }

    private static Feeds.Item item(FixtureServer publisher, int i) {
        String place = PLACES[i % PLACES.length];
        String[] people = {"the mayor", "a fisherman", "the head teacher", "two cyclists", "the vicar", "a baker", "the coroner"};
        String[] days = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
        // every report different enough not to be taken for a copy of another
        return new Feeds.Item("item-" + i, publisher.url("/news/" + i), "New " + place + " plans: " + people[i % 7] + " on "
                + days[(i / 7) % 7] + ", meeting " + i, "<p>On " + days[(i / 7) % 7] + " " + people[i % 7] + " spoke about the "
                + place + " for the " + (i + 1) + "th time; " + PLACES[(i * 3 + 1) % PLACES.length] + " and "
                + PLACES[(i * 7 + 2) % PLACES.length] + " came up too, with figures from " + (1900 + i * 3) + ".</p>",
                Instant.now().minusSeconds(3600 - i));
    }

    private static boolean comment(Browser as, long article, String text) {
        HttpResponse<String> posted = as.post("/article/" + article + "/comments", Map.of("text", text), "/article/" + article);
        Matcher saved = Pattern.compile("#comment-\\d+$").matcher(posted.headers().firstValue("Location").orElse(""));
        return posted.statusCode() == 302 && saved.find();
    }

    private static Map<Long, String> titles(JdbcClient sql) {
        Map<Long, String> titles = new HashMap<>();
        sql.sql("SELECT id, title FROM article").query(rs -> {
            titles.put(rs.getLong("id"), rs.getString("title"));
        });
        return titles;
    }

    private record Output(int status, String out, String err) {}

    private static Output run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Tidings.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Output(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
