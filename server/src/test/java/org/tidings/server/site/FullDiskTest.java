package org.tidings.server.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tidings.server.pipeline.Pipeline;
import org.tidings.server.store.SourceSettings;
import org.tidings.server.store.SourceStore;
import org.tidings.server.testing.Browser;
import org.tidings.server.testing.Feeds;
import org.tidings.server.testing.FixtureServer;
import org.tidings.server.testing.RunningServer;
import org.tidings.server.testing.SmallDisk;

/**
 * The data directory (the embedded database and the search index) on a small filesystem that fills up, then has room
 * again. The embedded database closes itself when a write fails for want of space and opens again on the next
 * connection: writes fail cleanly meanwhile, reads mostly go on, and nothing it had confirmed is lost.
 */
class FullDiskTest {

    private static final String UNAVAILABLE = "The site is temporarily unavailable and could not complete your request.";

    @Test
    void aFullDiskFailsWritesWithAClearPageAndTheSiteRecoversWithoutARestartLosingNothing(@TempDir Path work) throws Exception {
        Instant now = Instant.now();
        List<Feeds.Item> items = new ArrayList<>(List.of(new Feeds.Item("tide-1", "http://publisher.test/tide-1",
                "Spring tide floods the harbour road", "<p>The harbour road was under water for two hours.</p>", now.minusSeconds(3600))));
        List<String> confirmed = new ArrayList<>();
        long article;
        try (SmallDisk disk = SmallDisk.mount(Files.createDirectories(work.resolve("disk")), 64);
                FixtureServer publisher = new FixtureServer()) {
            Path data = disk.path().resolve("data");
            try (RunningServer server = RunningServer.start(data, "--tidings.scheduler.min-interval=1s",
                    "--tidings.scheduler.max-interval=1s")) {
                ListAppender<ILoggingEvent> logged = new ListAppender<>();
                logged.start();
                Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
                root.addAppender(logged);
                try {
                    publisher.serve("/tides.xml", "application/rss+xml", Feeds.rss("Harbour Times", items));
                    server.bean(SourceStore.class).add(new SourceSettings(publisher.url("/tides.xml"), "Harbour Times", null, "en",
                            null, null, false, true), Duration.ofSeconds(1));
                    server.bean(Pipeline.class).refreshNow();
                    JdbcClient sql = server.bean(JdbcClient.class);
                    await().atMost(Duration.ofSeconds(30)).until(() -> count(sql, "tide-1") == 1);
                    article = sql.sql("SELECT id FROM article WHERE entry_key = 'tide-1'").query(Long.class).single();
                    Browser admin = server.browser();
                    admin.signInAsAdmin();
                    assertThat(comment(admin, article, "Written before the disk filled").statusCode()).isEqualTo(302);
                    confirmed.add("Written before the disk filled");

                    disk.fill();
                    assertThat(disk.usable()).isLessThan(64 * 1024);
                    items.add(new Feeds.Item("tide-2", "http://publisher.test/tide-2", "Ferry sails again after the storm",
                            "<p>The ferry sailed on time this morning.</p>", Instant.now().minusSeconds(60)));
                    publisher.serve("/tides.xml", "application/rss+xml", Feeds.rss("Harbour Times", items));
                    // the database may still have room inside its file for a write or two: it fails at the latest when it must grow
                    HttpResponse<String> refused = null;
                    for (int i = 0; i < 10 && refused == null; i++) {
                        String text = "Written on a full disk, number " + i;
                        HttpResponse<String> answer = comment(admin, article, text);
                        assertThat(answer.statusCode()).as("saved or refused cleanly").isIn(302, 503);
                        if (answer.statusCode() == 302) confirmed.add(text);
                        else refused = answer;
                    }
                    assertThat(refused).as("a comment refused on the full disk").isNotNull();
                    assertThat(refused.body()).contains(UNAVAILABLE).doesNotContain("Exception", "at org.", "Something went wrong");
                    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
                    await().atMost(Duration.ofSeconds(10)).until(() -> List.copyOf(logged.list).stream().anyMatch(e ->
                            e.getLevel() == Level.WARN && String.valueOf(e.getKeyValuePairs()).contains("reason=\"disk_full\"")
                                    && e.getFormattedMessage().contains("the disk is full") && e.getThrowableProxy() == null));

                    disk.free();
                    await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                            .until(() -> comment(admin, article, "Written once there was room again").statusCode() == 302);
                    confirmed.add("Written once there was room again");
                    await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> count(sql, "tide-2") == 1);
                    assertThat(count(sql, "tide-%")).as("every item stored exactly once").isEqualTo(2);
                    assertThat(admin.get("/article/" + article).body()).contains(confirmed);
                } finally {
                    root.detachAppender(logged);
                }
            }
            try (RunningServer again = RunningServer.start(data, "--tidings.scheduler.enabled=false")) {
                Browser admin = again.browser();
                admin.signInAsAdmin();
                assertThat(admin.get("/article/" + article).body()).as("every confirmed comment, after a restart too").contains(confirmed);
                assertThat(count(again.bean(JdbcClient.class), "tide-%")).isEqualTo(2);
            }
        }
    }

    private static HttpResponse<String> comment(Browser as, long article, String text) {
        return as.post("/article/" + article + "/comments", Map.of("text", text), "/article/" + article);
    }

    private static long count(JdbcClient sql, String entryKeys) {
        return sql.sql("SELECT COUNT(*) FROM article WHERE entry_key LIKE :keys").param("keys", entryKeys).query(Long.class).single();
    }
}
