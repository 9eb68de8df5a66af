package org.tidings.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.tidings.server.store.Listing;
import org.tidings.server.store.ListingStore;
import org.tidings.server.store.Source;
import org.tidings.server.store.SourceSettings;
import org.tidings.server.store.SourceStore;
import org.tidings.server.testing.Feeds;
import org.tidings.server.testing.FixtureServer;
import org.tidings.server.testing.Fixtures;
import org.tidings.server.testing.OnEachDatabase;
import org.tidings.server.testing.RunningServer;
import org.tidings.server.testing.TestDatabase;

/**
 * The walking slice end to end, on H2 (the embedded default, a file under the data directory)
 * and on PostgreSQL: a publisher's feed on a local HTTP server is fetched by the scheduler,
 * parsed and stored; the pages show it; fetching again adds nothing; a changed feed adds only
 * its new item; bad sources fail visibly while the server keeps serving.
 */
@OnEachDatabase
class IngestionEndToEndTest {

    @Parameter
    TestDatabase db;

    @TempDir
    Path dataDir;

    private static final Instant NOW = Instant.now();

    private static List<Feeds.Item> items(FixtureServer publisher, int count) {
        List<Feeds.Item> items = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            items.add(new Feeds.Item("story-" + i, publisher.url("/news/" + i), "Harbour bridge reopens, part " + i,
                    "<p>The bridge reopened on day " + i + " after repairs.</p><script>alert('x')</script>",
                    NOW.minus(Duration.ofMinutes(10L * i))));
        }
        return items;
    }

    @Test
    void ingestsAFeedServesItAndStaysIdempotent() {
        try (FixtureServer publisher = new FixtureServer(); RunningServer server = RunningServer.start(dataDir, db.serverArguments())) {
            List<Feeds.Item> items = items(publisher, 3);
            publisher.serve("/feed.xml", "application/rss+xml", Feeds.rss("Harbour Times", items));
            SourceStore sources = server.bean(SourceStore.class);
            Source source = sources.add(Fixtures.source(publisher.url("/feed.xml"), "Harbour Times"), Duration.ofMinutes(15));

            await().atMost(Duration.ofSeconds(20)).until(() -> server.articleCount() == 3);

            String home = server.get("/").body();
            assertThat(home).contains("Harbour bridge reopens, part 1", "Harbour bridge reopens, part 3", "Harbour Times")
                    .contains("minutes ago");
            long id = server.bean(ListingStore.class).latest(Listing.ALL, 1, 0).getFirst().id();
            String article = server.get("/article/" + id).body();
            assertThat(article).contains("The bridge reopened on day 1 after repairs.")
                    .contains("href=\"" + publisher.url("/news/1") + "\"")
                    .doesNotContain("alert('x')");

            // a second fetch of the same feed adds nothing
            int fetches = publisher.hits("/feed.xml");
            sources.makeDue(source.id());
            await().atMost(Duration.ofSeconds(20)).until(() -> publisher.hits("/feed.xml") > fetches
                    && sources.findById(source.id()).orElseThrow().health().lastFetchAt() != null
                    && !sources.findById(source.id()).orElseThrow().nextFetchAt().isBefore(Instant.now()));
            assertThat(server.articleCount()).isEqualTo(3);

            // a changed feed adds only its new item
            List<Feeds.Item> changed = new ArrayList<>(items);
            changed.addFirst(new Feeds.Item("story-4", publisher.url("/news/4"), "Ferry timetable changes",
                    "<p>New times from Monday.</p>", NOW));
            publisher.serve("/feed.xml", "application/rss+xml", Feeds.rss("Harbour Times", changed));
            sources.makeDue(source.id());
            await().atMost(Duration.ofSeconds(20)).until(() -> server.articleCount() == 4);
            assertThat(server.get("/").body()).contains("Ferry timetable changes");
            assertThat(server.articleCount()).isEqualTo(4);
            Source health = sources.findById(source.id()).orElseThrow();
            assertThat(health.health().lastStatus()).isEqualTo("ok");
            assertThat(health.health().consecutiveFailures()).isZero();
        }
    }

    @Test
    void badSourcesFailVisiblyAndTheServerKeepsServing() {
        try (FixtureServer publisher = new FixtureServer();
                RunningServer server = RunningServer.start(dataDir, db.serverArguments("--tidings.fetch.max-bytes=64KB"))) {
            publisher.serve("/page.html", "text/html", "<html><body><h1>Not a feed</h1></body></html>");
            publisher.serve("/huge.xml", "application/rss+xml", "<rss>" + "x".repeat(200_000) + "</rss>");
            publisher.route("/broken", exchange -> FixtureServer.respond(exchange, 500, "text/plain", "oops".getBytes()));
            SourceStore sources = server.bean(SourceStore.class);
            Duration interval = Duration.ofMinutes(15);
            long notFeed = sources.add(Fixtures.source(publisher.url("/page.html"), "Not a feed"), interval).id();
            long huge = sources.add(Fixtures.source(publisher.url("/huge.xml"), "Huge"), interval).id();
            long broken = sources.add(Fixtures.source(publisher.url("/broken"), "Broken"), interval).id();
            long unreachable = sources.add(Fixtures.source("http://127.0.0.1:9/feed.xml", "Unreachable"), interval).id();
            long refused = sources.add(Fixtures.source("http://10.255.255.1/feed.xml", "Private"), interval).id();

            await().atMost(Duration.ofSeconds(30)).until(() -> sources.findAll().stream()
                    .allMatch(s -> s.health().consecutiveFailures() == 1));

            assertThat(error(sources, notFeed)).contains("not an RSS, Atom or JSON feed");
            assertThat(error(sources, huge)).contains("larger than the limit");
            assertThat(error(sources, broken)).contains("HTTP 500");
            assertThat(error(sources, unreachable)).isNotBlank();
            assertThat(error(sources, refused)).contains("private, loopback or link-local");
            Source failed = sources.findById(broken).orElseThrow();
            assertThat(failed.nextFetchAt()).as("retried later, not abandoned").isAfter(Instant.now());

            server.signInAsAdmin();
            var page = server.get("/admin/sources");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("not an RSS, Atom or JSON feed", "HTTP 500", "1 failure in a row");
            assertThat(server.get("/").statusCode()).isEqualTo(200);
            assertThat(server.get("/actuator/health").body()).contains("UP");
        }
    }

    private static String error(SourceStore sources, long id) {
        return sources.findById(id).orElseThrow().health().lastError();
    }
}
