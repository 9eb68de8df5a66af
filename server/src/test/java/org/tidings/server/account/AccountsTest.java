package org.tidings.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tidings.server.site.Times;
import org.tidings.server.store.AccountStore;
import org.tidings.server.testing.Browser;
import org.tidings.server.testing.OnEachDatabase;
import org.tidings.server.testing.RunningServer;
import org.tidings.server.testing.TestDatabase;

/**
 * Readers' accounts over real HTTP, on H2 and on PostgreSQL: sign up, sign in by e-mail, change
 * the password, reset it (by e-mail through a local SMTP server, or by the administrator's
 * one-time link), export, delete; and the security rules around them: CSRF, session fixation,
 * throttled and logged sign-in floods, the same answer whether an address has an account or not.
 */
@OnEachDatabase
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountsTest {

    @Parameter
    TestDatabase db;

    static final String PASSWORD = "tidal pools at dawn";
    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);
    /** Spring Session's: a random UUID (122 bits from a SecureRandom), base64 in the cookie. */
    private static final String SESSION_ID = "[A-Za-z0-9+/]{48}";

    /** The event's key-values as its logfmt line has them. */
    static String logfmt(ILoggingEvent e) {
        return e.getKeyValuePairs() == null ? "" : e.getKeyValuePairs().stream().map(kv -> kv.key + "=" + kv.value)
                .collect(java.util.stream.Collectors.joining(" "));
    }

    Path dataDir;
    RunningServer server;
    FakeSmtpServer smtp;

    @BeforeParameterizedClassInvocation
    void start() throws Exception {
        dataDir = java.nio.file.Files.createTempDirectory("tidings-test");
        smtp = new FakeSmtpServer();
        List<String> args = new ArrayList<>(List.of("--tidings.scheduler.enabled=false",
                "--tidings.public-url=http://tidings.test", "--tidings.mail.host=127.0.0.1",
                "--tidings.mail.port=" + smtp.port(), "--tidings.mail.security=none"));
        args.addAll(List.of(db.serverArguments()));
        server = RunningServer.start(dataDir, args.toArray(String[]::new));
    }

    @AfterParameterizedClassInvocation
    void stop() throws Exception {
        if (server != null) server.close();
        org.springframework.util.FileSystemUtils.deleteRecursively(dataDir);
        if (smtp != null) smtp.close();
    }

    /** A browser that appears to come from an address of its own (through the trusted loopback proxy). */
    Browser browser() {
        int n = ADDRESSES.getAndIncrement();
        return server.browser().withHeader("X-Forwarded-For", "10.1." + (n / 250) + "." + (n % 250 + 1));
    }

    static String email() {
        return "reader-" + UUID.randomUUID() + "@example.test";
    }

    HttpResponse<String> signUp(Browser b, String email, String name, String password) {
        return b.post("/signup", Map.of("email", email, "displayName", name, "password", password), "/signup");
    }

    HttpResponse<String> signIn(Browser b, String username, String password) {
        return b.post("/login", Map.of("username", username, "password", password), "/login");
    }

    static boolean signedIn(HttpResponse<String> r) {
        return r.statusCode() == 302 && !r.headers().firstValue("Location").orElse("").contains("/login");
    }

    Browser reader(String email) {
        Browser b = browser();
        assertThat(signUp(b, email, "Nadia", PASSWORD).statusCode()).isEqualTo(302);
        assertThat(signedIn(signIn(b, email, PASSWORD))).isTrue();
        return b;
    }

    JdbcClient jdbc() {
        return server.bean(JdbcClient.class);
    }

    @Test
    void aReaderSignsUpSignsInByEMailInAnyCaseAndSignsOut() {
        String email = email();
        Browser b = browser();
        var created = signUp(b, email, "Nadia", PASSWORD);
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/for-you"));
        assertThat(b.get("/for-you").body()).as("signed in by signing up")
                .contains("Welcome, Nadia: your account is ready and you are signed in.");
        b.post("/logout", Map.of(), "/account");
        var in = signIn(b, email.toUpperCase(java.util.Locale.ROOT), PASSWORD);
        assertThat(signedIn(in)).isTrue();
        assertThat(in.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/for-you"));
        assertThat(b.get("/account").body()).contains("Nadia", email)
                .as("the day the account was made, not \"now\"").contains("Member since</dt><dd><time datetime=\"")
                .contains(Times.date(Instant.now(), Locale.ENGLISH) + "</time>");
        var role = jdbc().sql("SELECT role FROM account WHERE email = :e").param("e", email).query(String.class).single();
        assertThat(role).isEqualTo(Roles.READER);
        b.post("/logout", Map.of(), "/account");
        assertThat(b.get("/account").statusCode()).isEqualTo(302);
    }

    @Test
    void theAdministratorStillSignsInWithTheUserName() {
        Browser admin = browser();
        admin.signInAsAdmin();
        assertThat(admin.get("/admin/accounts").statusCode()).as("a configured password is not one-time: no detour")
                .isEqualTo(200);
        assertThat(jdbc().sql("SELECT must_change_password FROM account WHERE username = 'admin'").query(Boolean.class).single())
                .isFalse();
        assertThat(admin.get("/account/choose-password").headers().firstValue("Location")).hasValue("/account");
        assertThat(admin.get("/for-you").statusCode()).isEqualTo(200); // an administrator is also a reader
        // the last administrator cannot delete the account: the instance would have none
        admin.post("/account/delete", Map.of("password", "correct horse battery staple"), "/account");
        assertThat(admin.get("/account").body()).contains("You are the only administrator");
        assertThat(server.bean(AccountStore.class).existsWithRole(Roles.ADMIN)).isTrue();
    }

    @Test
    void signInFailsAlikeForAnUnknownAddressAndAWrongPassword() {
        String email = email();
        reader(email);
        var wrongPassword = signIn(browser(), email, "not the password at all");
        var unknown = signIn(browser(), email().replace("reader", "stranger"), "not the password at all");
        assertThat(wrongPassword.statusCode()).isEqualTo(302).isEqualTo(unknown.statusCode());
        assertThat(wrongPassword.headers().firstValue("Location")).isEqualTo(unknown.headers().firstValue("Location"));
        Browser one = browser(), other = browser();
        assertThat(withoutPerRequest(one.get("/login?error").body())).isEqualTo(withoutPerRequest(other.get("/login?error").body()));
    }

    @Test
    void weakPasswordsAreRefusedWithAReason() {
        Browser b = browser();
        String email = email();
        var shortOne = signUp(b, email, "Nadia", "short1");
        assertThat(shortOne.statusCode()).isEqualTo(400);
        assertThat(shortOne.body()).contains("at least 10 characters");
        for (String common : List.of("password123", "qwertyuiop", "1234567890", "Sunshine2024!", "aaaaaaaaaaaa")) {
            var refused = signUp(b, email, "Nadia", common);
            assertThat(refused.statusCode()).as(common).isEqualTo(400);
            assertThat(refused.body()).as(common).contains("among the most common");
        }
        assertThat(signUp(b, email, "Nadia", email + "x").body()).contains("must not contain your e-mail");
        assertThat(jdbc().sql("SELECT COUNT(*) FROM account WHERE email = :e").param("e", email).query(Long.class).single()).isZero();
    }

    @Test
    void signingUpWithATakenAddressSendsToSignInWithItAndTellsTheOwnerByMail() throws Exception {
        String email = email();
        Browser first = browser(), second = browser();
        signUp(first, email, "Nadia", PASSWORD);
        int mailsBefore = smtp.received().size();
        var taken = signUp(second, email.toUpperCase(Locale.ROOT), "Impostor", "another long passphrase");
        assertThat(taken.statusCode()).isEqualTo(302);
        assertThat(taken.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        Document login = Jsoup.parse(second.get("/login").body());
        assertThat(login.select("p.notice").text())
                .isEqualTo("This address already has an account: sign in with its password. We have also e-mailed its owner.");
        assertThat(login.select("input[name=username]").val()).as("the address kept, as the account writes it").isEqualTo(email);
        assertThat(second.get("/account").statusCode()).as("not signed in").isEqualTo(302);
        var notice = smtp.awaitMail(mailsBefore + 1, Duration.ofSeconds(10));
        assertThat(notice.to()).isEqualTo(email);
        assertThat(notice.data()).contains("already has an account");
        assertThat(signedIn(signIn(browser(), email, "another long passphrase"))).isFalse();
        assertThat(signedIn(signIn(browser(), email, PASSWORD))).isTrue();
    }

    @Test
    void aReaderChangesThePasswordKnowingTheCurrentOne() {
        String email = email();
        Browser b = reader(email);
        b.post("/account/password", Map.of("current", "not my password", "password", "a brand new phrase"), "/account");
        assertThat(b.get("/account").body()).contains("The password is wrong.");
        b.post("/account/password", Map.of("current", PASSWORD, "password", "a brand new phrase"), "/account");
        assertThat(b.get("/account").body()).contains("Your password has been changed.");
        assertThat(signedIn(signIn(browser(), email, PASSWORD))).isFalse();
        assertThat(signedIn(signIn(browser(), email, "a brand new phrase"))).isTrue();
    }

    @Test
    void aReaderExportsTheirDataAsJson() {
        String email = email();
        Browser b = reader(email);
        var export = b.get("/account/export");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(export.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        assertThat(export.body()).contains("\"email\":\"" + email + "\"", "\"displayName\":\"Nadia\"")
                .doesNotContain("argon2", "password");
    }

    @Test
    void aDeletedAccountCannotSignInAndItsRowStaysAnonymised() {
        String email = email();
        Browser b = reader(email);
        long id = server.bean(AccountStore.class).findByEmail(email).orElseThrow().id();
        Browser elsewhere = browser();
        assertThat(signedIn(signIn(elsewhere, email, PASSWORD))).isTrue();
        b.post("/account/delete", Map.of("password", "wrong password here"), "/account");
        assertThat(server.bean(AccountStore.class).findByEmail(email)).isPresent();
        var deleted = b.post("/account/delete", Map.of("password", PASSWORD), "/account");
        assertThat(deleted.statusCode()).isEqualTo(302);
        assertThat(b.get("/account").statusCode()).isEqualTo(302); // signed out
        var stale = elsewhere.get("/account"); // the account's other session is sent to sign in
        assertThat(stale.statusCode()).isEqualTo(302);
        assertThat(stale.headers().firstValue("Location").orElse("")).endsWith("/login");
        assertThat(signedIn(signIn(browser(), email, PASSWORD))).isFalse();
        var row = server.bean(AccountStore.class).profile(id).orElseThrow();
        assertThat(row.deleted()).isTrue();
        assertThat(row.email()).isNull();
        assertThat(row.displayName()).isNull();
        // the address is free again
        assertThat(signedIn(signIn(reader(email), email, PASSWORD))).isTrue();
    }

    @Test
    void aForgottenPasswordIsResetByAOneTimeLinkSentByMail() throws Exception {
        String email = email();
        reader(email);
        int before = smtp.received().size();
        Browser b = browser();
        var asked = b.post("/reset", Map.of("email", email), "/reset");
        var unknown = browser().post("/reset", Map.of("email", email().replace("reader", "nobody")), "/reset");
        assertThat(asked.statusCode()).isEqualTo(200).isEqualTo(unknown.statusCode());
        assertThat(withoutPerRequest(asked.body())).isEqualTo(withoutPerRequest(unknown.body()));
        var mail = smtp.awaitMail(before + 1, Duration.ofSeconds(10));
        assertThat(mail.to()).isEqualTo(email);
        String token = token(mail.data());
        var stored = jdbc().sql("SELECT token_hash FROM password_reset").query(String.class).list();
        assertThat(stored).doesNotContain(token).contains(ReaderAccounts.hash(token));

        assertThat(b.get("/reset/" + token).statusCode()).isEqualTo(200);
        assertThat(b.post("/reset/" + token, Map.of("password", "qwertyuiop"), "/reset/" + token).statusCode()).isEqualTo(400);
        var done = b.post("/reset/" + token, Map.of("password", "new words for spring"), "/reset/" + token);
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(signedIn(signIn(browser(), email, "new words for spring"))).isTrue();
        assertThat(b.get("/reset/" + token).statusCode()).isEqualTo(404); // single use
        assertThat(b.post("/reset/" + token, Map.of("password", "yet another phrase"), "/reset").statusCode()).isEqualTo(400);
        Thread.sleep(200);
        assertThat(smtp.received()).noneMatch(m -> m.data().contains("nobody"));
    }

    @Test
    void theAdministratorIssuesAOneTimeResetLinkAndChangesRoles() {
        String email = email();
        Browser reader = reader(email);
        long id = server.bean(AccountStore.class).findByEmail(email).orElseThrow().id();
        Browser admin = browser();
        admin.signInAsAdmin();
        var issued = admin.post("/admin/accounts/" + id + "/reset-link", Map.of(), "/admin/accounts");
        assertThat(issued.statusCode()).isEqualTo(302);
        String page = admin.get("/admin/accounts").body(); // the link is shown once, on the page after the post
        Matcher link = Pattern.compile("value=\"http://tidings\\.test/reset/([A-Za-z0-9_-]{30,})\"").matcher(page);
        assertThat(link.find()).isTrue();
        String token = link.group(1);
        Browser anyone = browser();
        assertThat(anyone.post("/reset/" + token, Map.of("password", "chosen after a call"), "/reset/" + token).statusCode()).isEqualTo(302);
        assertThat(signedIn(signIn(browser(), email, "chosen after a call"))).isTrue();
        assertThat(anyone.get("/reset/" + token).statusCode()).isEqualTo(404);

        var promoted = admin.post("/admin/accounts/" + id + "/role", Map.of("role", Roles.ADMIN), "/admin/accounts");
        assertThat(promoted.statusCode()).isEqualTo(302);
        assertThat(reader.get("/admin/accounts").statusCode()).isEqualTo(200); // at once, in the open session
        admin.post("/admin/accounts/" + id + "/role", Map.of("role", Roles.MODERATOR), "/admin/accounts");
        assertThat(server.bean(AccountStore.class).findById(id).orElseThrow().role()).isEqualTo(Roles.MODERATOR);
        assertThat(reader.get("/admin/accounts").statusCode()).isEqualTo(403); // demoted at once too
        assertThat(reader.get("/for-you").statusCode()).isEqualTo(200); // a moderator is also a reader
        assertThat(admin.post("/admin/accounts/" + id + "/role", Map.of("role", "EMPEROR"), "/admin/accounts").statusCode()).isEqualTo(302);
        assertThat(server.bean(AccountStore.class).findById(id).orElseThrow().role()).isEqualTo(Roles.MODERATOR);
    }

    @Test
    void readersCannotReachTheAdministratorsAccountPages() {
        String email = email();
        Browser reader = reader(email);
        long id = server.bean(AccountStore.class).findByEmail(email).orElseThrow().id();
        assertThat(reader.get("/admin/accounts").statusCode()).isEqualTo(403);
        var csrf = Browser.csrfToken(reader.get("/account").body());
        assertThat(reader.post("/admin/accounts/" + id + "/role", Map.of("role", Roles.ADMIN, "_csrf", csrf), null).statusCode())
                .isEqualTo(403);
        assertThat(reader.post("/admin/accounts/" + id + "/reset-link", Map.of("_csrf", csrf), null).statusCode()).isEqualTo(403);
        assertThat(server.bean(AccountStore.class).findById(id).orElseThrow().role()).isEqualTo(Roles.READER);
        assertThat(browser().get("/account").statusCode()).isEqualTo(302);
        assertThat(browser().get("/account/export").statusCode()).isEqualTo(302);
    }

    @Test
    void postsWithoutACsrfTokenAreRefused() {
        String email = email();
        Browser b = reader(email);
        for (var post : List.of(
                Map.entry("/account/password", Map.of("current", PASSWORD, "password", "stolen by a forged form")),
                Map.entry("/account/delete", Map.of("password", PASSWORD)),
                Map.entry("/account/history", Map.of("enabled", "false")),
                Map.entry("/signup", Map.of("email", email(), "displayName", "X", "password", PASSWORD)),
                Map.entry("/reset", Map.of("email", email)),
                Map.entry("/login", Map.of("username", email, "password", PASSWORD)))) {
            assertThat(b.post(post.getKey(), post.getValue(), null).statusCode()).as(post.getKey()).isEqualTo(403);
        }
        assertThat(signedIn(signIn(browser(), email, PASSWORD))).isTrue();
        assertThat(server.bean(AccountStore.class).findByEmail(email)).isPresent();
    }

    @Test
    void signingInGivesANewSessionId() {
        String email = email();
        Browser b = browser();
        signUp(browser(), email, "Nadia", PASSWORD);
        b.get("/login");
        String before = b.cookie("JSESSIONID");
        assertThat(before).as("a session id from the session store").matches(SESSION_ID);
        assertThat(signedIn(signIn(b, email, PASSWORD))).isTrue();
        String after = b.cookie("JSESSIONID");
        assertThat(after).matches(SESSION_ID).isNotEqualTo(before);
    }

    @Test
    void theSessionCookieIsHttpOnlySameSiteAndSecureOverHttps() {
        var plain = browser().get("/login");
        String cookie = plain.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID")).findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax").doesNotContainIgnoringCase("Secure");
        var https = browser().withHeader("X-Forwarded-Proto", "https").get("/login");
        String secure = https.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID")).findFirst().orElseThrow();
        assertThat(secure).containsIgnoringCase("Secure").containsIgnoringCase("HttpOnly");
    }

    @Test
    void aControlCharacterAroundTheNameDoesNotEscapeTheAccountsLimit() {
        String email = email();
        reader(email);
        for (int i = 0; i < SignInThrottle.ACCOUNT_BURST + 4; i++) signIn(browser(), email, "guess number " + i);
        // the sign-in form trims every character up to U+0020: the same account, so the same limit
        for (String disguised : List.of(email + "\u0001", "\u001f" + email, " " + email + "\u0008", email + "\t")) {
            var r = signIn(browser(), disguised, PASSWORD);
            assertThat(r.headers().firstValue("Location").orElse("")).as("%s", disguised.codePoints().boxed().toList())
                    .contains("/login?slow=");
        }
    }

    @Test
    void theThrottleAndTheSignInFormReadTheSameAccountName() {
        for (char c = 0; c <= ' '; c++) {
            String padded = c + "Admin@Example.test" + c;
            assertThat(SignInGuard.accountName(padded)).as("U+%04X", (int) c)
                    .isEqualTo(SignInGuard.accountName(padded.trim())).isEqualTo("admin@example.test");
        }
        assertThat(SignInGuard.accountName("\u2003admin\u00a0")).isEqualTo("admin");
    }

    @Test
    void aFloodOfSignInAttemptsIsSlowedPerAccountAndPerAddressAndLogged() {
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        Logger logger = (Logger) LoggerFactory.getLogger(SignInGuard.class);
        logger.addAppender(logged);
        try {
            String email = email();
            reader(email);
            String pseudonym = SignInGuard.pseudonym(email);
            // one account, from many addresses: its guesses are checked only as fast as the bucket refills
            long start = System.nanoTime();
            int turnedAway = 0;
            for (int i = 0; i < SignInThrottle.ACCOUNT_BURST + 8; i++) {
                var r = signIn(browser(), email, "guess number " + i);
                if (r.headers().firstValue("Location").orElse("").contains("slow=")) turnedAway++;
            }
            var right = signIn(browser(), email, PASSWORD);
            long refills = Duration.ofNanos(System.nanoTime() - start).toMillis() / SignInThrottle.ACCOUNT_REFILL.toMillis() + 1;
            long checked = logged.list.stream().map(AccountsTest::logfmt)
                    .filter(l -> l.contains(pseudonym) && l.contains("outcome=failure")).count();
            assertThat(turnedAway).isPositive();
            assertThat(checked).isLessThanOrEqualTo(SignInThrottle.ACCOUNT_BURST - 1 + refills);
            assertThat(right.headers().firstValue("Location").orElse("")).contains("/login?slow=");
            assertThat(right.headers().firstValue("Retry-After")).isPresent();
            assertThat(browser().get(right.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "")).body())
                    .contains("Too many sign-in attempts");

            // one address, many accounts: slowed after its burst
            Browser oneAddress = browser();
            start = System.nanoTime();
            int slowed = 0, tries = SignInThrottle.ADDRESS_BURST + 8;
            for (int i = 0; i < tries; i++) {
                var r = signIn(oneAddress, "nobody-" + i + "@example.test", "whatever it is");
                if (r.headers().firstValue("Location").orElse("").contains("slow=")) slowed++;
            }
            refills = Duration.ofNanos(System.nanoTime() - start).toMillis() / SignInThrottle.ADDRESS_REFILL.toMillis() + 1;
            assertThat(slowed).isPositive();
            assertThat((long) (tries - slowed)).isLessThanOrEqualTo(SignInThrottle.ADDRESS_BURST + refills);
        } finally {
            logger.detachAppender(logged);
        }
        var lines = logged.list.stream().map(AccountsTest::logfmt).toList();
        assertThat(lines).anyMatch(l -> l.contains("outcome=failure"));
        assertThat(lines).anyMatch(l -> l.contains("outcome=throttled"));
        assertThat(lines).allMatch(l -> !l.contains("@example.test"));
    }

    /** A page without what differs between any two requests: its CSRF token and the instant it was written. */
    private static String withoutPerRequest(String html) {
        return html.replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "").replaceAll(" data-written=\"[^\"]+\"", "");
    }

    private static String token(String mail) {
        String text = mail.replace("=\r\n", "").replace("=\n", "").replace("=3D", "=");
        Matcher m = Pattern.compile("http://tidings\\.test/reset/([A-Za-z0-9_-]+)").matcher(text);
        if (!m.find()) throw new AssertionError("no link in " + mail);
        return m.group(1);
    }

    @Test
    void signingUpGivesANewSessionIdAndCsrfToken() {
        Browser b = browser();
        String token = Browser.csrfToken(b.get("/signup").body());
        String before = b.cookie("JSESSIONID");
        assertThat(signUp(b, email(), "Nadia", PASSWORD).headers().firstValue("Location").orElseThrow()).endsWith("/for-you");
        assertThat(b.cookie("JSESSIONID")).matches(SESSION_ID).isNotEqualTo(before);
        assertThat(Browser.csrfToken(b.get("/account").body())).isNotEqualTo(token);
    }

    @Test
    void signUpIsLimitedLikeSignInSoAddressesCannotBeTriedByTheThousand() {
        String email = email();
        Browser b = browser();
        for (int i = 0; i < SignInThrottle.ACCOUNT_BURST; i++) {
            assertThat(signUp(b, email, "Nadia", "short").statusCode()).as("attempt " + i).isEqualTo(400);
        }
        var slowed = signUp(b, email, "Nadia", PASSWORD);
        assertThat(slowed.headers().firstValue("Location").orElseThrow()).matches(".*/signup\\?slow=\\d+");
        assertThat(b.get(slowed.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "")).body())
                .contains("Too many attempts. Please wait");
        assertThat(jdbc().sql("SELECT COUNT(*) FROM account WHERE email = :e").param("e", email).query(Long.class).single())
                .as("nothing created while slowed").isZero();
    }
}
