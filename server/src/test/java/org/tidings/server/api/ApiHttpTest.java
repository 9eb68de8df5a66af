package org.tidings.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.tidings.server.testing.Browser;
import org.tidings.server.testing.OnEachDatabase;
import org.tidings.server.testing.TestDatabase;
import tools.jackson.databind.JsonNode;

/**
 * What {@code /api/v1} answers, through real HTTP on H2 and PostgreSQL, as an app sees it: the site's lists, articles,
 * stories and search as JSON, paged by cursor, with ETags; the reader's own things with a token; comments through the
 * site's comment desk; CORS for the configured origin only.
 */
@OnEachDatabase
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiHttpTest {

    static final String APP = "https://app.example";

    @Parameter
    TestDatabase db;
    ApiServer api;
    String reading, writing;

    @BeforeParameterizedClassInvocation
    void start() {
        api = new ApiServer(db, "--tidings.api.cors.origins=" + APP);
        Browser reader = api.reader("reader@example.org");
        reading = ApiServer.token(reader, "Reader app", "read");
        writing = ApiServer.token(reader, "Script", "read-write");
    }

    @AfterParameterizedClassInvocation
    void stop() {
        api.close();
    }

    private List<String> titles(JsonNode items) {
        List<String> titles = new ArrayList<>();
        for (JsonNode item : items) titles.add(item.path("title").asString());
        return titles;
    }

    private JsonNode ok(String path, String token) {
        ApiServer.Answer answer = api.get(path, token);
        assertThat(answer.status()).as(path + ": " + answer.response().body()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        return answer.json();
    }

    private void problem(ApiServer.Answer answer, int status, String type) {
        assertThat(answer.status()).as(answer.response().body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("type").asString()).isEqualTo("/api#problem-" + type);
        assertThat(answer.json().path("status").asInt()).isEqualTo(status);
        assertThat(answer.json().path("title").asString()).isNotBlank();
    }

    @Test
    void topStoriesAreTheFrontPagesByEditionSectionAndTopic() {
        JsonNode top = ok("/api/v1/top-stories", null);
        assertThat(top).hasSize(1);
        assertThat(top.get(0).path("storyId").asLong()).isEqualTo(api.articles.getFirst());
        assertThat(top.get(0).path("publishers").asInt()).isEqualTo(2);
        assertThat(top.get(0).path("lead").path("title").asString()).contains("torm");
        assertThat(ok("/api/v1/top-stories?edition=en-uk", null)).hasSize(1);
        assertThat(ok("/api/v1/top-stories?section=technology", null)).hasSize(1);
        assertThat(ok("/api/v1/top-stories?section=business", null)).isEmpty();
        assertThat(ok("/api/v1/top-stories?topic=climate", null)).hasSize(1);
        problem(api.get("/api/v1/top-stories?topic=no-such-topic", null), 404, "not-found");
        problem(api.get("/api/v1/top-stories?edition=atlantis", null), 400, "bad-request");
        problem(api.get("/api/v1/top-stories?limit=25", null), 400, "page-size");
    }

    @Test
    void articlesArePagedByCursorNewestFirstWithoutTheDisabledPublisher() {
        JsonNode all = ok("/api/v1/articles", null);
        assertThat(all.path("items")).hasSize(7);
        assertThat(all.path("nextCursor").isNull()).isTrue();
        assertThat(titles(all.path("items"))).doesNotContain("A report from a publisher the site no longer shows")
                .startsWith("Market report number 6");

        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = ok("/api/v1/articles?limit=3" + (cursor == null ? "" : "&cursor=" + cursor), null);
            assertThat(page.path("items").size()).isLessThanOrEqualTo(3);
            paged.addAll(titles(page.path("items")));
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asString();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(paged).isEqualTo(titles(all.path("items")));

        assertThat(ok("/api/v1/articles?section=business", null).path("items")).hasSize(5);
        assertThat(ok("/api/v1/articles?topic=climate", null).path("items")).hasSize(2);
        assertThat(ok("/api/v1/articles?source=" + api.daily, null).path("items")).hasSize(1);
        assertThat(ok("/api/v1/articles?edition=en-us", null).path("items")).extracting(i -> i.path("publisher").path("name").asString())
                .containsOnly("The Daily");
        problem(api.get("/api/v1/articles?source=" + api.gone, null), 404, "not-found");
        problem(api.get("/api/v1/articles?limit=101", null), 400, "page-size");
        problem(api.get("/api/v1/articles?limit=0", null), 400, "page-size");
        problem(api.get("/api/v1/articles?limit=lots", null), 400, "bad-request");
    }

    @Test
    void aCursorIsRefusedWhenForgedCutOrTakenToAnotherList() {
        String cursor = ok("/api/v1/articles?section=business&limit=2", null).path("nextCursor").asString();
        assertThat(ok("/api/v1/articles?section=business&limit=2&cursor=" + cursor, null).path("items")).hasSize(2);
        problem(api.get("/api/v1/articles?section=technology&limit=2&cursor=" + cursor, null), 400, "bad-cursor");
        problem(api.get("/api/v1/articles?section=business&limit=2&cursor=" + cursor.substring(0, cursor.length() - 3), null), 400, "bad-cursor");
        String decoded = new String(Base64.getUrlDecoder().decode(cursor));
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(decoded.replaceFirst("\\|\\d+\\|", "|1|").getBytes());
        problem(api.get("/api/v1/articles?section=business&limit=2&cursor=" + forged, null), 400, "bad-cursor");
        problem(api.get("/api/v1/articles?cursor=%F0%9F%93%B0", null), 400, "bad-cursor");
        problem(api.get("/api/v1/me/saved?cursor=" + cursor, writing), 400, "bad-cursor");
    }

    @Test
    void anArticleComesWholeWithItsPictureThroughTheRelay() {
        long id = api.articles.getFirst();
        JsonNode article = ok("/api/v1/articles/" + id, null);
        assertThat(article.path("article").path("title").asString()).isEqualTo("Harbour floods as storm reaches the coast");
        assertThat(article.path("article").path("publisher").path("name").asString()).isEqualTo("The Paper");
        assertThat(article.path("article").path("image").asString()).startsWith(api.server.url("/image/" + id + "/"));
        assertThat(article.path("article").path("imageCaption").asString()).isEqualTo("Harbour floods as storm reaches the coast, seen from the pier");
        assertThat(article.path("article").path("imageCredit").asString()).isEqualTo("Ana Ruiz");
        assertThat(article.path("paragraphs")).hasSize(2);
        assertThat(article.path("paragraphs").get(1).asString()).isEqualTo("A second paragraph follows.");
        assertThat(article.path("topics").get(0).path("slug").asString()).isEqualTo("climate");
        problem(api.get("/api/v1/articles/999999", null), 404, "not-found");
        problem(api.get("/api/v1/articles/not-a-number", null), 400, "bad-request");
    }

    @Test
    void aStoryHasItsReportsInOrderAndAMergedStoryLeadsOn() {
        long story = api.articles.getFirst();
        JsonNode json = ok("/api/v1/stories/" + story, null);
        assertThat(json.path("articles")).hasSize(2);
        assertThat(json.path("publishers")).extracting(JsonNode::asString).containsExactly("The Paper", "The Daily");
        assertThat(json.path("digest").has("available")).isTrue();

        long merged = api.articles.get(2);
        api.jdbc().sql("UPDATE article SET story_id = :into WHERE id = :id").param("into", api.articles.get(3)).param("id", merged).update();
        ApiServer.Answer moved = api.get("/api/v1/stories/" + merged, null);
        assertThat(moved.status()).isEqualTo(301);
        assertThat(moved.header("Location")).endsWith("/api/v1/stories/" + api.articles.get(3));
        api.jdbc().sql("UPDATE article SET story_id = id WHERE id = :id").param("id", merged).update();
        problem(api.get("/api/v1/stories/999999", null), 404, "not-found");
    }

    @Test
    void searchTakesTheSitesFilters() {
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/v1/search?q=harbour", null).json().path("items").size() == 2);
        JsonNode hits = ok("/api/v1/search?q=harbour&source=" + api.daily, null);
        assertThat(hits.path("items")).hasSize(1);
        assertThat(hits.path("items").get(0).path("publisher").path("name").asString()).isEqualTo("The Daily");
        assertThat(ok("/api/v1/search?q=market&sort=newest", null).path("items").get(0).path("title").asString())
                .isEqualTo("Market report number 6");
        assertThat(ok("/api/v1/search?q=report", null).path("items")).extracting(h -> h.path("title").asString())
                .doesNotContain("A report from a publisher the site no longer shows");
        problem(api.get("/api/v1/search?q=harbour&from=yesterday", null), 400, "bad-request");
        problem(api.get("/api/v1/search", null), 400, "bad-request");
        problem(api.get("/api/v1/search?q=harbour&sort=loudest", null), 400, "bad-request");
    }

    @Test
    void sectionsTopicsAndSourcesDescribeTheSite() {
        JsonNode sections = ok("/api/v1/sections", null);
        assertThat(sections).extracting(s -> s.path("slug").asString()).contains("technology", "business");
        ApiServer.Answer arabic = api.send("GET", "/api/v1/sections", null, null, Map.of("Accept-Language", "ar"));
        assertThat(arabic.json().toString()).isNotEqualTo(sections.toString());
        assertThat(ok("/api/v1/topics/climate", null).path("label").asString()).isEqualTo("Climate");
        assertThat(ok("/api/v1/sources", null)).extracting(s -> s.path("name").asString()).containsExactlyInAnyOrder("The Paper", "The Daily");
        assertThat(ok("/api/v1/sources/" + api.paper, null).path("siteUrl").asString()).isEqualTo("https://paper.test/");
        problem(api.get("/api/v1/sources/" + api.gone, null), 404, "not-found");
        problem(api.get("/api/v1/topics/weather", null), 404, "not-found");
        problem(api.get("/api/v1/no-such-thing", null), 404, "no-endpoint");
    }

    @Test
    void aReadIsAnsweredWithAnEtagAndNotModifiedWhenItIsSentBack() {
        ApiServer.Answer first = api.get("/api/v1/articles?section=business", null);
        String etag = first.header("ETag");
        assertThat(etag).isNotBlank();
        assertThat(first.header("Cache-Control")).contains("no-cache");
        ApiServer.Answer again = api.send("GET", "/api/v1/articles?section=business", null, null, Map.of("If-None-Match", etag));
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.response().body()).isEmpty();
        ApiServer.Answer other = api.send("GET", "/api/v1/articles?section=technology", null, null, Map.of("If-None-Match", etag));
        assertThat(other.status()).isEqualTo(200);
    }

    @Test
    void aReaderFollowsMutesSavesAndReadsWithATokenAndTheListsFollow() {
        ApiServer.Answer followed = api.send("POST", "/api/v1/me/follows", writing, "{\"kind\":\"topic\",\"target\":\"#Climate\"}", Map.of());
        assertThat(followed.status()).isEqualTo(201);
        assertThat(followed.json().path("target").asString()).isEqualTo("climate");
        assertThat(followed.json().path("label").asString()).isEqualTo("Climate");
        assertThat(ok("/api/v1/me/follows", reading)).extracting(f -> f.path("target").asString()).containsExactly("climate");
        JsonNode picks = ok("/api/v1/me/for-you", reading);
        assertThat(picks).extracting(p -> p.path("storyId").asLong()).contains(api.articles.getFirst());
        assertThat(picks.get(0).path("reason").asString()).contains("Climate");

        assertThat(api.send("POST", "/api/v1/me/mutes", writing, "{\"kind\":\"source\",\"target\":\"" + api.paper + "\"}", Map.of()).status())
                .isEqualTo(201);
        assertThat(ok("/api/v1/articles", writing).path("items")).extracting(i -> i.path("publisher").path("name").asString())
                .containsOnly("The Daily");
        assertThat(ok("/api/v1/articles", null).path("items")).hasSize(7);
        assertThat(api.send("DELETE", "/api/v1/me/mutes/source/" + api.paper, writing, null, Map.of()).status()).isEqualTo(204);
        assertThat(ok("/api/v1/articles", writing).path("items")).hasSize(7);
        assertThat(api.send("DELETE", "/api/v1/me/follows/topic/climate", writing, null, Map.of()).status()).isEqualTo(204);
        assertThat(ok("/api/v1/me/follows", reading)).isEmpty();

        long article = api.articles.get(4);
        assertThat(api.send("PUT", "/api/v1/me/saved/" + article, writing, null, Map.of()).status()).isEqualTo(204);
        assertThat(api.send("PUT", "/api/v1/me/saved/" + article, writing, null, Map.of()).status()).isEqualTo(204);
        JsonNode saved = ok("/api/v1/me/saved", reading);
        assertThat(saved.path("items")).extracting(s -> s.path("article").path("id").asLong()).containsExactly(article);
        problem(api.send("PUT", "/api/v1/me/saved/999999", writing, null, Map.of()), 404, "not-found");
        assertThat(api.send("DELETE", "/api/v1/me/saved/" + article, writing, null, Map.of()).status()).isEqualTo(204);
        assertThat(ok("/api/v1/me/saved", reading).path("items")).isEmpty();

        ok("/api/v1/articles/" + article, reading);
        assertThat(ok("/api/v1/me/history", reading).path("items")).extracting(h -> h.path("article").path("id").asLong())
                .containsExactly(article);
        assertThat(api.send("DELETE", "/api/v1/me/history", writing, null, Map.of()).status()).isEqualTo(204);
        assertThat(ok("/api/v1/me/history", reading).path("items")).isEmpty();
    }

    @Test
    void savedArticlesArePagedByCursor() {
        Browser saver = api.reader("saver@example.org");
        String token = ApiServer.token(saver, "Saver", "read-write");
        for (long id : api.articles.subList(0, 5)) api.send("PUT", "/api/v1/me/saved/" + id, token, null, Map.of());
        JsonNode first = ok("/api/v1/me/saved?limit=2", token);
        JsonNode second = ok("/api/v1/me/saved?limit=2&cursor=" + first.path("nextCursor").asString(), token);
        JsonNode third = ok("/api/v1/me/saved?limit=2&cursor=" + second.path("nextCursor").asString(), token);
        List<Long> ids = new ArrayList<>();
        for (JsonNode page : List.of(first, second, third)) for (JsonNode m : page.path("items")) ids.add(m.path("article").path("id").asLong());
        assertThat(ids).containsExactlyInAnyOrderElementsOf(api.articles.subList(0, 5)).doesNotHaveDuplicates();
        assertThat(third.path("nextCursor").isNull()).isTrue();
    }

    @Test
    void commentsAreReadByAnyoneAndWrittenThroughTheSitesDesk() {
        long article = api.articles.get(1);
        ApiServer.Answer posted = api.send("POST", "/api/v1/articles/" + article + "/comments", writing,
                "{\"text\":\"Seen from the <b>harbour</b> wall\"}", Map.of());
        assertThat(posted.status()).as(posted.response().body()).isEqualTo(201);
        long id = posted.json().path("id").asLong();
        assertThat(posted.json().path("status").asString()).isEqualTo("visible");

        JsonNode anonymous = ok("/api/v1/articles/" + article + "/comments", null);
        assertThat(anonymous.path("threads")).hasSize(1);
        JsonNode thread = anonymous.path("threads").get(0);
        assertThat(thread.path("html").asString()).contains("Seen from the &lt;b&gt;harbour&lt;/b&gt; wall");
        assertThat(thread.path("mine").asBoolean()).isFalse();
        assertThat(ok("/api/v1/articles/" + article + "/comments", reading).path("threads").get(0).path("mine").asBoolean()).isTrue();

        ApiServer.Answer reply = api.send("POST", "/api/v1/articles/" + article + "/comments", writing,
                "{\"text\":\"And from the pier\",\"parent\":" + id + "}", Map.of());
        assertThat(reply.status()).isEqualTo(201);
        assertThat(ok("/api/v1/articles/" + article + "/comments", null).path("threads").get(0).path("replies")).hasSize(1);

        ApiServer.Answer edited = api.send("PATCH", "/api/v1/comments/" + id, writing, "{\"text\":\"Seen from the sea wall\"}", Map.of());
        assertThat(edited.status()).isEqualTo(200);
        assertThat(api.jdbc().sql("SELECT body FROM comment WHERE id = :id").param("id", id).query(String.class).single())
                .isEqualTo("Seen from the sea wall");
        problem(api.send("POST", "/api/v1/articles/" + article + "/comments", writing, "{\"text\":\"   \"}", Map.of()), 422, "invalid");
        assertThat(api.send("DELETE", "/api/v1/comments/" + id, writing, null, Map.of()).status()).isEqualTo(200);
        assertThat(api.jdbc().sql("SELECT status FROM comment WHERE id = :id").param("id", id).query(String.class).single())
                .isEqualTo("deleted");
        problem(api.send("POST", "/api/v1/articles/999999/comments", writing, "{\"text\":\"Hello\"}", Map.of()), 404, "not-found");
    }

    @Test
    void corsAllowsTheConfiguredOriginOnly() {
        ApiServer.Answer allowed = api.send("GET", "/api/v1/sections", null, null, Map.of("Origin", APP));
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(APP);
        ApiServer.Answer preflight = api.send("OPTIONS", "/api/v1/me/saved/1", null, null, Map.of("Origin", APP,
                "Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "authorization"));
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("PUT");
        ApiServer.Answer refused = api.send("GET", "/api/v1/me", null, null, Map.of("Origin", APP));
        assertThat(refused.status()).as("a refusal a page can read").isEqualTo(401);
        assertThat(refused.header("Access-Control-Allow-Origin")).isEqualTo(APP);
        ApiServer.Answer other = api.send("GET", "/api/v1/sections", null, null, Map.of("Origin", "https://elsewhere.example"));
        assertThat(other.header("Access-Control-Allow-Origin")).isNull();
        problem(other, 403, "cross-origin");
    }
}
