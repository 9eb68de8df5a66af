package org.tidings.server.search.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tidings.server.search.ArticleIndex;
import org.tidings.server.search.SearchEngine;
import org.tidings.server.store.SourceSettings;
import org.tidings.server.store.SourceStore;
import org.tidings.server.testing.DatabaseCut;
import org.tidings.server.testing.Feeds;
import org.tidings.server.testing.FixtureServer;
import org.tidings.server.testing.OpenSearchNode;
import org.tidings.server.testing.RunningServer;

/**
 * A server searching on an OpenSearch node it reaches through a link the test cuts: away at the start (one message
 * naming the setting, the site serves, the search page says so in a sentence in English and Arabic), back (the index
 * catches up with what arrived meanwhile), away again (article pages still render, their related block empty), back.
 */
@ExtendWith(OutputCaptureExtension.class)
class ClusterOutageTest {

    @TempDir
    Path dataDir;

    @Test
    void whileTheClusterIsAwayTheSiteServesSearchSaysSoAndTheIndexCatchesUpAfter(CapturedOutput output) throws Exception {
        int nodePort = URI.create(OpenSearchNode.shared().url()).getPort();
        try (DatabaseCut link = new DatabaseCut("127.0.0.1", nodePort); FixtureServer publishers = new FixtureServer()) {
            link.cut();
            String url = "http://127.0.0.1:" + link.port();
            try (RunningServer server = RunningServer.start(dataDir, "--tidings.search.url=" + url,
                    "--tidings.search.index-prefix=outage-" + ProcessHandle.current().pid(), "--tidings.search.replicas=0")) {
                assertThat(server.bean(ArticleIndex.class)).isInstanceOf(ClusterIndex.class);
                assertThat(server.bean(SearchEngine.class)).isInstanceOf(ClusterSearch.class);
                assertThat(occurrences(output, "OpenSearch at " + url + " (tidings.search.url) cannot be reached"))
                        .as("one clear message at the start, naming the setting").isEqualTo(1);

                Instant now = Instant.now();
                List<Feeds.Item> items = new ArrayList<>(List.of(item(publishers, "/h/ferry", "Ferry service resumes after the storm",
                        "<p>The island ferry sailed again on Monday after the storm closed the harbour.</p>", now.minusSeconds(600))));
                publishers.serve("/harbour.xml", "application/rss+xml", Feeds.rss("Harbour Post", items));
                server.bean(SourceStore.class).add(new SourceSettings(publishers.url("/harbour.xml"), "Harbour Post", null, "en", "uk",
                        "world", false, true), Duration.ofMinutes(15));
                await().atMost(Duration.ofSeconds(30)).until(() -> server.articleCount() == 1);

                assertThat(server.get("/").statusCode()).as("the site serves").isEqualTo(200);
                long ferry = server.bean(JdbcClient.class).sql("SELECT id FROM article").query(Long.class).single();
                assertThat(server.get("/article/" + ferry).statusCode()).isEqualTo(200);
                HttpResponse<String> away = server.get("/search?q=ferry");
                assertThat(away.statusCode()).isEqualTo(503);
                assertThat(away.body()).contains("Search is unavailable for the moment").doesNotContain("Exception");
                assertThat(server.get("/search?q=ferry&lang=ar").body()).contains("البحث غير متاح في الوقت الحالي");
                assertThat(server.get("/search/feed?q=ferry").statusCode()).isEqualTo(503);

                link.restore();
                await().atMost(Duration.ofSeconds(30)).until(() -> server.get("/search?q=ferry").body().contains("service resumes after the storm"));

                link.cut();
                items.add(item(publishers, "/h/market", "Fish market prices fall as catches grow",
                        "<p>Prices at the fish market fell for a second week as the fleet landed bigger catches.</p>", now.minusSeconds(300)));
                publishers.serve("/harbour.xml", "application/rss+xml", Feeds.rss("Harbour Post", items));
                server.bean(SourceStore.class).findAll().forEach(s -> server.bean(SourceStore.class).makeDue(s.id()));
                await().atMost(Duration.ofSeconds(30)).until(() -> server.articleCount() == 2);
                HttpResponse<String> article = server.get("/article/" + ferry);
                assertThat(article.statusCode()).isEqualTo(200);
                assertThat(article.body()).contains("Ferry service resumes").doesNotContain("related-heading");
                assertThat(server.get("/search?q=market&lang=en").body()).contains("Search is unavailable for the moment");

                link.restore();
                await().atMost(Duration.ofSeconds(30)).until(() -> server.get("/search?q=market").body().contains("prices fall as catches grow"));
                assertThat(occurrences(output, "(tidings.search.url) cannot be reached")).as("once for each time it went away").isEqualTo(2);
            }
        }
    }

    private static int occurrences(CapturedOutput output, String text) {
        return output.getAll().split(java.util.regex.Pattern.quote(text), -1).length - 1;
    }

    private static Feeds.Item item(FixtureServer publishers, String path, String title, String html, Instant published) {
        return new Feeds.Item(path, publishers.url(path), title, html, published);
    }
}
