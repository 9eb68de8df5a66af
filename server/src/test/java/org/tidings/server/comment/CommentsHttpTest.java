package org.tidings.server.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tidings.server.store.CommentStore;
import org.tidings.server.testing.Browser;
import org.tidings.server.testing.OnEachDatabase;
import org.tidings.server.testing.RunningServer;
import org.tidings.server.testing.TestDatabase;

/**
 * Comments through real HTTP, on H2 and on PostgreSQL: every comment endpoint tried as the author, as another reader and
 * anonymously, every form refused without its CSRF token, the stored-XSS vectors rendered as
 * text on the article page, counts on the lists, and moderation for moderators only.
 */
@OnEachDatabase
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommentsHttpTest {

    @Parameter
    TestDatabase db;
    Path dataDir;
    RunningServer server;
    List<Long> articles;
    Browser author, other, moderator, anonymous;

    @BeforeParameterizedClassInvocation
    void start() throws java.io.IOException {
        dataDir = java.nio.file.Files.createTempDirectory("tidings-comments-http");
        List<String> settings = new java.util.ArrayList<>(List.of("--tidings.scheduler.enabled=false",
                "--tidings.comments.user-burst=1000", "--tidings.comments.address-burst=1000"));
        settings.addAll(List.of(db.serverArguments()));
        server = RunningServer.start(dataDir, settings.toArray(String[]::new));
        articles = CommentServer.articles(server, 3);
        author = CommentServer.account(server, "amina", "READER", Duration.ofDays(30));
        other = CommentServer.account(server, "bruno", "READER", Duration.ofDays(30));
        moderator = CommentServer.account(server, "mona", "MODERATOR", Duration.ofDays(30));
        anonymous = server.browser();
    }

    @AfterParameterizedClassInvocation
    void stop() throws java.io.IOException {
        server.close();
        org.springframework.util.FileSystemUtils.deleteRecursively(dataDir);
    }

    private String status(long commentId) {
        return server.bean(JdbcClient.class).sql("SELECT status FROM comment WHERE id = :id").param("id", commentId)
                .query(String.class).single();
    }

    private String body(long commentId) {
        return server.bean(JdbcClient.class).sql("SELECT body FROM comment WHERE id = :id").param("id", commentId)
                .query(String.class).single();
    }

    private long count(String sql, long commentId) {
        return server.bean(JdbcClient.class).sql(sql).param("id", commentId).query(Long.class).single();
    }

    private HttpResponse<String> post(Browser as, String path, Map<String, String> form) {
        return as.post(path, form, as == anonymous ? "/login" : "/article/" + articles.getFirst());
    }

    private void refusedToAnonymous(HttpResponse<String> r) {
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void onlyTheAuthorEditsOrDeletesAComment() {
        long article = articles.getFirst();
        long id = CommentServer.comment(author, article, null, "My own words");

        for (Browser stranger : List.of(other, moderator)) {
            assertThat(post(stranger, "/comments/" + id + "/edit", Map.of("text", "Not yours")).statusCode()).isEqualTo(403);
            assertThat(post(stranger, "/comments/" + id + "/delete", Map.of()).statusCode()).isEqualTo(403);
        }
        refusedToAnonymous(post(anonymous, "/comments/" + id + "/edit", Map.of("text", "Not yours")));
        refusedToAnonymous(post(anonymous, "/comments/" + id + "/delete", Map.of()));
        assertThat(body(id)).isEqualTo("My own words");
        assertThat(status(id)).isEqualTo("visible");

        HttpResponse<String> edited = post(author, "/comments/" + id + "/edit", Map.of("text", "My own, better words"));
        assertThat(edited.statusCode()).isEqualTo(302);
        assertThat(edited.headers().firstValue("Location").orElseThrow()).endsWith("/article/" + article + "#comment-" + id);
        assertThat(body(id)).isEqualTo("My own, better words");
        assertThat(Jsoup.parse(other.get("/article/" + article).body()).selectFirst("#comment-" + id + " .comment-edited"))
                .isNotNull();
        assertThat(post(author, "/comments/" + id + "/delete", Map.of()).statusCode()).isEqualTo(302);
        assertThat(status(id)).isEqualTo("deleted");
        assertThat(other.get("/article/" + article).body()).doesNotContain("better words");
    }

    @Test
    void readersLikeAndReportOthersCommentsButAnonymousReadersCannot() {
        long id = CommentServer.comment(author, articles.getFirst(), null, "Like or report me");
        String likes = "SELECT COUNT(*) FROM comment_reaction WHERE comment_id = :id";
        String reports = "SELECT COUNT(*) FROM comment_report WHERE comment_id = :id";

        refusedToAnonymous(post(anonymous, "/comments/" + id + "/like", Map.of()));
        refusedToAnonymous(post(anonymous, "/comments/" + id + "/report", Map.of("reason", "spam")));
        refusedToAnonymous(post(anonymous, "/article/" + articles.getFirst() + "/comments", Map.of("text", "anon")));
        assertThat(count(likes, id)).isZero();
        assertThat(count(reports, id)).isZero();

        assertThat(post(other, "/comments/" + id + "/like", Map.of()).statusCode()).isEqualTo(302);
        assertThat(count(likes, id)).isEqualTo(1);
        assertThat(post(other, "/comments/" + id + "/like", Map.of()).statusCode()).isEqualTo(302);
        assertThat(count(likes, id)).as("a second like takes the first back").isZero();

        assertThat(post(author, "/comments/" + id + "/report", Map.of("reason", "spam")).statusCode()).isEqualTo(302);
        assertThat(count(reports, id)).as("nobody reports their own comment").isZero();
        assertThat(post(other, "/comments/" + id + "/report", Map.of("reason", "spam")).statusCode()).isEqualTo(302);
        assertThat(count(reports, id)).isEqualTo(1);

        assertThat(post(other, "/comments/424242/like", Map.of()).statusCode()).isEqualTo(404);
        assertThat(post(other, "/comments/424242/edit", Map.of("text", "x")).statusCode()).isEqualTo(404);
    }

    @Test
    void moderatorsSeeInTheHeaderHowManyCommentsWait() {
        long id = CommentServer.comment(author, articles.getFirst(), null, "Count me in the queue");
        CommentStore comments = server.bean(CommentStore.class);
        int before = comments.waiting();
        assertThat(post(other, "/comments/" + id + "/report", Map.of("reason", "spam")).statusCode()).isEqualTo(302);
        assertThat(comments.waiting()).isEqualTo(before + 1).isEqualTo(comments.queue(1000).size());
        assertThat(moderator.get("/").body()).contains("<a href=\"/moderation\">Moderation (" + (before + 1) + ")</a>");
        assertThat(other.get("/").body()).doesNotContain("href=\"/moderation\"");
        assertThat(anonymous.get("/").body()).doesNotContain("href=\"/moderation\"");
        assertThat(post(moderator, "/moderation/comments/" + id + "/hide", Map.of()).statusCode()).isEqualTo(302);
        assertThat(moderator.get("/").body()).contains("<a href=\"/moderation\">Moderation (" + before + ")</a>");
    }

    @Test
    void aModeratorKeepsAReportedCommentAndDismissesItsReports() {
        long id = CommentServer.comment(author, articles.getFirst(), null, "Reported but fine");
        assertThat(post(other, "/comments/" + id + "/report", Map.of("reason", "spam")).statusCode()).isEqualTo(302);
        assertThat(moderator.get("/moderation").body()).contains("/moderation/comments/" + id + "/dismiss");

        var dismissed = post(moderator, "/moderation/comments/" + id + "/dismiss", Map.of());
        assertThat(dismissed.statusCode()).isEqualTo(302);
        assertThat(status(id)).isEqualTo("visible");
        assertThat(count("SELECT COUNT(*) FROM comment_report WHERE comment_id = :id AND resolved_at IS NULL", id)).isZero();
        assertThat(moderator.get("/moderation").body()).doesNotContain("/moderation/comments/" + id + "/");
        assertThat(count("SELECT COUNT(*) FROM moderation_action WHERE comment_id = :id AND action = 'dismiss'", id)).isEqualTo(1);
    }

    @Test
    void aHeldCommentIsApproved() {
        Browser newcomer = CommentServer.account(server, "nico", "READER", Duration.ofHours(1));
        long id = CommentServer.comment(newcomer, articles.getFirst(), null, "Read more at https://elsewhere.test/offer");
        assertThat(status(id)).isEqualTo("held");
        String queue = moderator.get("/moderation").body();
        assertThat(queue).contains("/moderation/comments/" + id + "/approve", ">Approve</button>")
                .doesNotContain("/moderation/comments/" + id + "/restore");

        assertThat(post(moderator, "/moderation/comments/" + id + "/approve", Map.of()).statusCode()).isEqualTo(302);
        assertThat(status(id)).isEqualTo("visible");
        assertThat(other.get("/article/" + articles.getFirst()).body()).contains("elsewhere.test/offer");
        assertThat(count("SELECT COUNT(*) FROM moderation_action WHERE comment_id = :id AND action = 'approve'", id)).isEqualTo(1);
    }

    @Test
    void onlyModeratorsModerate() {
        long id = CommentServer.comment(author, articles.getFirst(), null, "Moderate me");
        assertThat(other.get("/moderation").statusCode()).isEqualTo(403);
        assertThat(author.get("/moderation").statusCode()).isEqualTo(403);
        refusedToAnonymous(anonymous.get("/moderation"));
        for (String action : List.of("hide", "restore", "delete", "suspend", "lift")) {
            assertThat(post(other, "/moderation/comments/" + id + "/" + action, Map.of()).statusCode()).isEqualTo(403);
            assertThat(post(author, "/moderation/comments/" + id + "/" + action, Map.of()).statusCode()).isEqualTo(403);
            refusedToAnonymous(post(anonymous, "/moderation/comments/" + id + "/" + action, Map.of()));
        }
        assertThat(status(id)).isEqualTo("visible");
        assertThat(count("SELECT COUNT(*) FROM account_suspension WHERE account_id = (SELECT author_id FROM comment WHERE id = :id)", id)).isZero();

        assertThat(moderator.get("/moderation").statusCode()).isEqualTo(200);
        assertThat(post(moderator, "/moderation/comments/" + id + "/hide", Map.of("note", "test")).statusCode()).isEqualTo(302);
        assertThat(status(id)).isEqualTo("hidden");
        assertThat(other.get("/article/" + articles.getFirst()).body()).doesNotContain("Moderate me");
        assertThat(post(moderator, "/moderation/comments/" + id + "/restore", Map.of()).statusCode()).isEqualTo(302);
        assertThat(other.get("/article/" + articles.getFirst()).body()).contains("Moderate me");
        assertThat(count("SELECT COUNT(*) FROM moderation_action WHERE comment_id = :id", id)).isEqualTo(2);
    }

    @Test
    void everyFormIsRefusedWithoutItsCsrfToken() {
        long id = CommentServer.comment(author, articles.getFirst(), null, "Keep me as I am");
        Map<String, Supplier<HttpResponse<String>>> attempts = new java.util.LinkedHashMap<>();
        attempts.put("post", () -> author.post("/article/" + articles.getFirst() + "/comments", Map.of("text", "forged"), null));
        attempts.put("reply", () -> author.post("/article/" + articles.getFirst() + "/comments",
                Map.of("text", "forged", "parent", String.valueOf(id)), null));
        attempts.put("edit", () -> author.post("/comments/" + id + "/edit", Map.of("text", "forged"), null));
        attempts.put("delete", () -> author.post("/comments/" + id + "/delete", Map.of(), null));
        attempts.put("like", () -> other.post("/comments/" + id + "/like", Map.of(), null));
        attempts.put("report", () -> other.post("/comments/" + id + "/report", Map.of("reason", "spam"), null));
        for (String action : List.of("hide", "delete", "suspend")) {
            attempts.put("moderation " + action, () -> moderator.post("/moderation/comments/" + id + "/" + action, Map.of(), null));
        }
        long before = count("SELECT COUNT(*) FROM comment WHERE id >= :id", id);
        attempts.forEach((name, attempt) -> assertThat(attempt.get().statusCode()).as(name).isEqualTo(403));
        assertThat(count("SELECT COUNT(*) FROM comment WHERE id >= :id", id)).isEqualTo(before);
        assertThat(body(id)).isEqualTo("Keep me as I am");
        assertThat(status(id)).isEqualTo("visible");
        assertThat(count("SELECT COUNT(*) FROM comment_reaction WHERE comment_id = :id", id)
                + count("SELECT COUNT(*) FROM comment_report WHERE comment_id = :id", id)).isZero();
        assertThat(count("SELECT COUNT(*) FROM moderation_action WHERE comment_id = :id", id)).isZero();
    }

    @Test
    void storedXssVectorsAreShownAsTextOnTheArticleAndStoryPages() throws Exception {
        long article = articles.get(1);
        List<String> vectors = CommentTextTest.vectors().toList();
        for (String vector : vectors) CommentServer.comment(moderator, article, null, vector);
        for (Browser reader : List.of(anonymous, other)) {
            Document page = Jsoup.parse(reader.get("/article/" + article + "?threads=1000").body());
            assertThat(page.select(".comments .comment")).hasSizeGreaterThanOrEqualTo(vectors.size());
            assertSafe(page);
            Document story = Jsoup.parse(reader.get("/story/" + articles.getFirst()).body());
            assertThat(story.select(".story-comments .comment")).isNotEmpty();
            assertSafe(story);
        }
    }

    /** Only Tidings' own script and chart, no event handlers, no javascript: or data: links, no frames or objects anywhere. */
    static void assertSafe(Document page) {
        assertThat(page.select("script")).singleElement().satisfies(s -> assertThat(s.attr("src")).isEqualTo("/static/app.js"));
        assertThat(page.select("iframe, object, embed, svg, math, style, base, meta[http-equiv], link[rel=stylesheet]:not([href=/static/app.css])"))
                .as("no embedded content but the story's own coverage chart (server-drawn SVG)")
                .allSatisfy(e -> assertThat(e.tagName().equals("svg") && e.parent() != null
                        && e.parent().parent() != null && e.parent().parent().hasClass("coverage-chart")).isTrue());
        for (Element e : page.getAllElements()) {
            for (Attribute a : e.attributes()) {
                assertThat(a.getKey()).as("attribute on <%s>", e.tagName()).doesNotStartWith("on");
                if (a.getKey().equals("href") || a.getKey().equals("src") || a.getKey().equals("action")) {
                    assertThat(a.getValue().strip().toLowerCase()).as("%s of <%s>", a.getKey(), e.tagName())
                            .doesNotStartWith("javascript:").doesNotStartWith("data:").doesNotStartWith("vbscript:");
                }
            }
        }
        for (Element text : page.select(".comment-text")) {
            for (Element inside : text.select("*")) {
                if (inside != text) assertThat(inside.tagName()).isIn("p", "br", "em", "strong", "a");
            }
        }
    }

    @Test
    void listsShowHowManyCommentsEachArticleHas() {
        long article = articles.get(2);
        CommentServer.comment(author, article, null, "one");
        long second = CommentServer.comment(author, article, null, "two");
        CommentServer.comment(other, article, second, "a reply");
        Document home = Jsoup.parse(anonymous.get("/").body());
        assertThat(home.select("a.comment-count[href=/article/" + article + "#comments]").text()).isEqualTo("3 comments");
        Document story = Jsoup.parse(anonymous.get("/story/" + articles.getFirst()).body());
        assertThat(story.select("a.comment-count[href=/article/" + article + "#comments]").text()).isEqualTo("3 comments");
        Document arabic = Jsoup.parse(anonymous.get("/article/" + article + "?lang=ar").body());
        assertThat(arabic.select("#comments-heading").text()).isEqualTo("3 تعليقات");
    }

    @Test
    void aRefusedCommentIsGivenBackWithTheReason() {
        String tooLong = "x".repeat(4001);
        HttpResponse<String> r = post(author, "/article/" + articles.getFirst() + "/comments", Map.of("text", tooLong));
        assertThat(r.statusCode()).isEqualTo(302);
        Document page = Jsoup.parse(author.get("/article/" + articles.getFirst()).body());
        assertThat(page.select(".comments .problem").text()).contains("4000");
        assertThat(page.select("#comment-text").text()).isEqualTo(tooLong);
    }

    @Test
    void theAnswerToAnActionStandsNextToTheCommentItConcerns() {
        long article = articles.get(1);
        long first = CommentServer.comment(author, article, null, "The first thread");
        long second = CommentServer.comment(author, article, null, "The second thread");

        assertThat(post(other, "/comments/" + second + "/report", Map.of("reason", "spam")).statusCode()).isEqualTo(302);
        Document reported = Jsoup.parse(other.get("/article/" + article).body());
        assertThat(reported.select("#comment-" + second + " > .notice").text()).contains("a moderator will look at it");
        assertThat(reported.select("#comment-" + first + " .notice")).isEmpty();
        assertThat(reported.select("#comments > .notice")).as("not above the comments").isEmpty();

        HttpResponse<String> refused = post(other, "/article/" + article + "/comments",
                Map.of("text", "y".repeat(4001), "parent", String.valueOf(first)));
        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("#comment-" + first);
        Document given = Jsoup.parse(other.get("/article/" + article).body());
        assertThat(given.select("#comment-" + first + " > .problem").text()).contains("4000");
        assertThat(given.selectFirst("#comment-" + first + " details.comment-reply").hasAttr("open"))
                .as("the reply form is open with the text given back").isTrue();
        assertThat(given.select("#reply-" + first).text()).isEqualTo("y".repeat(4001));
        assertThat(given.selectFirst("#comment-" + second + " details.comment-reply").hasAttr("open")).isFalse();

        assertThat(post(moderator, "/moderation/comments/" + second + "/hide", Map.of("back", "article")).statusCode())
                .isEqualTo(302);
        Document moderated = Jsoup.parse(moderator.get("/article/" + article).body());
        assertThat(moderated.select("#comment-" + second + " > .notice").text()).isEqualTo("The comment is hidden.");
        assertThat(moderated.select("#comments > .notice")).isEmpty();

        assertThat(post(author, "/comments/" + first + "/delete", Map.of()).statusCode()).isEqualTo(302);
        Document deleted = Jsoup.parse(author.get("/article/" + article).body());
        assertThat(deleted.select("#comment-" + first)).as("a deleted thread without replies leaves no trace").isEmpty();
        assertThat(deleted.select("#comments > .notice").text()).as("so its notice stands above the comments").contains("deleted");
    }
}
