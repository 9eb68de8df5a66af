package org.tidings.server.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
 * The "related" block of an article page over real HTTP, on H2 and PostgreSQL: similar recent
 * articles of other stories, never one that shares a single common word, never an old one, never
 * the article's own story again, and never what the reader muted.
 */
@OnEachDatabase
class RelatedArticlesTest {

    @Parameter
    TestDatabase db;

    @TempDir
    Path dataDir;

    private RunningServer server;

    @Test
    void similarArticlesOfOtherStoriesFollowTheStorysOwnReports() {
        try (RunningServer running = RunningServer.start(dataDir, db.serverArguments("--tidings.scheduler.enabled=false"))) {
            server = running;
            SourceStore sources = server.bean(SourceStore.class);
            long harbour = sources.add(Fixtures.source("https://harbour.test/feed", "Harbour Times"), Duration.ofDays(1)).id();
            long valley = sources.add(Fixtures.source("https://valley.test/feed", "Valley Post"), Duration.ofDays(1)).id();
            long coast = sources.add(Fixtures.source("https://coast.test/feed", "Coast Herald"), Duration.ofDays(1)).id();

            long cancelled = article(harbour, "Ferry operator cancels island crossings as storm batters the harbour",
                    "The ferry operator cancelled all crossings to the island on Monday as a winter storm battered the harbour, "
                            + "stranding hundreds of travellers.", Duration.ofHours(2));
            long stranded = article(valley, "Storm strands island travellers as ferries stop",
                    "Hundreds of travellers were stranded when the ferry operator stopped its crossings.", Duration.ofHours(1));
            long resume = article(coast, "Island ferry crossings to resume after winter storm, operator says",
                    "The ferry operator said crossings to the island would resume on Wednesday once the winter storm passes.",
                    Duration.ofDays(2));
            long warns = article(valley, "Ferry operator warns of more storm cancellations on island crossings",
                    "More crossings to the island may be cancelled this winter, the ferry operator warned.", Duration.ofDays(3));
            long festival = article(coast, "Harbour festival draws record crowds",
                    "Thousands attended the summer festival along the waterfront on Saturday.", Duration.ofHours(3));
            long lastMonth = article(coast, "Ferry operator cancels island crossings in winter storm",
                    "The ferry operator cancelled crossings to the island as a winter storm hit.", Duration.ofDays(30));
            StoryStore stories = server.bean(StoryStore.class);
            Stores.placeInStory(stories, cancelled, cancelled, null);
            Stores.placeInStory(stories, stranded, cancelled, null);
            for (long other : new long[] {resume, warns, festival, lastMonth}) Stores.placeInStory(stories, other, other, null);

            await().atMost(Duration.ofSeconds(30)).until(() -> related(server.get("/article/" + cancelled).body()).contains("Ferry operator warns"));
            String page = server.get("/article/" + cancelled).body();
            assertThat(related(page)).as("similar articles of other stories, from other publishers")
                    .contains("Related", "Island ferry crossings to resume after winter storm", "Ferry operator warns of more storm",
                            "Coast Herald", "Valley Post")
                    .as("one common word is not similar content; last month is not news")
                    .doesNotContain("Harbour festival", "in winter storm")
                    .as("the story's own reports are in their block, not repeated here")
                    .doesNotContain("Storm strands island travellers");
            assertThat(page.indexOf("More on this story")).as("the story's own reports come first")
                    .isPositive().isLessThan(page.indexOf("id=\"related-heading\""));
            assertThat(related(server.get("/article/" + festival).body())).as("an empty block rather than filler").isEmpty();

            Browser reader = reader();
            assertThat(reader.post("/following/mute", Map.of("kind", "source", "target", String.valueOf(valley)), "/following").statusCode())
                    .isEqualTo(302);
            assertThat(related(reader.get("/article/" + cancelled).body())).as("muted sources are left out")
                    .contains("Island ferry crossings to resume").doesNotContain("Ferry operator warns");
            assertThat(related(server.get("/article/" + cancelled).body())).contains("Ferry operator warns");
        }
    }

    /** The related block of an article page, or "" when it has none. */
    private static String related(String page) {
        int start = page.indexOf("id=\"related-heading\"");
        return start < 0 ? "" : page.substring(start, page.indexOf("</section>", start));
    }

    private long article(long source, String title, String lead, Duration ago) {
        String url = "https://" + source + ".test/" + UUID.randomUUID();
        server.bean(ArticleStore.class).save(source, ArticleDraft.ofFeed(url, url, title, "<p>" + lead + "</p>", null, null, null,
                Instant.now().minus(ago), null, "h" + url.hashCode()), false);
        return server.bean(JdbcClient.class).sql("SELECT id FROM article WHERE url = :u").param("u", url).query(Long.class).single();
    }

    private Browser reader() {
        String email = "reader-" + UUID.randomUUID() + "@example.test";
        String password = "tidal pools at dawn";
        Browser b = server.browser();
        assertThat(b.post("/signup", Map.of("email", email, "displayName", "Reader", "password", password), "/signup").statusCode())
                .isEqualTo(302);
        assertThat(b.post("/login", Map.of("username", email, "password", password), "/login").statusCode()).isEqualTo(302);
        return b;
    }
}
