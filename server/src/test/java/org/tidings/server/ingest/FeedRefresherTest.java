package org.tidings.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.feed.FeedParser;
import org.tidings.server.store.Source;
import org.tidings.server.store.SourceSettings;
import org.tidings.server.store.SourceStore;
import org.tidings.server.testing.Feeds;
import org.tidings.server.testing.FixtureServer;
import org.tidings.server.testing.Fixtures;
import org.tidings.server.testing.RunningServer;

/** One refresh against a real local publisher, for each way a publisher's server can answer. */
class FeedRefresherTest {

    @TempDir
    static Path dataDir;
    static RunningServer server;
    static FeedRefresher refresher;
    static SourceStore sources;

    private final FixtureServer publisher = new FixtureServer();
    private final String rss = Feeds.rss("Harbour Times", List.of(new Feeds.Item("1", publisher.url("/article/1"),
            "Bridge reopens", "<p>text</p>", Instant.now().minus(Duration.ofHours(1)))));

    @BeforeAll
    static void start() {
        server = RunningServer.start(dataDir, "--tidings.scheduler.enabled=false");
        refresher = server.bean(FeedRefresher.class);
        sources = server.bean(SourceStore.class);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void closePublisher() {
        publisher.close();
    }

    private Source source(String path) {
        return sources.add(Fixtures.source(publisher.url(path), "Harbour Times " + path + System.nanoTime()), Duration.ofMinutes(15));
    }

    private RefreshResult refresh(long id) {
        return refresher.refresh(sources.findById(id).orElseThrow());
    }

    @Test
    void conditionalGetSendsTheValidatorsAndA304IsNotModified() {
        publisher.route("/feed", exchange -> {
            if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                FixtureServer.respond(exchange, 304, null, new byte[0]);
                return;
            }
            exchange.getResponseHeaders().set("ETag", "\"v1\"");
            FixtureServer.respond(exchange, 200, "application/rss+xml", rss.getBytes());
        });
        long id = source("/feed").id();
        assertThat(refresh(id).inserted()).isEqualTo(1);
        assertThat(refresh(id).status()).isEqualTo("not_modified");
        assertThat(publisher.requests().getLast().ifNoneMatch()).isEqualTo("\"v1\"");
        assertThat(sources.findById(id).orElseThrow().health().lastStatus()).isEqualTo("not_modified");
    }

    @Test
    void theSameBytesAgainAreNotParsedAgain() {
        publisher.serve("/feed", "application/rss+xml", rss);
        long id = source("/feed").id();
        assertThat(refresh(id).status()).isEqualTo("ok");
        assertThat(refresh(id).status()).isEqualTo("not_modified");
    }

    @Test
    void aPermanentRedirectMovesTheSourceAndATemporaryOneDoesNot() {
        publisher.route("/old", exchange -> {
            exchange.getResponseHeaders().set("Location", "/new");
            FixtureServer.respond(exchange, 301, null, new byte[0]);
        });
        publisher.route("/elsewhere-for-now", exchange -> {
            exchange.getResponseHeaders().set("Location", "/new");
            FixtureServer.respond(exchange, 302, null, new byte[0]);
        });
        publisher.serve("/new", "application/rss+xml", rss);
        long moved = source("/old").id();
        long stays = source("/elsewhere-for-now").id();

        assertThat(refresh(moved).status()).isEqualTo("ok");
        assertThat(refresh(stays).status()).isIn("ok", "not_modified");

        assertThat(sources.findById(moved).orElseThrow().feedUrl()).isEqualTo(publisher.url("/new"));
        assertThat(sources.findById(stays).orElseThrow().feedUrl()).isEqualTo(publisher.url("/elsewhere-for-now"));
    }

    @Test
    void aFeedCutAtTheMostEntriesSaysHowManyWereLeftOut() {
        String many = "<rss version=\"2.0\"><channel><title>Archive</title>" + "<item></item>".repeat(10_003) + "</channel></rss>";
        publisher.route("/archive", exchange -> FixtureServer.respond(exchange, 200, "application/rss+xml", many.getBytes()));
        long id = source("/archive").id();
        assertThat(refresh(id).status()).isEqualTo("ok_recovered");
        assertThat(sources.findById(id).orElseThrow().health().lastError())
                .isEqualTo("more than 10000 entries: 3 after the first 10000 left out");
    }

