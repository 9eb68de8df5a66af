package org.tidings.server.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tidings.server.testing.Browser;
import org.tidings.server.testing.RunningServer;
import org.tidings.server.testing.ServerProcess;
import org.tidings.server.testing.TestDatabase;

/**
 * Readers' sessions are kept in the database: a server process that is killed and started again, or another process on
 * the same PostgreSQL, serves a signed-in reader as the process that signed them in did; expired sessions are deleted.
 */
class SharedSessionsTest {

    private static final String PASSWORD = "tidal pools at dawn";

    @TempDir
    Path data;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aReaderStaysSignedInWhenTheServerIsKilledAndStartedAgain(TestDatabase db) throws Exception {
        String[] database = db.serverArguments(); // one database for both runs
        String email = email();
        Browser reader;
        String csrf;
        try (ServerProcess first = ServerProcess.start(data, database)) {
            reader = first.browser();
            assertThat(signUp(reader, email, "Nadia").statusCode()).isEqualTo(302);
            HttpResponse<String> account = reader.get("/account");
            assertThat(account.body()).contains("Nadia", email);
            csrf = Browser.csrfToken(account.body());
        } // SIGKILL: nothing of the session is in this process's memory any more
        try (ServerProcess second = ServerProcess.start(data, database)) {
            Browser same = reader.at(second.url(""));
            HttpResponse<String> account = same.get("/account");
            assertThat(account.statusCode()).as("still signed in").isEqualTo(200);
            assertThat(account.body()).contains("Nadia", email);
            // the CSRF token is the session's too: a form the reader loaded before the restart is still accepted
            HttpResponse<String> out = same.post("/logout", Map.of("_csrf", csrf), null);
            assertThat(out.statusCode()).isEqualTo(302);
            assertThat(out.headers().firstValue("Location").orElse("")).doesNotContain("/login");
            assertThat(same.get("/account").statusCode()).as("signed out").isEqualTo(302);
        }
    }

