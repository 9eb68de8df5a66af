package org.tidings.server.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.server.store.Source;
import org.tidings.server.store.SourceSettings;
import org.tidings.server.store.SourceStore;
import org.tidings.server.testing.Browser;
import org.tidings.server.testing.RunningServer;

/**
 * The administrator's banner when most sources fail: shown from more than half of at least three enabled sources,
 * naming the network or DNS only when most failures are of the network; never shown to readers.
 */
class SourcesFailingBannerTest {

    @TempDir
    Path dataDir;

    @Test
    void mostOfAFewSourcesFailing() {
        assertThat(new SourceStore.Fetching(2, 0, 2, 2).mostFailing()).as("two sources are no pattern").isFalse();
        assertThat(new SourceStore.Fetching(4, 0, 2, 2).mostFailing()).as("half is not most").isFalse();
        assertThat(new SourceStore.Fetching(3, 0, 2, 0).mostFailing()).isTrue();
        assertThat(new SourceStore.Fetching(36, 0, 36, 36).mostlyUnreachable()).isTrue();
        assertThat(new SourceStore.Fetching(36, 0, 36, 18).mostlyUnreachable()).isFalse();
    }

    @Test
    void theBannerSaysWhatToCheckToTheAdministratorOnly() {
        try (RunningServer server = RunningServer.start(dataDir, "--tidings.scheduler.enabled=false")) {
            SourceStore sources = server.bean(SourceStore.class);
            List<Source> added = List.of("one", "two", "three").stream().map(n -> sources.add(
                    new SourceSettings("http://127.0.0.1:9/" + n, "Paper " + n, null, "en", null, null, false, true),
                    Duration.ofMinutes(30))).toList();
            Browser admin = server.browser();
            admin.signInAsAdmin();
            sources.onFailed(added.get(0).id(), "http_500", 500, "the server answered HTTP 500", Instant.now().plusSeconds(600));
            assertThat(admin.get("/admin/sources").body()).as("one of three failing").doesNotContain("fetch-trouble");

            sources.onFailed(added.get(1).id(), "not_a_feed", 200, "the document is not a feed", Instant.now().plusSeconds(600));
            String page = admin.get("/admin/sources").body();
            assertThat(page).contains("fetch-trouble", "2 of the 3 enabled sources failed at their last fetch",
                    "the cause is often on this server's side", "Each source's error is on", "href=\"/admin/sources\"").doesNotContain("resolves names");
            assertThat(server.browser().get("/sources").body()).doesNotContain("fetch-trouble", "enabled sources failed");

            sources.onFailed(added.get(2).id(), "unreachable", null, "unknown host: paper.test", Instant.now().plusSeconds(600));
            sources.onFailed(added.get(1).id(), "timeout", null, "timed out", Instant.now().plusSeconds(600));
            assertThat(admin.get("/admin/accounts?lang=ar").body()).contains("فشل 3 من 3", "(DNS)");
            assertThat(admin.get("/admin/accounts?lang=en").body()).contains("3 of the 3", "it resolves names (DNS)");
        }
    }
}
