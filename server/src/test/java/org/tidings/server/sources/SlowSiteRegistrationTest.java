package org.tidings.server.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.server.store.SourceStore;
import org.tidings.server.testing.Browser;
import org.tidings.server.testing.FixtureServer;
import org.tidings.server.testing.RunningServer;

/**
 * Adding a source checks the address while the administrator waits: a slow site gets one time budget for the whole
 * check (the page and every feed it links to), not a fetch's budget for each.
 */
class SlowSiteRegistrationTest {

    @Test
    void aSiteWhoseFeedsNeverAnswerIsGivenUpOnWithinOneBudget(@TempDir Path dataDir) {
        try (FixtureServer site = new FixtureServer();
                RunningServer server = RunningServer.start(dataDir, "--tidings.scheduler.enabled=false",
                        "--tidings.fetch.total-timeout=2s")) {
            String links = IntStream.rangeClosed(1, 6)
                    .mapToObj(i -> "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/feed-" + i + "\">")
                    .collect(Collectors.joining());
            site.serve("/", "text/html", "<html><head>" + links + "</head><body>Welcome</body></html>");
            for (int i = 1; i <= 6; i++) {
                site.route("/feed-" + i, exchange -> {
                    try {
                        Thread.sleep(Duration.ofSeconds(30));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            Browser admin = server.browser();
            admin.signInAsAdmin();

            long start = System.nanoTime();
            var answer = admin.post("/admin/sources", Map.of("feedUrl", site.url("/"), "name", "Slow Site", "siteUrl", "",
                    "language", "en", "region", "", "section", "", "fullText", "true", "_fullText", "on", "enabled", "true",
                    "_enabled", "on"), "/admin/sources");
            Duration waited = Duration.ofNanos(System.nanoTime() - start);

            // six feeds of two seconds each would be twelve: the whole check has the two seconds of one fetch
            assertThat(waited).isLessThan(Duration.ofSeconds(7));
            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(answer.body()).contains("did not answer in time");
            assertThat(server.bean(SourceStore.class).findAll()).isEmpty();
        }
    }
}
