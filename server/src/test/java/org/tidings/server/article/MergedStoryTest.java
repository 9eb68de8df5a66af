package org.tidings.server.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tidings.server.store.ArticleDraft;
import org.tidings.server.store.ArticleStore;
import org.tidings.server.store.SourceStore;
import org.tidings.server.store.StoryStore;
import org.tidings.server.testing.Fixtures;
import org.tidings.server.testing.RunningServer;
import org.tidings.server.testing.Stores;

/**
 * A story's address outlives the story: when the story desk finds that two stories are one and merges them, links to
 * the story that was absorbed (on pages served before, in readers' bookmarks) lead to the one it became part of.
 */
class MergedStoryTest {

    @TempDir
    Path dataDir;

    private RunningServer server;
    private long source;

    @Test
    void theAddressOfAStoryMergedIntoAnotherLeadsToIt() {
        try (RunningServer running = RunningServer.start(dataDir, "--tidings.scheduler.enabled=false")) {
            server = running;
            source = server.bean(SourceStore.class).add(Fixtures.source("https://harbour.test/feed", "Harbour Times"),
                    Duration.ofDays(1)).id();
            long closes = article("Storm closes the port for a second day", Duration.ofHours(3));
            long stranded = article("Ferries stay in harbour as the storm goes on", Duration.ofHours(2));
            long festival = article("Harbour festival draws record crowds", Duration.ofHours(1));
            long unplaced = article("Council approves budget for harbour repairs", Duration.ofMinutes(30));
            StoryStore stories = server.bean(StoryStore.class);
            for (long founder : new long[] {closes, stranded, festival}) Stores.placeInStory(stories, founder, founder, null);
            assertThat(server.get("/story/" + stranded).body()).contains("Ferries stay in harbour");

            stories.merge(List.of(stranded), closes); // the desk found the two stories to be one

            HttpResponse<String> moved = server.get("/story/" + stranded);
            assertThat(moved.statusCode()).as("moved for good").isEqualTo(301);
            assertThat(moved.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/story/" + closes));
            assertThat(server.get("/story/" + closes).body()).contains("Storm closes the port", "Ferries stay in harbour");
            assertThat(server.get("/story/" + festival).body()).as("other stories are where they were")
                    .contains("Harbour festival draws record crowds");
            assertThat(server.get("/story/" + unplaced).statusCode()).as("an article in no story yet is no story's address")
                    .isEqualTo(404);
            assertThat(server.get("/story/999999").statusCode()).isEqualTo(404);
        }
    }

    private long article(String title, Duration ago) {
        String url = "https://harbour.test/" + UUID.randomUUID();
        server.bean(ArticleStore.class).save(source, ArticleDraft.ofFeed(url, url, title, "<p>" + title + ", officials said.</p>",
                null, null, null, Instant.now().minus(ago), null, "h" + url.hashCode()), false);
        return server.bean(JdbcClient.class).sql("SELECT id FROM article WHERE url = :u").param("u", url).query(Long.class).single();
    }
}
