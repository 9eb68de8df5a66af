package org.tidings.server.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.server.store.Source;
import org.tidings.server.store.SourceStore;
import org.tidings.server.testing.RunningServer;

/** {@code serve --demo} fills the front page within seconds, through fetch, parse and store. */
class DemoEditionTest {

    @TempDir
    Path dataDir;

    @Test
    void theSampleEditionIsIngestedThroughThePipeline() throws Exception {
        int expected = SamplePublisher.load(Instant.now()).size();
        // no allowed networks here: the demo itself must allow its own publisher, and only that
        try (RunningServer server = RunningServer.start(dataDir, "--tidings.demo=true", "--tidings.fetch.allowed-networks=",
                "--tidings.scheduler.tick=5s")) {
            SourceStore sources = server.bean(SourceStore.class);
            // a source whose items all repeat another's adds no article: wait for every fetch, not only the count
            await().atMost(Duration.ofSeconds(15)).until(() -> server.articleCount() == expected
                    && sources.findAll().stream().allMatch(s -> s.health().lastFetchAt() != null));

            assertThat(sources.findAll()).isNotEmpty().allSatisfy(s -> {
                assertThat(s.feedUrl()).startsWith("http://127.0.0.1:");
                assertThat(s.health().lastStatus()).isEqualTo("ok");
                assertThat(s.language()).isNotBlank();
            });
            assertThat(sources.findAll()).extracting(Source::name).contains("BBC News", "Le Monde");
            String home = server.get("/").body();
            assertThat(home).contains("Obama admits US gun laws are his");
            assertThat(dataDir.resolve("db")).as("the demo keeps nothing on disk").doesNotExist();
        }
    }
}
