package org.tidings.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.tidings.server.testing.Browser;
import org.tidings.server.testing.OnEachDatabase;
import org.tidings.server.testing.TestDatabase;

/**
 * Personal access tokens on {@code /account}, through real HTTP on H2 and PostgreSQL: made with a name and a scope, the
 * secret shown once and stored only as its hash, listed with when it was made and last used, revoked by its owner
 * alone, and gone with the account.
 */
@OnEachDatabase
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessTokensTest {

    @Parameter
    TestDatabase db;
    ApiServer api;

    @BeforeParameterizedClassInvocation
    void start() {
        api = new ApiServer(db);
    }

    @AfterParameterizedClassInvocation
    void stop() {
        api.close();
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aTokenIsShownOnceStoredHashedListedAndWorksUntilRevoked() throws Exception {
        Browser amina = api.reader("amina@example.org");
        HttpResponse<String> made = amina.post("/account/tokens", Map.of("name", "Reeder on my phone", "scope", "read"), "/account");
        assertThat(made.statusCode()).isEqualTo(200);
        assertThat(made.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        String secret = ApiServer.token(amina, "Script", "read-write");
        assertThat(secret).startsWith("tid_").hasSizeGreaterThan(40);

        var stored = api.jdbc().sql("""
                SELECT name, scope, secret_hash FROM access_token
                WHERE account_id = (SELECT id FROM account WHERE username = 'amina@example.org') ORDER BY id""").query().listOfRows();
        assertThat(stored).extracting(r -> r.get("name")).containsExactly("Reeder on my phone", "Script");
        assertThat(stored).extracting(r -> r.get("scope")).containsExactly("read", "read-write");
        assertThat(stored.get(1).get("secret_hash")).isEqualTo(sha256(secret));
        assertThat(api.jdbc().sql("SELECT COUNT(*) FROM access_token WHERE secret_hash LIKE 'tid_%'").query(Long.class).single()).isZero();

        String account = amina.get("/account").body();
        assertThat(account).contains("Reeder on my phone", "Script", "Read only", "Never").doesNotContain(secret);

        ApiServer.Answer me = api.get("/api/v1/me", secret);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("username").asString()).isEqualTo("amina@example.org");
        assertThat(me.json().path("scope").asString()).isEqualTo("read-write");
        assertThat(api.jdbc().sql("SELECT last_used_at FROM access_token WHERE name = 'Script'")
                .query((rs, row) -> rs.getTimestamp(1).toInstant()).single()).as("used just now")
                .isCloseTo(java.time.Instant.now(), org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.MINUTES));
        assertThat(amina.get("/account").body()).as("last used is now shown").containsOnlyOnce("Never");

        long id = api.jdbc().sql("SELECT id FROM access_token WHERE name = 'Script'").query(Long.class).single();
        HttpResponse<String> revoked = amina.post("/account/tokens/" + id + "/revoke", Map.of(), "/account");
        assertThat(revoked.statusCode()).isEqualTo(302);
        assertThat(amina.get("/account").body()).contains("The token is revoked").doesNotContain("Script");
        ApiServer.Answer refused = api.get("/api/v1/me", secret);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.header("WWW-Authenticate")).contains("Bearer", "invalid_token");
    }

    @Test
    void onlyItsOwnerRevokesAToken() {
        Browser owner = api.reader("owner@example.org");
        Browser other = api.reader("other@example.org");
        String secret = ApiServer.token(owner, "Mine", "read");
        long id = api.jdbc().sql("SELECT id FROM access_token WHERE name = 'Mine'").query(Long.class).single();

        other.post("/account/tokens/" + id + "/revoke", Map.of(), "/account");
        assertThat(other.get("/account").body()).contains("There is no such token.");
        assertThat(api.get("/api/v1/me", secret).status()).isEqualTo(200);
        assertThat(other.get("/account").body()).doesNotContain("Mine");
    }

    @Test
    void aTokenNeedsANameAndAScope() {
        Browser reader = api.reader("namer@example.org");
        long before = api.jdbc().sql("SELECT COUNT(*) FROM access_token").query(Long.class).single();
        reader.post("/account/tokens", Map.of("name", "  ", "scope", "read"), "/account");
        assertThat(reader.get("/account").body()).contains("Give the token a name");
        reader.post("/account/tokens", Map.of("name", "Root", "scope", "admin"), "/account");
        assertThat(reader.get("/account").body()).contains("Choose read only, or read and change.");
        assertThat(api.jdbc().sql("SELECT COUNT(*) FROM access_token").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void theExportNamesTokensWithoutSecretsAndDeletingTheAccountRevokesThem() {
        Browser leaving = api.reader("leaving@example.org");
        String secret = ApiServer.token(leaving, "Old laptop", "read-write");
        String export = leaving.get("/account/export").body();
        assertThat(export).contains("\"accessTokens\"", "Old laptop", "read-write").doesNotContain(secret, "secret");

        leaving.post("/account/delete", Map.of("password", ApiServer.PASSWORD), "/account");
        assertThat(api.get("/api/v1/me", secret).status()).isEqualTo(401);
        assertThat(api.jdbc().sql("SELECT COUNT(*) FROM access_token WHERE name = 'Old laptop'").query(Long.class).single()).isZero();
    }
}