    @Test
    void twoProcessesOnOnePostgresServeTheSameSignedInReader() throws Exception {
        String[] database = TestDatabase.POSTGRES.serverArguments();
        String email = email();
        try (ServerProcess a = ServerProcess.start(data.resolve("a"), database);
                ServerProcess b = ServerProcess.start(data.resolve("b"), database)) {
            Browser onA = a.browser();
            assertThat(signUp(onA, email, "Tomas").statusCode()).isEqualTo(302);
            Browser onB = onA.at(b.url(""));
            HttpResponse<String> account = onB.get("/account");
            assertThat(account.statusCode()).as("signed in through the other process").isEqualTo(200);
            assertThat(account.body()).contains("Tomas", email);
            // signing out through one process signs the reader out of both
            assertThat(onB.post("/logout", Map.of(), "/account").statusCode()).isEqualTo(302);
            assertThat(onA.get("/account").statusCode()).isEqualTo(302);
            // and signing in through one process is a session the other knows
            assertThat(signIn(onB, email).statusCode()).isEqualTo(302);
            assertThat(onA.get("/account").body()).contains("Tomas", email);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anExpiredSessionIsDeletedAndItsReaderSignedOut(TestDatabase db) {
        try (RunningServer server = RunningServer.start(data, db.serverArguments("--server.servlet.session.timeout=2s",
                "--spring.session.jdbc.cleanup-cron=* * * * * *"))) {
            JdbcClient sql = server.bean(JdbcClient.class);
            Browser reader = server.browser();
            String email = email();
            assertThat(signUp(reader, email, "Ines").statusCode()).isEqualTo(302);
            assertThat(sessionsOf(sql, email)).isEqualTo(1);
            await().atMost(Duration.ofSeconds(15)).until(() -> sessionsOf(sql, email) == 0);
            assertThat(sql.sql("SELECT COUNT(*) FROM spring_session_attributes").query(Long.class).single())
                    .as("its attributes went with it").isZero();
            assertThat(reader.get("/account").statusCode()).isEqualTo(302);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void signingOutEverywhereEndsEverySessionOfTheReaderAndNoOneElses(TestDatabase db) {
        try (RunningServer server = RunningServer.start(data, db.serverArguments())) {
            JdbcClient sql = server.bean(JdbcClient.class);
            String email = email(), other = email();
            Browser phone = server.browser(), laptop = server.browser(), neighbour = server.browser();
            assertThat(signUp(phone, email, "Ines").statusCode()).isEqualTo(302);
            assertThat(signIn(laptop, email).statusCode()).isEqualTo(302);
            assertThat(signUp(neighbour, other, "Omar").statusCode()).isEqualTo(302);
            assertThat(sessionsOf(sql, email)).isEqualTo(2);
            assertThat(laptop.get("/account").body()).contains("Sign out everywhere");

            HttpResponse<String> out = laptop.post("/account/sign-out-everywhere", Map.of(), "/account");
            assertThat(out.headers().firstValue("Location").orElse("")).endsWith("/login");
            assertThat(laptop.get("/login").body()).contains("You are signed out everywhere, on every device.");
            assertThat(phone.get("/account").statusCode()).as("the other device too").isEqualTo(302);
            assertThat(laptop.get("/account").statusCode()).isEqualTo(302);
            assertThat(sessionsOf(sql, email)).isZero();
            assertThat(neighbour.get("/account").statusCode()).as("another reader stays signed in").isEqualTo(200);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void keepMeSignedInKeepsTheSessionThirtyDaysOnlyWhenTheReaderAsks(TestDatabase db) {
        try (RunningServer server = RunningServer.start(data, db.serverArguments("--server.servlet.session.timeout=2s",
                "--spring.session.jdbc.cleanup-cron=* * * * * *"))) {
            JdbcClient sql = server.bean(JdbcClient.class);
            String email = email();
            assertThat(signUp(server.browser(), email, "Lena").statusCode()).isEqualTo(302);
            assertThat(server.browser().get("/login").body()).contains("Keep me signed in for 30 days");

            Browser kept = server.browser(), brief = server.browser();
            HttpResponse<String> keptIn = kept.post("/login",
                    Map.of("username", email, "password", PASSWORD, "remember-me", "on"), "/login");
            HttpResponse<String> briefIn = signIn(brief, email);
            // Spring Session keeps the cookie (browsers cap it at 400 days); the session in the database ends the reader's stay
            assertThat(sessionCookie(keptIn)).as("a cookie that outlives the browser").containsIgnoringCase("Max-Age=");
            assertThat(sessionCookie(briefIn)).as("a cookie that ends with the browser").doesNotContainIgnoringCase("Max-Age");
            assertThat(sql.sql("SELECT max_inactive_interval FROM spring_session s JOIN account a ON a.username = s.principal_name"
                    + " WHERE a.email = :e ORDER BY max_inactive_interval DESC").param("e", email).query(Integer.class).list())
                    .startsWith(30 * 24 * 3600).endsWith(2);

            // the brief session ends with the server's timeout; the kept one does not, and is listed on the account page
            // (watched in the database: asking for a page would keep the brief session alive)
            await().atMost(Duration.ofSeconds(15)).until(() -> sessionsOf(sql, email) == 1);
            assertThat(brief.get("/account").statusCode()).isEqualTo(302);
            HttpResponse<String> account = kept.get("/account");
            assertThat(account.statusCode()).isEqualTo(200);
            assertThat(account.body()).contains("Kept signed in until");

            // and it is revocable: signing out everywhere ends it too
            kept.post("/account/sign-out-everywhere", Map.of(), "/account");
            assertThat(kept.get("/account").statusCode()).isEqualTo(302);
            assertThat(sessionsOf(sql, email)).isZero();
        }
    }

    @Test
    void aReaderEndsTheSessionOfALostPhoneFromTheAccountPage() {
        try (RunningServer server = RunningServer.start(data, TestDatabase.H2.serverArguments())) {
            String email = email(), other = email();
            Browser phone = server.browser(), laptop = server.browser(), neighbour = server.browser();
            assertThat(signUp(phone, email, "Ines").statusCode()).isEqualTo(302);
            assertThat(signIn(laptop, email).statusCode()).isEqualTo(302);
            assertThat(signUp(neighbour, other, "Omar").statusCode()).isEqualTo(302);

            String page = laptop.get("/account").body();
            assertThat(page.indexOf("This browser")).as("this browser first").isPositive()
                    .isLessThan(page.indexOf("Another browser or device"));
            Matcher handle = Pattern.compile("name=\"session\" value=\"([0-9a-f]{16})\"").matcher(page);
            assertThat(handle.find()).as("one other session to end").isTrue();
            String phoneHandle = handle.group(1);
            assertThat(handle.find()).as("only the reader's own other session").isFalse();

            // another reader cannot end it, even knowing its handle
            neighbour.post("/account/sessions/end", Map.of("session", phoneHandle), "/account");
            assertThat(phone.get("/account").statusCode()).isEqualTo(200);

            HttpResponse<String> ended = laptop.post("/account/sessions/end", Map.of("session", phoneHandle), "/account");
            assertThat(ended.headers().firstValue("Location").orElse("")).endsWith("/account");
            assertThat(laptop.get("/account").body()).contains("That browser is signed out.").doesNotContain("Another browser");
            assertThat(phone.get("/account").statusCode()).as("the phone is signed out").isEqualTo(302);
            assertThat(neighbour.get("/account").statusCode()).isEqualTo(200);
        }
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).reduce((a, b) -> b)
                .orElseThrow();
    }

    private static long sessionsOf(JdbcClient sql, String email) {
        return sql.sql("SELECT COUNT(*) FROM spring_session s JOIN account a ON a.username = s.principal_name WHERE a.email = :e")
                .param("e", email).query(Long.class).single();
    }

    private static String email() {
        return "reader-" + UUID.randomUUID() + "@example.test";
    }

    private static HttpResponse<String> signUp(Browser b, String email, String name) {
        return b.post("/signup", Map.of("email", email, "displayName", name, "password", PASSWORD), "/signup");
    }

    private static HttpResponse<String> signIn(Browser b, String email) {
        return b.post("/login", Map.of("username", email, "password", PASSWORD), "/login");
    }
}
