package org.tidings.server.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.tidings.server.config.TidingsProperties;
import org.tidings.server.testing.FixtureServer;
import org.tidings.server.testing.MutableClock;

class RobotsRulesTest {

    private final FixtureServer site = new FixtureServer();
    private final Fetcher fetcher = new Fetcher(new TidingsProperties.Fetch("Tidings/test", "", Duration.ofSeconds(2),
            Duration.ofSeconds(2), Duration.ofSeconds(3), DataSize.ofKilobytes(512), 3, List.of("127.0.0.1/32"), 2, Duration.ZERO));
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T08:00:00Z"));
    private final RobotsRules robots = new RobotsRules(fetcher, clock);

    @AfterEach
    void close() throws IOException {
        fetcher.close();
        site.close();
    }

    private URI page(String path) {
        return URI.create(site.url(path));
    }

    @Test
    void followsTheGroupForTidingsOrForEveryone() {
        site.serve("/robots.txt", "text/plain", """
                User-agent: *
                Disallow: /private/

                User-agent: Tidings
                Disallow: /members/
                """);
        assertThat(robots.allows(page("/news/1"))).isTrue();
        assertThat(robots.allows(page("/members/story"))).isFalse();
        assertThat(robots.allows(page("/private/x"))).as("the Tidings group replaces the * group").isTrue();
    }

    @Test
    void aMissingRobotsTxtAllowsEverything() {
        assertThat(robots.allows(page("/anything"))).isTrue();
    }

    @Test
    void anUnreachableRobotsTxtAllowsNothingForAnHour() {
        site.route("/robots.txt", exchange -> FixtureServer.respond(exchange, 503, "text/plain", "down".getBytes()));
        assertThat(robots.allows(page("/news/1"))).isFalse();
        site.serve("/robots.txt", "text/plain", "User-agent: *\nAllow: /\n");
        assertThat(robots.allows(page("/news/1"))).as("still remembered").isFalse();
        clock.advance(Duration.ofMinutes(61));
        assertThat(robots.allows(page("/news/1"))).isTrue();
    }

    @Test
    void rulesAreFetchedOncePerSiteAndDay() {
        site.serve("/robots.txt", "text/plain", "User-agent: *\nDisallow: /x\n");
        for (int i = 0; i < 5; i++) robots.allows(page("/news/" + i));
        assertThat(site.hits("/robots.txt")).isEqualTo(1);
        clock.advance(Duration.ofHours(25));
        robots.allows(page("/news/9"));
        assertThat(site.hits("/robots.txt")).isEqualTo(2);
    }
}
