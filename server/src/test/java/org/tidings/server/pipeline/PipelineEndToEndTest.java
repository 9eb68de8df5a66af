package org.tidings.server.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tidings.server.store.SourceSettings;
import org.tidings.server.store.SourceStore;
import org.tidings.server.testing.Feeds;
import org.tidings.server.testing.FixtureServer;
import org.tidings.server.testing.Fixtures;
import org.tidings.server.testing.OnEachDatabase;
import org.tidings.server.testing.RunningServer;
import org.tidings.server.testing.TestDatabase;

/**
 * An article goes the whole way in a running server, on H2 and PostgreSQL: its feed is refreshed,
 * its page fetched and extracted, it is enriched and placed in its story, and the search index,
 * which follows the database only once an hour here, is woken by the stages before it.
 */
@OnEachDatabase
class PipelineEndToEndTest {

    @Parameter
    TestDatabase db;

    @TempDir
    Path dataDir;

    private static final String PAGE = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour bridge reopens | Harbour Times</title>
            <link rel="canonical" href="/news/bridge"><meta name="keywords" content="bridges, harbours">
            <meta property="og:image" content="https://images.harbour.test/bridge.jpg"></head>
            <body><main><article><h1>Harbour bridge reopens after two years</h1>
            <p>The harbour bridge reopened to traffic on Tuesday morning after two years of repairs that cost the city
            more than forty million pounds, officials said at a ceremony attended by several hundred residents.</p>
            <p>Engineers replaced the corroded steel cables and rebuilt the road deck, which had been closed to heavy
            lorries since an inspection found cracks in its supports three winters ago.</p>
            <p>"This bridge connects two halves of our town, and today they are joined again," the mayor told the crowd.</p>
            <p>Traders on both sides said the closure had cost them customers over two winters.</p>
            <p>Several cafés near the southern end had shortened their opening hours while the detour was in place.</p>
            <p>The council said the ferry service that ran during the works would continue until the end of the month.</p>
            <p>Cyclists will have a separate lane on the eastern side of the bridge from next spring, the council added.</p>
            </article></main></body></html>""";

    @Test
    void anArticleGoesFromItsFeedToTheSearchIndexThroughEveryStage() {
        try (FixtureServer publisher = new FixtureServer();
                RunningServer server = RunningServer.start(dataDir, db.serverArguments("--tidings.search.refresh=1h"))) {
            publisher.serve("/robots.txt", "text/plain", "User-agent: *\nAllow: /\n");
            publisher.serve("/news/bridge", "text/html; charset=utf-8", PAGE);
            Instant now = Instant.now();
            publisher.serve("/times.xml", "application/rss+xml", Feeds.rss("Harbour Times", List.of(new Feeds.Item("t1",
                    publisher.url("/news/bridge?utm_source=rss"), "Harbour bridge reopens after two years",
                    "<p>The bridge reopened on Tuesday.</p>", now.minusSeconds(600)))));
            publisher.serve("/post.xml", "application/rss+xml", Feeds.rss("Valley Post", List.of(new Feeds.Item("p1",
                    publisher.url("/valley/bridge"), "Harbour bridge reopens to traffic after two years of repairs",
                    "<p>The harbour bridge reopened to traffic on Tuesday after two years of repairs.</p>", now.minusSeconds(300)))));
            SourceStore sources = server.bean(SourceStore.class);
            sources.add(Fixtures.source(publisher.url("/times.xml"), "Harbour Times"), Duration.ofMinutes(15));
            sources.add(new SourceSettings(publisher.url("/post.xml"), "Valley Post", null, "en", null, null, false, true),
                    Duration.ofMinutes(15));
            server.bean(Pipeline.class).refreshNow();

            JdbcClient sql = server.bean(JdbcClient.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> sql.sql("SELECT COUNT(*) FROM article WHERE stage = 'done'")
                    .query(Long.class).single() == 2);

            var times = sql.sql("""
                    SELECT canonical_url, full_text_status, lang, keywords, image_url, story_id, body_text FROM article
                    WHERE entry_key = 't1'""").query().singleRow();
            assertThat(times.get("canonical_url")).isEqualTo(publisher.url("/news/bridge"));
            assertThat(times.get("full_text_status")).isEqualTo("done");
            assertThat(times.get("lang")).isEqualTo("en");
            assertThat(times.get("keywords")).isEqualTo("bridges, harbours");
            assertThat(times.get("image_url")).isEqualTo("https://images.harbour.test/bridge.jpg");
            assertThat((String) times.get("body_text")).as("the extractor's text, in paragraphs")
                    .contains("officials said at a ceremony attended by several hundred residents.\n\nEngineers replaced")
                    .doesNotContain("<p>");
            long story = ((Number) times.get("story_id")).longValue();
            assertThat(sql.sql("SELECT story_id FROM article WHERE entry_key = 'p1'").query(Long.class).single())
                    .as("two publishers, one story").isEqualTo(story);
            assertThat(sql.sql("SELECT COUNT(*) FROM article_digest a JOIN article b ON b.id = a.article_id WHERE b.entry_key = 't1'")
                    .query(Long.class).single()).as("its digest, made once").isPositive();

            await().atMost(Duration.ofSeconds(10)).until(() -> server.get("/search?q=corroded").body().contains("Harbour bridge reopens"));
            assertThat(server.get("/story/" + story).body()).contains("Harbour Times", "Valley Post");
        }
    }
}
