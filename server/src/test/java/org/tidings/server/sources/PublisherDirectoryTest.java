package org.tidings.server.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.server.store.Source;
import org.tidings.server.store.SourceSettings;
import org.tidings.server.store.SourceStore;
import org.tidings.server.testing.Browser;
import org.tidings.server.testing.RunningServer;

/**
 * {@code /sources} is the readers' directory of publishers: never a feed address (it may carry a key) nor a raw fetch
 * error (it may name an internal address); the operator's health table with both is on {@code /admin/sources}.
 */
class PublisherDirectoryTest {

    private static final String SECRET_FEED = "https://feeds.harbour.test/rss?api_key=s3cr3t-k3y";
    private static final String RAW_ERROR = "connect to 10.20.30.40:8443 refused";

    @TempDir
    static Path dataDir;
    static RunningServer server;
    static Source failing;
    static Source healthy;

    @BeforeAll
    static void start() {
        server = RunningServer.start(dataDir, "--tidings.scheduler.enabled=false");
        SourceStore sources = server.bean(SourceStore.class);
        failing = sources.add(new SourceSettings(SECRET_FEED, "Harbour Times", "https://harbour.test/", "fr", "fr",
                "business", true, true), Duration.ofMinutes(15));
        sources.onFailed(failing.id(), "unreachable", null, RAW_ERROR, Instant.now().plus(Duration.ofMinutes(5)));
        healthy = sources.add(new SourceSettings("https://valley.test/feed.xml", "Valley Post", "https://valley.test/",
                "en", "uk", "world", true, true), Duration.ofMinutes(15));
        sources.onFetched(healthy.id(), "ok", 200, new Source.Validators(null, null, null), Duration.ofMinutes(15), null);
        Source off = sources.add(new SourceSettings("https://closed.test/feed", "Closed Gazette", null, "en", null, null,
                true, true), Duration.ofMinutes(15));
        sources.disable(off.id(), "gone", 410, "gone for good");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void readersSeePublishersWithTheirPagesLanguagesAndSections() {
        String page = server.browser().get("/sources").body();
        assertThat(page).contains(">Harbour Times</a>", "href=\"/source/" + failing.id() + "\"",
                ">Valley Post</a>", "href=\"/source/" + healthy.id() + "\"");
        assertThat(page).contains("French", "France", "Business", "English", "United Kingdom", "World");
        assertThat(page).as("a publisher that is switched off is not listed").doesNotContain("Closed Gazette");
    }

    @Test
    void readersNeverSeeAFeedAddressOrARawError() {
        String page = server.browser().get("/sources").body();
        assertThat(page).doesNotContain("s3cr3t", "api_key", "feeds.harbour.test", "10.20.30.40", "refused",
                "valley.test/feed.xml");
        assertThat(page).contains("Not reachable lately", "Up to date");
    }

    @Test
    void theDirectorySpeaksTheReadersLanguage() {
        String page = server.browser().get("/sources", Map.of("Accept-Language", "ar")).body();
        assertThat(page).contains("الفرنسية", "فرنسا", "اقتصاد");
    }

    @Test
    void theAdministratorStillSeesTheHealthOfEveryFeed() {
        Browser admin = server.browser();
        admin.signInAsAdmin();
        String page = admin.get("/admin/sources").body();
        assertThat(page).contains("s3cr3t-k3y", RAW_ERROR, "Closed Gazette");
    }
}
