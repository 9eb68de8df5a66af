package org.tidings.server.greader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.server.testing.Browser;
import org.tidings.server.testing.TestDatabase;

/**
 * A real feed reader against a real Tidings: Debian's newsboat in its FeedHQ mode, which speaks the Google Reader API
 * ({@code ClientLogin}, {@code subscription/list}, each feed's Atom stream, {@code edit-tag}), with its own
 * configuration and cache in a temporary directory, against a server on 127.0.0.1 whose feeds a fixture publisher on
 * 127.0.0.1 serves. Headless ({@code -x reload print-unread}, {@code -e}) it lists the reader's subscriptions and
 * unread articles; driven through a pseudo-terminal (util-linux {@code script}), the article it marks read is read on
 * the site. Skipped when newsboat is missing, unless {@code TIDINGS_REQUIRE_NEWSBOAT=true} (CI): then it fails.
 */
class NewsboatTest {

    private static final Path NEWSBOAT = Path.of("/usr/bin/newsboat");
    private static final Path SCRIPT = Path.of("/usr/bin/script");

    @TempDir
    static Path home;
    static ReaderServer reader;
    static Browser amina;

    @BeforeAll
    static void start() throws IOException {
        requireNewsboat();
        reader = new ReaderServer(TestDatabase.H2);
        amina = reader.reader("amina@example.org");
        amina.post("/feeds", Map.of("url", reader.feed("/harbour.xml")), "/feeds");
        amina.post("/feeds", Map.of("url", reader.feed("/market.xml")), "/feeds");
        reader.refreshAll();
        String password = ReaderServer.appPassword(amina, "newsboat");
        Files.writeString(home.resolve("config"), String.join("\n",
                "urls-source \"feedhq\"",
                "feedhq-url \"" + reader.server.url("/api/greader") + "\"",
                "feedhq-login \"amina@example.org\"",
                "feedhq-password \"" + password + "\"",
                "feedhq-min-items 50",
                "feedhq-show-special-feeds no",
                "show-read-feeds yes",
                "") + "\n");
        Files.writeString(home.resolve("urls"), "");
    }

    @AfterAll
    static void stop() {
        if (reader != null) reader.close();
    }

    private static void requireNewsboat() {
        if (Files.isExecutable(NEWSBOAT) && Files.isExecutable(SCRIPT)) return;
        String message = "newsboat or script missing (" + NEWSBOAT + ", " + SCRIPT + "): apt-get install newsboat";
        if ("true".equalsIgnoreCase(System.getenv("TIDINGS_REQUIRE_NEWSBOAT"))) throw new IllegalStateException(message);
        Assumptions.abort(message);
    }

    private static List<String> newsboat(String... args) {
        List<String> command = new ArrayList<>(List.of(NEWSBOAT.toString(), "-C", home.resolve("config").toString(),
                "-u", home.resolve("urls").toString(), "-c", home.resolve("cache.db").toString(),
                "-l", "6", "-d", home.resolve("newsboat.log").toString()));
        command.addAll(List.of(args));
        return command;
    }

    private static String run(List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        environment(builder);
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("newsboat finished").isTrue();
        assertThat(process.exitValue()).as(out + log()).isZero();
        return out;
    }

    private static void environment(ProcessBuilder builder) {
        builder.environment().put("HOME", home.toString());
        builder.environment().put("XDG_CONFIG_HOME", home.resolve("xdg-config").toString());
        builder.environment().put("XDG_DATA_HOME", home.resolve("xdg-data").toString());
        builder.environment().put("TERM", "xterm");
        builder.environment().put("LANG", "C.UTF-8");
        builder.environment().put("COLUMNS", "120");
        builder.environment().put("LINES", "40");
    }

    private static String log() {
        try {
            String log = Files.readString(home.resolve("newsboat.log"));
            return "\n--- newsboat log (end) ---\n" + log.substring(Math.max(0, log.length() - 6000));
        } catch (IOException e) {
            return "";
        }
    }

    private long unreadOnTheSite() {
        return reader.jdbc().sql("""
                SELECT COUNT(*) FROM subscription sub JOIN article a ON a.source_id = sub.source_id
                WHERE sub.account_id = :a AND NOT EXISTS (SELECT 1 FROM article_read r WHERE r.account_id = :a AND r.article_id = a.id)""")
                .param("a", reader.accountId("amina@example.org")).query(Long.class).single();
    }

    @Test
    void newsboatListsTheSubscriptionsAndUnreadArticlesAndWhatItMarksReadIsReadOnTheSite() throws Exception {
        // on the site, first: one article read there must be read in newsboat too
        long read = reader.jdbc().sql("SELECT MIN(a.id) FROM article a JOIN source s ON s.id = a.source_id WHERE s.feed_url = :u")
                .param("u", reader.feed("/market.xml")).query(Long.class).single();
        assertThat(amina.get("/article/" + read).statusCode()).isEqualTo(200);
        assertThat(unreadOnTheSite()).isEqualTo(4);

        String printed = run(newsboat("-x", "reload", "print-unread"));
        assertThat(printed).as(log()).contains("4 unread articles");
        String opml = run(newsboat("-e"));
        assertThat(opml).as(opml + log()).contains("Harbour Gazette", "Market Weekly");

        // through a terminal, as a reader uses it: open the first feed, mark its first article read, quit
        ProcessBuilder builder = new ProcessBuilder(SCRIPT.toString(), "-qfec",
                String.join(" ", newsboat().stream().map(a -> "'" + a + "'").toList()), "/dev/null").redirectErrorStream(true);
        environment(builder);
        Process process = builder.start();
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        Thread.ofVirtual().start(() -> copy(process.getInputStream(), screen));
        OutputStream keys = process.getOutputStream();
        try {
            await(() -> screen.toString(StandardCharsets.UTF_8).contains("Harbour Gazette"), screen);
            type(keys, "\r");
            await(() -> screen.toString(StandardCharsets.UTF_8).contains("The harbour wall holds"), screen);
            type(keys, "N");
            await(() -> unreadOnTheSite() == 3, screen);
            type(keys, "Q");
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        } finally {
            process.destroyForcibly();
        }
        assertThat(reader.jdbc().sql("""
                SELECT a.title FROM article_read r JOIN article a ON a.id = r.article_id
                WHERE r.account_id = :a ORDER BY a.title""").param("a", reader.accountId("amina@example.org")).query(String.class).list())
                .hasSize(2).contains("Fish prices rise after the storm");
        assertThat(run(newsboat("-x", "reload", "print-unread"))).contains("3 unread articles");
    }

    private static void type(OutputStream keys, String text) throws IOException {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                synchronized (out) {
                    out.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    private static void await(BooleanSupplier condition, ByteArrayOutputStream screen) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("newsboat did not get there; its screen:\n" + screen.toString(StandardCharsets.UTF_8) + log());
            }
            Thread.sleep(100);
        }
    }
}