    @Test
    void aRecoveredFeedSaysWhatWasWrongAndAHealthyFetchClearsIt() {
        byte[] sloppy = rss.replace("</channel>", "<unclosed></channel>").getBytes();
        publisher.route("/sloppy", exchange -> FixtureServer.respond(exchange, 200, "application/rss+xml", sloppy));
        long id = source("/sloppy").id();
        assertThat(refresh(id).status()).isEqualTo("ok_recovered");
        String problem = FeedParser.parse(sloppy, "application/rss+xml", publisher.url("/sloppy")).bozoReason();
        assertThat(problem).isNotBlank();
        assertThat(sources.findById(id).orElseThrow().health().lastError()).isEqualTo(problem);
        publisher.route("/sloppy", exchange -> FixtureServer.respond(exchange, 200, "application/rss+xml",
                rss.replace("Bridge reopens", "Bridge reopens again").getBytes()));
        assertThat(refresh(id).status()).isEqualTo("ok");
        assertThat(sources.findById(id).orElseThrow().health().lastError()).isNull();
    }

    @Test
    void goneDisablesTheSourceWithAVisibleReason() {
        publisher.route("/gone", exchange -> FixtureServer.respond(exchange, 410, "text/plain", "gone".getBytes()));
        long id = source("/gone").id();
        assertThat(refresh(id).status()).isEqualTo("gone");
        Source gone = sources.findById(id).orElseThrow();
        assertThat(gone.enabled()).isFalse();
        assertThat(gone.health().disabledReason()).contains("HTTP 410");
        var admin = server.browser();
        admin.signInAsAdmin();
        assertThat(admin.get("/admin/sources").body()).contains("gone for good (HTTP 410)");
    }

    @Test
    void tooManyRequestsWaitsAsLongAsTheServerAsks() {
        publisher.route("/busy", exchange -> {
            exchange.getResponseHeaders().set("Retry-After", "7200");
            FixtureServer.respond(exchange, 429, "text/plain", "slow down".getBytes());
        });
        long id = source("/busy").id();
        assertThat(refresh(id).status()).isEqualTo("http_429");
        Source busy = sources.findById(id).orElseThrow();
        assertThat(busy.nextFetchAt()).isCloseTo(Instant.now().plus(Duration.ofHours(2)), within(2, ChronoUnit.MINUTES));
        assertThat(busy.health().lastError()).contains("HTTP 429");
    }

    @Test
    void aServiceUnavailableWithAnHttpDateRetryAfterIsHonouredToo() {
        String when = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(Instant.now().plus(Duration.ofHours(3)).atOffset(java.time.ZoneOffset.UTC));
        publisher.route("/down", exchange -> {
            exchange.getResponseHeaders().set("Retry-After", when);
            FixtureServer.respond(exchange, 503, "text/plain", "maintenance".getBytes());
        });
        long id = source("/down").id();
        refresh(id);
        assertThat(sources.findById(id).orElseThrow().nextFetchAt())
                .isCloseTo(Instant.now().plus(Duration.ofHours(3)), within(2, ChronoUnit.MINUTES));
    }

    @Test
    void errorsBackOffExponentiallyButNeverGiveUp() {
        assertThat(refresher.backoff(1)).isEqualTo(Duration.ofMinutes(5));
        assertThat(refresher.backoff(2)).isEqualTo(Duration.ofMinutes(10));
        assertThat(refresher.backoff(3)).isEqualTo(Duration.ofMinutes(20));
        assertThat(refresher.backoff(40)).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void aBusyFeedIsPolledMoreOftenThanAQuietOne() {
        Instant now = Instant.now();
        List<Feeds.Item> busy = new java.util.ArrayList<>();
        List<Feeds.Item> quiet = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            busy.add(new Feeds.Item("b" + i, publisher.url("/busy/" + i), "B" + i, "<p>b</p>", now.minus(Duration.ofMinutes(6L * i))));
            quiet.add(new Feeds.Item("q" + i, publisher.url("/quiet/" + i), "Q" + i, "<p>q</p>", now.minus(Duration.ofDays(2L * i + 1))));
        }
        publisher.serve("/busy", "application/rss+xml", Feeds.rss("Busy", busy));
        publisher.serve("/quiet", "application/rss+xml", Feeds.rss("Quiet", quiet));
        long b = source("/busy").id();
        long q = source("/quiet").id();
        refresh(b);
        refresh(q);
        assertThat(sources.findById(b).orElseThrow().fetchIntervalSeconds()).isEqualTo(300);
        assertThat(sources.findById(q).orElseThrow().fetchIntervalSeconds()).isGreaterThan(6 * 3600);
    }
}
