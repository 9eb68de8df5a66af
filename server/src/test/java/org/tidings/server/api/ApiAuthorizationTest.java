package org.tidings.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.tidings.server.testing.Browser;
import org.tidings.server.testing.OnEachDatabase;
import org.tidings.server.testing.TestDatabase;

/**
 * Every address of {@code /api/v1}, through real HTTP on H2 and PostgreSQL, asked without a token, with a revoked one,
 * and with a read-only one, and every change tried on another reader's things and with bad input: each refusal is
 * problem details, and nothing is changed. The list of addresses is checked against the controllers' mappings, so an
 * address added without its row here fails this test.
 */
@OnEachDatabase
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiAuthorizationTest {

    /** What an address needs: nothing, a token, or a read-write token. */
    enum Needs { NOTHING, READ, WRITE }

    record Endpoint(String method, String pattern, Needs needs, String body) {
        String route() {
            return method + " " + pattern;
        }
    }

    static final String FOLLOW = "{\"kind\":\"topic\",\"target\":\"climate\"}";
    static final String COMMENT = "{\"text\":\"Not allowed\"}";
    static final String SUBSCRIBE = "{\"url\":\"https://paper.test/feed\"}";
    static final String MARK_ALL = "{\"scope\":\"everything\"}";

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/api/v1/top-stories", Needs.NOTHING, null),
            new Endpoint("GET", "/api/v1/articles", Needs.NOTHING, null),
            new Endpoint("GET", "/api/v1/articles/{id}", Needs.NOTHING, null),
            new Endpoint("GET", "/api/v1/stories/{id}", Needs.NOTHING, null),
            new Endpoint("GET", "/api/v1/search", Needs.NOTHING, null),
            new Endpoint("GET", "/api/v1/sections", Needs.NOTHING, null),
            new Endpoint("GET", "/api/v1/topics/{slug}", Needs.NOTHING, null),
            new Endpoint("GET", "/api/v1/sources", Needs.NOTHING, null),
            new Endpoint("GET", "/api/v1/sources/{id}", Needs.NOTHING, null),
            new Endpoint("GET", "/api/v1/articles/{id}/comments", Needs.NOTHING, null),
            new Endpoint("POST", "/api/v1/articles/{id}/comments", Needs.WRITE, COMMENT),
            new Endpoint("PATCH", "/api/v1/comments/{id}", Needs.WRITE, COMMENT),
            new Endpoint("DELETE", "/api/v1/comments/{id}", Needs.WRITE, null),
            new Endpoint("GET", "/api/v1/me", Needs.READ, null),
            new Endpoint("GET", "/api/v1/me/follows", Needs.READ, null),
            new Endpoint("POST", "/api/v1/me/follows", Needs.WRITE, FOLLOW),
            new Endpoint("DELETE", "/api/v1/me/follows/{kind}/{target}", Needs.WRITE, null),
            new Endpoint("GET", "/api/v1/me/mutes", Needs.READ, null),
            new Endpoint("POST", "/api/v1/me/mutes", Needs.WRITE, FOLLOW),
            new Endpoint("DELETE", "/api/v1/me/mutes/{kind}/{target}", Needs.WRITE, null),
            new Endpoint("GET", "/api/v1/me/saved", Needs.READ, null),
            new Endpoint("PUT", "/api/v1/me/saved/{articleId}", Needs.WRITE, null),
            new Endpoint("DELETE", "/api/v1/me/saved/{articleId}", Needs.WRITE, null),
            new Endpoint("GET", "/api/v1/me/history", Needs.READ, null),
            new Endpoint("DELETE", "/api/v1/me/history", Needs.WRITE, null),
            new Endpoint("GET", "/api/v1/me/for-you", Needs.READ, null),
            new Endpoint("GET", "/api/v1/me/subscriptions", Needs.READ, null),
            new Endpoint("POST", "/api/v1/me/subscriptions", Needs.WRITE, SUBSCRIBE),
            new Endpoint("DELETE", "/api/v1/me/subscriptions/{sourceId}", Needs.WRITE, null),
            new Endpoint("GET", "/api/v1/me/unread", Needs.READ, null),
            new Endpoint("GET", "/api/v1/me/unread/counts", Needs.READ, null),
            new Endpoint("PUT", "/api/v1/me/read/{articleId}", Needs.WRITE, null),
            new Endpoint("DELETE", "/api/v1/me/read/{articleId}", Needs.WRITE, null),
            new Endpoint("POST", "/api/v1/me/read", Needs.WRITE, MARK_ALL));

    @Parameter
    TestDatabase db;
    ApiServer api;
    String ownerWrites, ownerReads, revoked, otherWrites;
    long comment;

    @BeforeParameterizedClassInvocation
    void start() {
        api = new ApiServer(db);
        Browser owner = api.reader("owner@example.org");
        ownerWrites = ApiServer.token(owner, "Owner's script", "read-write");
        ownerReads = ApiServer.token(owner, "Owner's reader", "read");
        revoked = ApiServer.token(owner, "Lost phone", "read-write");
        long lost = api.jdbc().sql("SELECT id FROM access_token WHERE name = 'Lost phone'").query(Long.class).single();
        owner.post("/account/tokens/" + lost + "/revoke", Map.of(), "/account");
        otherWrites = ApiServer.token(api.reader("other@example.org"), "Other's script", "read-write");

        // the owner's things, which every refused request below must leave as they are
        long article = api.articles.getFirst();
        api.send("POST", "/api/v1/me/follows", ownerWrites, FOLLOW, Map.of());
        api.send("POST", "/api/v1/me/mutes", ownerWrites, "{\"kind\":\"keyword\",\"target\":\"elections\"}", Map.of());
        api.send("PUT", "/api/v1/me/saved/" + article, ownerWrites, null, Map.of());
        api.get("/api/v1/articles/" + article, ownerWrites);
        api.send("POST", "/api/v1/me/subscriptions", ownerWrites, SUBSCRIBE, Map.of());
        api.send("PUT", "/api/v1/me/read/" + article, ownerWrites, null, Map.of());
        comment = api.send("POST", "/api/v1/articles/" + article + "/comments", ownerWrites, "{\"text\":\"The owner's words\"}", Map.of())
                .json().path("id").asLong();
    }

    @AfterParameterizedClassInvocation
    void stop() {
        api.close();
    }

    private String path(Endpoint e) {
        String path = e.pattern().replace("{articleId}", Long.toString(api.articles.getFirst()))
                .replace("{sourceId}", Long.toString(api.paper))
                .replace("{slug}", "climate").replace("{kind}/{target}", "topic/climate");
        if (e.pattern().startsWith("/api/v1/comments/")) return path.replace("{id}", Long.toString(comment));
        if (e.pattern().startsWith("/api/v1/sources/")) return path.replace("{id}", Long.toString(api.paper));
        path = path.replace("{id}", Long.toString(api.articles.getFirst()));
        return e.pattern().equals("/api/v1/search") ? path + "?q=harbour" : path;
    }

    private ApiServer.Answer ask(Endpoint e, String token) {
        return api.send(e.method(), path(e), token, e.body(), Map.of());
    }

    /** Everything a refused request might have changed, as one comparable value. */
    private String state() {
        return String.join("\n", api.jdbc().sql("""
                SELECT 'follow ' || account_id || ' ' || target FROM reader_follow
                UNION ALL SELECT 'mute ' || account_id || ' ' || target FROM reader_mute
                UNION ALL SELECT 'saved ' || account_id || ' ' || article_id FROM saved_article
                UNION ALL SELECT 'read ' || account_id || ' ' || article_id FROM reading_history
                UNION ALL SELECT 'comment ' || id || ' ' || status || ' ' || body FROM comment
                UNION ALL SELECT 'subscription ' || account_id || ' ' || source_id FROM subscription
                UNION ALL SELECT 'seen ' || account_id || ' ' || article_id FROM article_read
                ORDER BY 1""").query(String.class).list());
    }

    private static void problem(ApiServer.Answer answer, int status, String type, String route) {
        assertThat(answer.status()).as(route + ": " + answer.response().body()).isEqualTo(status);
        assertThat(answer.contentType()).as(route).startsWith("application/problem+json");
        assertThat(answer.json().path("type").asString()).as(route).isEqualTo("/api#problem-" + type);
    }

    @Test
    void everyMappedAddressIsInThisTest() {
        Set<String> listed = new TreeSet<>(ENDPOINTS.stream().map(Endpoint::route).toList());
        assertThat(listed).isEqualTo(ApiRoutes.mapped(api.server));
    }

    @Test
    void withoutATokenOnlyThePublicAddressesAnswer() {
        String before = state();
        for (Endpoint e : ENDPOINTS) {
            ApiServer.Answer answer = ask(e, null);
            if (e.needs() == Needs.NOTHING) {
                assertThat(answer.status()).as(e.route()).isEqualTo(200);
            } else {
                problem(answer, 401, "unauthorized", e.route());
                assertThat(answer.header("WWW-Authenticate")).as(e.route()).startsWith("Bearer");
            }
        }
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void aRevokedTokenOpensNothingNotEvenThePublicAddresses() {
        String before = state();
        for (Endpoint e : ENDPOINTS) problem(ask(e, revoked), 401, "invalid-token", e.route());
        for (String forged : List.of("tid_" + "A".repeat(43), "not-a-tidings-token", revoked.substring(0, revoked.length() - 1))) {
            problem(api.get("/api/v1/me", forged), 401, "invalid-token", "GET /api/v1/me with " + forged);
        }
        problem(api.send("GET", "/api/v1/me", null, null, Map.of("Authorization", "Basic b3duZXI6cGFzc3dvcmQ=")), 401,
                "invalid-token", "Basic");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void aReadOnlyTokenReadsButChangesNothing() {
        String before = state();
        for (Endpoint e : ENDPOINTS) {
            ApiServer.Answer answer = ask(e, ownerReads);
            if (e.needs() == Needs.WRITE) {
                problem(answer, 403, "read-only-token", e.route());
            } else {
                assertThat(answer.status()).as(e.route() + ": " + answer.response().body()).isEqualTo(200);
            }
        }
        // reading an article with a token notes it in history, as on the site; the owner read it already, and when is not compared
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void anotherReaderNeitherSeesNorChangesTheOwnersThings() {
        String before = state();
        problem(api.send("PATCH", "/api/v1/comments/" + comment, otherWrites, "{\"text\":\"Not yours\"}", Map.of()), 403, "forbidden",
                "edit another's comment");
        problem(api.send("DELETE", "/api/v1/comments/" + comment, otherWrites, null, Map.of()), 403, "forbidden",
                "delete another's comment");
        long article = api.articles.getFirst();
        assertThat(api.send("DELETE", "/api/v1/me/saved/" + article, otherWrites, null, Map.of()).status()).isEqualTo(204);
        assertThat(api.send("DELETE", "/api/v1/me/follows/topic/climate", otherWrites, null, Map.of()).status()).isEqualTo(204);
        assertThat(api.send("DELETE", "/api/v1/me/mutes/keyword/elections", otherWrites, null, Map.of()).status()).isEqualTo(204);
        assertThat(api.send("DELETE", "/api/v1/me/history", otherWrites, null, Map.of()).status()).isEqualTo(204);
        assertThat(api.send("DELETE", "/api/v1/me/read/" + article, otherWrites, null, Map.of()).status()).isEqualTo(204);
        problem(api.send("DELETE", "/api/v1/me/subscriptions/" + api.paper, otherWrites, null, Map.of()), 404, "not-found",
                "another's subscription");
        assertThat(state()).isEqualTo(before);
        assertThat(api.get("/api/v1/me/subscriptions", otherWrites).json()).isEmpty();
        assertThat(api.get("/api/v1/me/subscriptions", ownerReads).json()).hasSize(1);
        assertThat(api.get("/api/v1/me/unread", otherWrites).json().path("items")).isEmpty();

        for (String mine : List.of("/api/v1/me/saved", "/api/v1/me/history")) {
            assertThat(api.get(mine, otherWrites).json().path("items")).as(mine).isEmpty();
            assertThat(api.get(mine, ownerReads).json().path("items")).as(mine).hasSize(1);
        }
        assertThat(api.get("/api/v1/me/follows", otherWrites).json()).isEmpty();
        assertThat(api.get("/api/v1/me/mutes", otherWrites).json()).isEmpty();
        assertThat(api.get("/api/v1/me", otherWrites).json().path("username").asString()).isEqualTo("other@example.org");
        assertThat(api.get("/api/v1/articles/" + article + "/comments", otherWrites).json().path("threads").get(0).path("mine").asBoolean())
                .isFalse();
    }

    @Test
    void badInputIsAProblemAndChangesNothing() {
        String before = state();
        long article = api.articles.getFirst();
        for (Endpoint e : ENDPOINTS.stream().filter(e -> e.body() != null).toList()) {
            String path = path(e);
            problem(api.send(e.method(), path, ownerWrites, "{\"text\": \"unfinished", Map.of()), 400, "malformed-json", e.route());
            problem(api.send(e.method(), path, ownerWrites, "[1, 2]", Map.of()), 400, "malformed-json", e.route());
            problem(api.send(e.method(), path, ownerWrites, e.body().replace("}", ",\"sneaky\":true}"), Map.of()), 400, "unknown-field",
                    e.route());
            problem(api.send(e.method(), path, ownerWrites, e.body() + " {}", Map.of()), 400, "malformed-json", e.route());
            problem(api.send(e.method(), path, ownerWrites, "{\"text\":\"" + "x".repeat(70_000) + "\"}", Map.of()), 413, "too-large",
                    e.route());
            ApiServer.Answer plain = api.send(e.method(), path, ownerWrites, null, Map.of("Content-Type", "text/plain"));
            problem(plain, 415, "unsupported-media-type", e.route());
        }
        problem(api.send("POST", "/api/v1/me/follows", ownerWrites, "{\"kind\":\"planet\",\"target\":\"mars\"}", Map.of()), 422, "invalid",
                "unknown kind");
        problem(api.send("POST", "/api/v1/me/follows", ownerWrites, "{\"kind\":\"keyword\",\"target\":\"mars\"}", Map.of()), 422, "invalid",
                "keywords are muted, not followed");
        problem(api.send("POST", "/api/v1/me/mutes", ownerWrites, "{\"kind\":\"source\",\"target\":\"999999\"}", Map.of()), 422, "invalid",
                "no such source");
        problem(api.send("POST", "/api/v1/articles/" + article + "/comments", ownerWrites, "{\"text\":\"x\",\"parent\":\"first\"}", Map.of()),
                400, "malformed-json", "a parent that is not a number");
        for (String list : List.of("/api/v1/articles?limit=100000", "/api/v1/me/saved?limit=101", "/api/v1/me/history?limit=-1",
                "/api/v1/me/for-you?limit=1000", "/api/v1/top-stories?limit=99")) {
            problem(api.get(list, ownerWrites), 400, "page-size", list);
        }
        problem(api.send("POST", "/api/v1/me/read", ownerWrites, "{\"scope\":\"planet\"}", Map.of()), 422, "invalid", "unknown scope");
        problem(api.send("POST", "/api/v1/me/subscriptions", ownerWrites, "{\"url\":\"http://10.1.2.3/feed\"}", Map.of()), 422,
                "feed-refused", "an address inside the network");
        for (String list : List.of("/api/v1/articles", "/api/v1/me/saved", "/api/v1/me/history", "/api/v1/search?q=harbour", "/api/v1/me/unread")) {
            String sep = list.contains("?") ? "&" : "?";
            problem(api.get(list + sep + "cursor=bm90LWEtY3Vyc29y", ownerWrites), 400, "bad-cursor", list);
            problem(api.get(list + sep + "cursor=" + "A".repeat(600), ownerWrites), 400, "bad-cursor", list);
        }
        problem(api.send("PUT", "/api/v1/me/follows", ownerWrites, FOLLOW, Map.of()), 405, "method-not-allowed", "PUT follows");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void corsIsOffUnlessOriginsAreConfigured() {
        ApiServer.Answer answer = api.send("GET", "/api/v1/sections", null, null, Map.of("Origin", "https://app.example"));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Access-Control-Allow-Origin")).isNull();
    }
}
