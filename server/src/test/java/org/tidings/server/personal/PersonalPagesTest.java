package org.tidings.server.personal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tidings.server.store.ArticleDraft;
import org.tidings.server.store.ArticleStore;
import org.tidings.server.store.SourceSettings;
import org.tidings.server.store.SourceStore;
import org.tidings.server.store.StoryStore;
import org.tidings.server.testing.Browser;
import org.tidings.server.testing.Fixtures;
import org.tidings.server.testing.OnEachDatabase;
import org.tidings.server.testing.RunningServer;
import org.tidings.server.testing.Stores;
import org.tidings.server.testing.TestDatabase;

/**
 * The personal pages over real HTTP, on H2 and PostgreSQL: each reader reaches only their own
 * saved articles, follows, mutes and history; muted things leave the front page and related
 * coverage; history is kept only while it is on; every form needs its CSRF token.
 */
@OnEachDatabase
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonalPagesTest {

    @Parameter
    TestDatabase db;

    static final String PASSWORD = "tidal pools at dawn";
    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    Path dataDir;
    RunningServer server;
    long harbour, valley, bridge, bridgeToo, fete;

    @BeforeParameterizedClassInvocation
    void start() throws Exception {
        dataDir = java.nio.file.Files.createTempDirectory("tidings-test");
        List<String> args = new ArrayList<>(List.of("--tidings.scheduler.enabled=false"));
        args.addAll(List.of(db.serverArguments()));
        server = RunningServer.start(dataDir, args.toArray(String[]::new));
        SourceStore sources = server.bean(SourceStore.class);
        harbour = sources.add(Fixtures.source("https://harbour.test/feed", "Harbour Times"), Duration.ofDays(1)).id();
        valley = sources.add(Fixtures.source("https://valley.test/feed", "Valley Post"), Duration.ofDays(1)).id();
        bridge = article(harbour, "Bridge reopens after repairs", Duration.ofHours(3));
        bridgeToo = article(valley, "The bridge is open again", Duration.ofHours(2));
        fete = article(valley, "Village fete draws a crowd", Duration.ofHours(1));
        Stores.placeInStory(server.bean(StoryStore.class), bridge, bridge, null);
        Stores.placeInStory(server.bean(StoryStore.class), bridgeToo, bridge, null);
    }

    @AfterParameterizedClassInvocation
    void stop() throws Exception {
        if (server != null) server.close();
        org.springframework.util.FileSystemUtils.deleteRecursively(dataDir);
    }

    long article(long source, String title, Duration ago) {
        String url = "https://" + source + ".test/" + UUID.randomUUID();
        server.bean(ArticleStore.class).save(source, ArticleDraft.ofFeed(url, url, title, "<p>" + title + "</p>", null, null, null,
                Instant.now().minus(ago), null, "h" + url.hashCode()), false);
        return server.bean(JdbcClient.class).sql("SELECT id FROM article WHERE url = :u").param("u", url).query(Long.class).single();
    }

    Browser browser() {
        int n = ADDRESSES.getAndIncrement();
        return server.browser().withHeader("X-Forwarded-For", "10.2." + (n / 250) + "." + (n % 250 + 1));
    }

    Browser reader() {
        String email = "reader-" + UUID.randomUUID() + "@example.test";
        Browser b = browser();
        assertThat(b.post("/signup", Map.of("email", email, "displayName", "Reader", "password", PASSWORD), "/signup").statusCode())
                .isEqualTo(302);
        var in = b.post("/login", Map.of("username", email, "password", PASSWORD), "/login");
        assertThat(in.headers().firstValue("Location").orElse("")).endsWith("/for-you");
        return b;
    }

    static void ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isIn(200, 302);
    }

    @Test
    void anonymousReadersAreSentToSignInFromThePersonalPages() {
        Browser anonymous = browser();
        for (String page : List.of("/for-you", "/following", "/saved", "/history", "/account", "/feeds", "/feeds/1")) {
            var r = anonymous.get(page);
            assertThat(r.statusCode()).as(page).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElse("")).as(page).endsWith("/login");
        }
        JdbcClient jdbc = server.bean(JdbcClient.class);
        long savedBefore = jdbc.sql("SELECT COUNT(*) FROM saved_article").query(Long.class).single();
        var save = anonymous.post("/saved/" + bridge, Map.of(), "/login");
        assertThat(save.statusCode()).isEqualTo(302);
        assertThat(save.headers().firstValue("Location").orElse("")).endsWith("/login");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM saved_article").query(Long.class).single()).isEqualTo(savedBefore);
        // the article page offers to sign in instead of the buttons
        assertThat(anonymous.get("/article/" + bridge).body()).contains("href=\"/signup\"").doesNotContain("Save for later");
    }

    @Test
    void aReaderSavesAnArticleThatNoOtherReaderCanSeeOrRemove() {
        Browser nadia = reader(), omar = reader();
        ok(nadia.post("/saved/" + bridge, Map.of("back", "/article/" + bridge), "/article/" + bridge));
        assertThat(nadia.get("/saved").body()).contains("Bridge reopens after repairs");
        assertThat(nadia.get("/article/" + bridge).body()).contains("Saved (remove)");
        assertThat(omar.get("/saved").body()).doesNotContain("Bridge reopens after repairs");
        ok(omar.post("/saved/" + bridge + "/remove", Map.of(), "/saved"));
        assertThat(nadia.get("/saved").body()).contains("Bridge reopens after repairs");
        assertThat(omar.get("/account/export").body()).doesNotContain("\"articleId\":" + bridge);
        assertThat(nadia.get("/account/export").body()).contains("\"articleId\":" + bridge);
        assertThat(nadia.post("/saved/987654321", Map.of(), "/saved").statusCode()).isEqualTo(404);
        ok(nadia.post("/saved/" + bridge + "/remove", Map.of(), "/saved"));
        assertThat(nadia.get("/saved").body()).doesNotContain("Bridge reopens after repairs");
    }

    @Test
    void followsAndMutesAreEachReadersOwn() {
        Browser nadia = reader(), omar = reader();
        ok(nadia.post("/following/follow", Map.of("kind", "source", "target", String.valueOf(harbour)), "/following"));
        ok(nadia.post("/following/follow", Map.of("kind", "topic", "target", "#Ukraine"), "/following"));
        ok(nadia.post("/following/mute", Map.of("kind", "keyword", "target", "Fete"), "/following"));
        String page = nadia.get("/following").body();
        assertThat(page).contains("Harbour Times", "#ukraine", "Fete");
        String others = omar.get("/following").body();
        assertThat(others).contains("You follow nothing yet.", "You muted nothing.");
        ok(omar.post("/following/unfollow", Map.of("kind", "source", "target", String.valueOf(harbour)), "/following"));
        ok(omar.post("/following/unmute", Map.of("kind", "keyword", "target", "fete"), "/following"));
        assertThat(nadia.get("/following").body()).contains("Harbour Times", "Fete");
        assertThat(nadia.get("/account/export").body()).contains("\"target\":\"ukraine\"", "\"target\":\"fete\"");
        // nonsense is refused, not stored
        ok(nadia.post("/following/follow", Map.of("kind", "keyword", "target", "x"), "/following"));
        ok(nadia.post("/following/follow", Map.of("kind", "source", "target", "999999"), "/following"));
        assertThat(nadia.get("/following").body()).contains("That cannot be followed or muted.");
    }

    @Test
    void mutedThingsLeaveEveryListRelatedCoverageAndSearchForThatReaderOnly() {
        Browser nadia = reader();
        assertThat(nadia.get("/").body()).contains("Village fete draws a crowd", "The bridge is open again");
        assertThat(nadia.get("/article/" + bridge).body()).contains("The bridge is open again");
        String before = nadia.get("/").body();
        assertThat(before.substring(before.indexOf("top-grid"), before.indexOf("</section>", before.indexOf("top-grid"))))
                .as("the top story's card names the other publisher's headline").contains("Bridge reopens after repairs", "The bridge is open again");
        ok(nadia.post("/following/mute", Map.of("kind", "source", "target", String.valueOf(valley), "back", "/"), "/following"));
        String home = nadia.get("/").body();
        assertThat(home).contains("Bridge reopens after repairs").doesNotContain("Village fete", "The bridge is open again");
        assertThat(nadia.get("/article/" + bridge).body()).doesNotContain("The bridge is open again");
        assertThat(nadia.get("/source/" + valley).body()).doesNotContain("Village fete", "The bridge is open again");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> browser().get("/search?q=bridge").body().contains("is open again"));
        assertThat(nadia.get("/search?q=bridge").body()).as("search leaves muted things out too")
                .contains("reopens after repairs").doesNotContain("is open again");
        assertThat(browser().get("/").body()).contains("Village fete draws a crowd"); // anonymous readers see all
        assertThat(reader().get("/").body()).contains("Village fete draws a crowd"); // so do other readers
        ok(nadia.post("/following/unmute", Map.of("kind", "source", "target", String.valueOf(valley)), "/following"));
        ok(nadia.post("/following/mute", Map.of("kind", "keyword", "target", "crowd"), "/following"));
        assertThat(nadia.get("/").body()).contains("The bridge is open again").doesNotContain("Village fete");
    }

    @Test
    void historyIsKeptWhileOnAndTheReaderClearsIt() {
        Browser nadia = reader(), omar = reader();
        nadia.get("/article/" + fete);
        assertThat(nadia.get("/history").body()).contains("Village fete draws a crowd");
        assertThat(omar.get("/history").body()).doesNotContain("Village fete draws a crowd");
        ok(omar.post("/history/clear", Map.of(), "/history"));
        assertThat(nadia.get("/history").body()).contains("Village fete draws a crowd");
        ok(nadia.post("/history/clear", Map.of(), "/history"));
        assertThat(nadia.get("/history").body()).doesNotContain("Village fete draws a crowd").contains("Your reading history is cleared.");
        ok(nadia.post("/account/history", Map.of("enabled", "false"), "/account"));
        nadia.get("/article/" + fete);
        assertThat(nadia.get("/history").body()).doesNotContain("Village fete draws a crowd").contains("Reading history is off");
    }

    @Test
    void forYouShowsAFollowedSourcesStoryWithItsReason() {
        Browser nadia = reader();
        assertThat(nadia.get("/for-you").body()).contains("Follow a few topics");
        ok(nadia.post("/following/follow", Map.of("kind", "source", "target", String.valueOf(harbour), "back", "/article/" + bridge),
                "/article/" + bridge));
        String page = nadia.get("/for-you").body();
        assertThat(page).contains("Bridge reopens after repairs", "Because you follow Harbour Times").doesNotContain("Village fete");
        assertThat(nadia.get("/for-you?lang=ar").body()).contains("لأنك تتابع Harbour Times");
    }

    @Test
    void personalFormsWithoutACsrfTokenAreRefused() {
        Browser nadia = reader();
        for (var post : List.of(
                Map.entry("/following/follow", Map.of("kind", "source", "target", String.valueOf(harbour))),
                Map.entry("/following/mute", Map.of("kind", "keyword", "target", "bridge")),
                Map.entry("/saved/" + bridge, Map.<String, String>of()),
                Map.entry("/history/clear", Map.<String, String>of()))) {
            assertThat(nadia.post(post.getKey(), post.getValue(), null).statusCode()).as(post.getKey()).isEqualTo(403);
        }
        assertThat(nadia.get("/following").body()).contains("You follow nothing yet.", "You muted nothing.");
        assertThat(nadia.get("/saved").body()).doesNotContain("Bridge reopens");
    }

    @Test
    void formsGoBackOnlyToPagesOfThisSite() {
        Browser nadia = reader();
        for (String back : List.of("//evil.test/", "https://evil.test/", "/\\evil.test")) {
            var r = nadia.post("/saved/" + bridge, Map.of("back", back), "/saved");
            assertThat(r.headers().firstValue("Location").orElse("")).as(back).doesNotContain("evil").endsWith("/saved");
        }
    }
}
