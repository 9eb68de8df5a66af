package org.tidings.server.backup;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tidings.server.store.SourceSettings;
import org.tidings.server.store.SourceStore;
import org.tidings.server.testing.Browser;
import org.tidings.server.testing.Feeds;
import org.tidings.server.testing.FixtureServer;
import org.tidings.server.testing.RunningServer;

/** What the backup tests back up: two articles of a publisher, a reader (besides the administrator) and her comment. */
final class SmallSite {

    static final String READER = "mira@example.test";
    static final String PASSWORD = "a long enough passphrase 42";
    static final String COMMENT = "The detour was long";

    private SmallSite() {}

    static void fill(RunningServer server, FixtureServer publisher) {
        publisher.serve("/feed.xml", "application/rss+xml", Feeds.rss("Valley News", List.of(
                new Feeds.Item("1", publisher.url("/1"), "Bridge reopens after repairs", "<p>Traffic crossed the river again.</p>",
                        Instant.now().minusSeconds(60)),
                new Feeds.Item("2", publisher.url("/2"), "School term starts early", "<p>Pupils return on Monday.</p>",
                        Instant.now().minusSeconds(30)))));
        server.bean(SourceStore.class).add(new SourceSettings(publisher.url("/feed.xml"), "Valley News", null, "en", null, null,
                false, true), Duration.ofMinutes(15));
        await().atMost(Duration.ofSeconds(30)).until(() -> server.articleCount() == 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> server.get("/search?q=bridge").body().contains("reopens after repairs"));
        Browser reader = server.browser();
        reader.post("/signup", Map.of("email", READER, "displayName", "Mira", "password", PASSWORD), "/signup");
        reader.signIn(READER, PASSWORD);
        long article = server.bean(JdbcClient.class).sql("SELECT MIN(id) FROM article").query(Long.class).single();
        reader.post("/article/" + article + "/comments", Map.of("text", COMMENT), "/article/" + article);
    }
}
