package org.tidings.server.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.server.store.Source;
import org.tidings.server.store.SourceSettings;
import org.tidings.server.store.SourceStore;
import org.tidings.server.testing.RunningServer;

class DefaultSourcesTest {

    @TempDir
    Path dataDir;

    @Test
    void theDefaultSetCoversSeveralRegionsAndLanguagesAndIsWellFormed() throws Exception {
        List<SourceSettings> defaults = DefaultSources.load();
        assertThat(defaults).hasSizeGreaterThanOrEqualTo(24);
        assertThat(defaults).allSatisfy(s -> {
            assertThat(URI.create(s.feedUrl()).getScheme()).isEqualTo("https");
            assertThat(s.language()).matches("[a-z]{2}");
            assertThat(s.region()).isNotBlank();
            assertThat(s.section()).isNotBlank();
        });
        Set<String> languages = defaults.stream().map(SourceSettings::language).collect(Collectors.toSet());
        Set<String> regions = defaults.stream().map(SourceSettings::region).collect(Collectors.toSet());
        assertThat(languages).contains("en", "ar", "fr", "de", "es");
        assertThat(regions).contains("uk", "us", "gulf", "india");
        assertThat(defaults.stream().map(SourceSettings::feedUrl).distinct()).hasSameSizeAs(defaults);
    }

    @Test
    void theFirstStartRegistersThemOnceAndTheEmbeddedDatabaseLivesInTheDataDirectory() {
        // the scheduler stays off: tests never reach the internet
        String[] args = {"--tidings.seed-default-sources=true", "--tidings.scheduler.enabled=false"};
        int expected;
        try (RunningServer server = RunningServer.start(dataDir, args)) {
            List<Source> sources = server.bean(SourceStore.class).findAll();
            expected = sources.size();
            assertThat(sources).hasSizeGreaterThanOrEqualTo(24);
            assertThat(server.get("/sources").body()).contains("BBC News", "waiting for the first fetch");
            assertThat(server.get("/").body()).contains("No articles yet from the " + expected + " publishers Tidings follows")
                    .doesNotContain("under way", "/admin/sources");
        }
        assertThat(dataDir.resolve("db").resolve("tidings.mv.db")).exists();
        try (RunningServer again = RunningServer.start(dataDir, args)) {
            assertThat(again.bean(SourceStore.class).count()).isEqualTo(expected);
        }
    }
}
