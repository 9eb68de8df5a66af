package org.tidings.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;
import org.tidings.server.search.SearchIndex;
import org.tidings.server.store.SourceSettings;
import org.tidings.server.store.SourceStore;
import org.tidings.server.testing.Feeds;
import org.tidings.server.testing.FixtureServer;
import org.tidings.server.testing.RunningServer;

/** {@code tidings reindex} fills a lost index again from the database, and says when it cannot. */
class ReindexCommandTest {

    @TempDir
    Path dataDir;

    @Test
    void aLostIndexIsRebuiltFromTheDatabase() throws Exception {
        try (FixtureServer publisher = new FixtureServer()) {
            Instant now = Instant.now();
            publisher.serve("/feed.xml", "application/rss+xml", Feeds.rss("Valley News", List.of(
                    new Feeds.Item("1", publisher.url("/1"), "Bridge reopens after repairs", "<p>Traffic crossed the river again.</p>", now.minusSeconds(60)),
                    new Feeds.Item("2", publisher.url("/2"), "School term starts early", "<p>Pupils return on Monday.</p>", now.minusSeconds(30)))));
            try (RunningServer server = RunningServer.start(dataDir)) {
                server.bean(SourceStore.class).add(new SourceSettings(publisher.url("/feed.xml"), "Valley News", null, "en", null, null, false, true),
                        Duration.ofMinutes(15));
                await().atMost(Duration.ofSeconds(30)).until(() -> server.articleCount() == 2);
                await().atMost(Duration.ofSeconds(30)).until(() -> server.get("/search?q=bridge").body().contains("reopens after repairs"));
            }
        }
        FileSystemUtils.deleteRecursively(dataDir.resolve("search"));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ReindexCommand.run(List.of("--tidings.data-dir=" + dataDir), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("reindexed 2 articles");
        try (SearchIndex index = SearchIndex.open(dataDir.resolve("search"))) {
            assertThat(index.size()).isEqualTo(2);
        }

        try (SearchIndex held = SearchIndex.open(dataDir.resolve("search"))) {
            int busy = ReindexCommand.run(List.of("--tidings.data-dir=" + dataDir), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(busy).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("tidings reindex:", "another process writes the search index");
        }
    }
}
