package org.tidings.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tidings.server.store.SourceSettings;
import org.tidings.server.store.SourceStore;
import org.tidings.server.testing.Browser;
import org.tidings.server.testing.FixtureServer;
import org.tidings.server.testing.OnEachDatabase;
import org.tidings.server.testing.ServerProcess;
import org.tidings.server.testing.TestDatabase;

/**
 * An operator's first start, as {@code ./tidings serve} runs it, on a machine whose sources cannot be reached (their
 * server is down): the generated administrator password in a framed block at the end of start-up, after the feed
 * failures; signing in with it once, choosing a new one before any other page; the banner that says most sources fail
 * and what to check.
 */
@OnEachDatabase
class FirstRunTest {

    @Parameter
    TestDatabase db;

    @TempDir
    Path dir;

    static final String OWN_PASSWORD = "harbour lights at midnight";
    static final int SOURCES = 4;

    @Test
    void theGeneratedPasswordStandsOutWorksOnceAndIsReplacedAtTheFirstSignIn() throws Exception {
        TestDatabase.Fresh database = db == TestDatabase.H2
                ? new TestDatabase.Fresh("jdbc:h2:file:" + dir.resolve("db").resolve("tidings").toAbsolutePath()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "")
                : db.create();
        String downFeed = FixtureServer.stopped("/feed.xml");
        SourceStore sources = new SourceStore(JdbcClient.create(migrated(database)), Clock.systemUTC());
        for (int i = 1; i <= SOURCES; i++) {
            sources.add(new SourceSettings(downFeed + "?feed=" + i, "Closed Gazette " + i, null, "en", "uk", "world", false, true),
                    Duration.ofMinutes(30));
        }

        Path dataDir = dir.resolve("data");
        try (ServerProcess server = ServerProcess.start(dataDir, List.of(
                        List.of("--tidings.admin.password=", "--tidings.scheduler.tick=200ms"),
                        List.of(database.serverArguments())).stream().flatMap(List::stream).toArray(String[]::new))) {
            server.awaitLog(Pattern.compile("One-time password: "), Duration.ofSeconds(60));
            String log = Files.readString(server.log(), StandardCharsets.UTF_8);
            Matcher shown = Pattern.compile("\\| {4}One-time password: +([A-Za-z0-9]{20}) +\\|").matcher(log);
            assertThat(shown.find()).as("the password in the framed block:\n" + log).isTrue();
            String password = shown.group(1);
            int block = log.lastIndexOf("\n+=====", shown.start());
            assertThat(block).as("a frame above the password").isPositive();
            assertThat(log.indexOf("\n+=====", shown.end())).as("a frame below the password").isPositive();
            assertThat(log.substring(block, shown.start())).contains("Sign in as its administrator at", server.url("/login"));
            assertThat(log.substring(block)).contains("User name:          admin").doesNotContain("feed_failed");
            assertThat(countOf(log.substring(0, block), "feed_failed"))
                    .as("the block comes after the first fetch of every source has failed").isEqualTo(SOURCES);
            assertThat(log.lines().filter(l -> !l.startsWith("|")).filter(l -> l.contains(password)))
                    .as("the password is in the block only, not in a log line").isEmpty();

            Browser admin = server.browser();
            admin.signIn("admin", password);
            for (String page : List.of("/admin/sources", "/", "/account", "/moderation")) {
                var led = admin.get(page);
                assertThat(led.statusCode()).as(page).isEqualTo(302);
                assertThat(led.headers().firstValue("Location")).as(page).hasValue("/account/choose-password");
            }
            assertThat(admin.get("/static/app.css").statusCode()).isEqualTo(200);
            var refused = admin.post("/admin/sources", Map.of("feedUrl", "http://127.0.0.1:9/x"), "/account/choose-password");
            assertThat(refused.headers().firstValue("Location")).hasValue("/account/choose-password");
            assertThat(admin.get("/account/choose-password").body()).contains("Choose your password", "one-time password");

            var weak = admin.post("/account/choose-password", Map.of("password", "password123"), "/account/choose-password");
            assertThat(weak.statusCode()).isEqualTo(400);
            assertThat(weak.body()).contains("among the most common");
            var same = admin.post("/account/choose-password", Map.of("password", password), "/account/choose-password");
            assertThat(same.statusCode()).isEqualTo(400);
            assertThat(same.body()).contains("other than the one-time password");
            var chosen = admin.post("/account/choose-password", Map.of("password", OWN_PASSWORD), "/account/choose-password");
            assertThat(chosen.statusCode()).isEqualTo(302);
            assertThat(chosen.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/admin/sources"));

            String sourcesPage = admin.get("/admin/sources").body();
            assertThat(sourcesPage).contains("Your password is saved", SOURCES + " of the " + SOURCES
                    + " enabled sources failed at their last fetch", "it resolves names (DNS)", "a proxy");
            String home = admin.get("/").body();
            assertThat(home).contains("enabled sources failed", "Most of their feeds fail at the moment")
                    .doesNotContain("Whether their feeds answer");
            assertThat(admin.get("/?lang=ar").body()).contains("فشل " + SOURCES + " من " + SOURCES, "(DNS)");
            assertThat(server.browser().get("/").body()).as("readers do not see the operator's banner")
                    .doesNotContain("enabled sources failed", "fetch-trouble");

            Browser again = server.browser();
            var oneTime = again.post("/login", Map.of("username", "admin", "password", password), "/login");
            assertThat(oneTime.headers().firstValue("Location")).as("the one-time password works no more")
                    .hasValueSatisfying(l -> assertThat(l).contains("/login?error"));
            again.signIn("admin", OWN_PASSWORD);
            assertThat(again.get("/admin/sources").statusCode()).as("the new password is the account's own: no more detour")
                    .isEqualTo(200);
        }
    }


    private static DataSource migrated(TestDatabase.Fresh database) {
        DataSource ds = database.dataSource();
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        return ds;
    }

    private static int countOf(String text, String word) {
        int n = 0;
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) n++;
        return n;
    }
}
