package org.tidings.server.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;
import org.tidings.server.store.Source;
import org.tidings.server.store.SourceStore;
import org.tidings.server.testing.RunningServer;

/**
 * {@code serve --demo} fills the front page within seconds, through fetch, parse and store: the full-text sample
 * articles and the real headlines of real stories, which make top stories told by several publishers.
 */
class DemoEditionTest {

    @TempDir
    Path dataDir;

    @Test
    void theSampleEditionIsIngestedThroughThePipeline() throws Exception {
        Instant now = Instant.now();
        int fullText = SamplePublisher.load(now).size();
        List<SamplePublisher.SampleHeadline> headlines = SamplePublisher.headlines(now);
        // no allowed networks here: the demo itself must allow its own publisher, and only that
        try (RunningServer server = RunningServer.start(dataDir, "--tidings.demo=true", "--tidings.fetch.allowed-networks=",
                "--tidings.scheduler.tick=5s")) {
            SourceStore sources = server.bean(SourceStore.class);
            JdbcClient sql = server.bean(JdbcClient.class);
            // the real stories are told by many publishers: the front page's top stories show it within seconds, before
            // the last of the smaller publishers' headlines are in
            await().atMost(Duration.ofSeconds(120)).until(() -> maxPublishers(server.get("/").body()) >= 3);
            await().atMost(Duration.ofSeconds(15)).until(() -> sql.sql("SELECT COUNT(*) FROM article WHERE url LIKE 'http://127.0.0.1:%'")
                    .query(Long.class).single() == fullText);

            List<Source> fetched = sources.findAll().stream().filter(s -> s.health().lastFetchAt() != null).toList();
            assertThat(fetched).hasSizeGreaterThan(3).allSatisfy(s -> {
                assertThat(s.feedUrl()).startsWith("http://127.0.0.1:");
                assertThat(s.health().lastStatus()).isEqualTo("ok");
                assertThat(s.language()).isNotBlank();
            });
            assertThat(sources.findAll()).extracting(Source::name).contains("BBC News", "Le Monde", "Reuters", "Los Angeles Times");
            assertThat(sources.findAll()).filteredOn(s -> s.feedUrl().contains("/feeds/headlines/"))
                    .as("the headlines link to the publishers' sites, which the demo never fetches").noneMatch(Source::fullText);

            long obama = sql.sql("SELECT id FROM article WHERE title LIKE 'Obama admits US gun laws are his%'").query(Long.class).single();
            assertThat(server.get("/article/" + obama).body()).as("a full-text sample article keeps its text")
                    .contains("Obama admits US gun laws are his").doesNotContain("Only the headline is available");

            var reuters = headlines.stream().filter(h -> h.publisher().equals("Reuters")).findFirst().orElseThrow();
            await().atMost(Duration.ofSeconds(15)).until(() -> sql.sql("SELECT COUNT(*) FROM article WHERE url = :url")
                    .param("url", reuters.url()).query(Long.class).single() == 1);
            long headlineOnly = sql.sql("SELECT id FROM article WHERE url = :url").param("url", reuters.url()).query(Long.class).single();
            String article = server.get("/article/" + headlineOnly).body();
            assertThat(article).contains(HtmlUtils.htmlEscape(reuters.title())).contains("Only the headline is available")
                    .contains("href=\"" + HtmlUtils.htmlEscape(reuters.url()) + "\"");
            assertThat(dataDir.resolve("db")).as("the demo keeps nothing on disk").doesNotExist();
        }
    }

    private static int maxPublishers(String home) {
        Matcher m = Pattern.compile(">(\\d+) publishers<").matcher(home);
        int max = 0;
        while (m.find()) max = Math.max(max, Integer.parseInt(m.group(1)));
        return max;
    }
}
