package org.tidings.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.server.config.Version;
import org.tidings.server.testing.Browser;
import org.tidings.server.testing.RunningServer;

/**
 * The Prometheus metrics name the install path and count sign-ins: only the administrator and a scraper holding the
 * configured token may read them; health stays public for load balancers.
 */
class MetricsAccessTest {

    private static final String TOKEN = "scrape-7f3a9c1e5b2d4f60";

    @TempDir
    static Path dataDir;
    static RunningServer server;

    @BeforeAll
    static void start() {
        server = RunningServer.start(dataDir, "--tidings.scheduler.enabled=false", "--tidings.metrics-token=" + TOKEN);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anonymousVisitorsAreRefusedWithoutBeingSentToTheSignInPage() {
        var metrics = server.browser().get("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(401);
        assertThat(metrics.body()).doesNotContain("jvm_memory_used_bytes", dataDir.toString());
    }

    @Test
    void aWrongTokenIsRefused() {
        var metrics = server.browser().get("/actuator/prometheus", Map.of("Authorization", "Bearer " + TOKEN + "x"));
        assertThat(metrics.statusCode()).isEqualTo(401);
        var basic = server.browser().get("/actuator/prometheus", Map.of("Authorization", TOKEN));
        assertThat(basic.statusCode()).isEqualTo(401);
    }

    @Test
    void aScraperWithTheTokenReadsTheMetrics() {
        var metrics = server.browser().get("/actuator/prometheus", Map.of("Authorization", "Bearer " + TOKEN));
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void theAdministratorReadsTheMetricsWhenSignedIn() {
        Browser admin = server.browser();
        admin.signInAsAdmin();
        var metrics = admin.get("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void theVersionIsForTheAdministratorAndTheScraper() {
        assertThat(server.browser().get("/actuator/info").statusCode()).isEqualTo(401);
        var info = server.browser().get("/actuator/info", Map.of("Authorization", "Bearer " + TOKEN));
        assertThat(info.statusCode()).isEqualTo(200);
        assertThat(info.body()).contains("\"version\":\"" + Version.current() + "\"").doesNotContain("\"version\":\"unknown\"");
        Browser admin = server.browser();
        admin.signInAsAdmin();
        assertThat(admin.get("/admin/sources").body()).contains("Tidings " + Version.current());
        assertThat(server.browser().get("/").body()).doesNotContain("Tidings " + Version.current());
    }

    @Test
    void healthStaysPublicAndSaysNothingOfTheInside() {
        var health = server.browser().get("/actuator/health/liveness");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
    }
}
