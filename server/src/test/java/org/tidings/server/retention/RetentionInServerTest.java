package org.tidings.server.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tidings.server.ingest.FeedRefresher;
import org.tidings.server.store.SourceStore;
import org.tidings.server.testing.Feeds;
import org.tidings.server.testing.FixtureServer;
import org.tidings.server.testing.Fixtures;
import org.tidings.server.testing.RunningServer;

/** Retention as a server applies it: a pruned entry that its feed still lists is not stored again; a pruned text reads as a lead. */
class RetentionInServerTest {

    @Test
    void anEntryOlderThanTheArticlesKeptIsNotStoredAndAPrunedTextShowsItsLead(@TempDir Path data) {
        Instant now = Instant.now();
        String paragraph = "<p>The harbour authority approved the new quay after a decade of planning and objections.</p>";
        try (FixtureServer publisher = new FixtureServer();
                RunningServer server = RunningServer.start(data, "--tidings.scheduler.enabled=false",
                        "--tidings.retention.articles=365d", "--tidings.retention.full-text=30d")) {
            publisher.serve("/feed", "application/rss+xml", Feeds.rss("Harbour Times", List.of(
                    new Feeds.Item("new", publisher.url("/new"), "Quay approved", paragraph.repeat(20), now.minus(Duration.ofDays(40))),
                    new Feeds.Item("old", publisher.url("/old"), "Quay proposed", paragraph, now.minus(Duration.ofDays(800))))));
            SourceStore sources = server.bean(SourceStore.class);
            long source = sources.add(Fixtures.source(publisher.url("/feed"), "Harbour Times"), Duration.ofMinutes(15)).id();

            assertThat(server.bean(FeedRefresher.class).refresh(sources.findById(source).orElseThrow()).inserted())
                    .as("only the entry younger than the articles kept").isEqualTo(1);
            JdbcClient sql = server.bean(JdbcClient.class);
            assertThat(sql.sql("SELECT title FROM article").query(String.class).list()).containsExactly("Quay approved");

            Retention.Pruned pruned = server.bean(Retention.class).prune();
            assertThat(pruned.fullTexts()).isEqualTo(1);
            long id = sql.sql("SELECT id FROM article").query(Long.class).single();
            String page = server.get("/article/" + id).body();
            assertThat(page).contains("The harbour authority approved the new quay")
                    .contains("This is an excerpt")
                    .doesNotContain("Only the headline is available");
        }
    }
}
