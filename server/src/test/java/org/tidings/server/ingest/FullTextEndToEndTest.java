package org.tidings.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tidings.server.store.Archive;
import org.tidings.server.store.SourceSettings;
import org.tidings.server.store.SourceStore;
import org.tidings.server.testing.Feeds;
import org.tidings.server.testing.FixtureServer;
import org.tidings.server.testing.Fixtures;
import org.tidings.server.testing.RunningServer;

/**
 * Sources with full text on: each new article's page is fetched (robots.txt permitting) and its
 * main text extracted and shown instead of the feed's teaser; a page that cannot be had leaves
 * the teaser, marked as an excerpt. The page's lead picture is shown with its caption.
 */
class FullTextEndToEndTest {

    @TempDir
    Path dataDir;

    private static final String PAGE = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour bridge reopens after two years | Harbour Times</title>
            <meta property="og:site_name" content="Harbour Times"><meta name="author" content="Ada Reporter">
            <meta property="og:image" content="/img/bridge.jpg?width=1200&amp;quality=80">
            <script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
              "headline": "Harbour bridge reopens after two years", "image": {"@type": "ImageObject", "url": "/img/bridge.jpg",
              "caption": "The new cables of the bridge at dawn on Tuesday. Photo: Ben Lens/Harbour Times"}}</script></head>
            <body><header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
            <main><article><h1>Harbour bridge reopens after two years</h1>
            <p class="byline">By Ada Reporter</p>
            <p>The harbour bridge reopened to traffic on Tuesday morning after two years of repairs that cost the city
            more than forty million pounds, officials said at a ceremony attended by several hundred residents.</p>
            <p>Engineers replaced the corroded steel cables and rebuilt the road deck, which had been closed to heavy
            lorries since an inspection found cracks in its supports three winters ago.</p>
            <p>"This bridge connects two halves of our town, and today they are joined again," the mayor told the crowd,
            before cutting a ribbon stretched between the two new lamp posts at the northern end.</p>
            <p>Traders on both sides said the closure had cost them customers, and several cafés near the southern end
            had shortened their opening hours while the detour sent traffic through the industrial estate.</p>
            <p>The council said the ferry service that ran during the works would continue until the end of the month.</p>
            </article>
            <aside class="newsletter">Sign up to our morning newsletter and never miss a story! Subscribe now.</aside>
            </main><footer>Copyright Harbour Times. All rights reserved. Cookie settings.</footer></body></html>""";

    @Test
    void articlePagesAreFetchedAndExtractedWithinTheRules() {
        try (FixtureServer publisher = new FixtureServer();
                RunningServer server = RunningServer.start(dataDir)) {
            publisher.serve("/robots.txt", "text/plain", "User-agent: *\nDisallow: /members/\n");
            publisher.serve("/news/bridge", "text/html; charset=utf-8", PAGE);
            Instant now = Instant.now();
            List<Feeds.Item> items = List.of(
                    new Feeds.Item("1", publisher.url("/news/bridge"), "Harbour bridge reopens after two years",
                            "<p>The bridge reopened on Tuesday.</p>", now.minusSeconds(60)),
                    new Feeds.Item("2", publisher.url("/members/budget"), "Council budget: members only",
                            "<p>The council agreed its budget.</p>", now.minusSeconds(120)),
                    new Feeds.Item("3", publisher.url("/news/missing"), "Ferry timetable changes",
                            "<p>New ferry times from Monday.</p>", now.minusSeconds(180)));
            publisher.serve("/feed.xml", "application/rss+xml", summaryOnly(Feeds.rss("Harbour Times", items)));
            publisher.serve("/headlines.xml", "application/rss+xml", summaryOnly(Feeds.rss("Harbour Headlines",
                    List.of(new Feeds.Item("h1", publisher.url("/news/other"), "Headline only source", "<p>Short.</p>", now)))));

            SourceStore sources = server.bean(SourceStore.class);
            sources.add(Fixtures.source(publisher.url("/feed.xml"), "Harbour Times"), Duration.ofMinutes(15));
            sources.add(new SourceSettings(publisher.url("/headlines.xml"), "Harbour Headlines", null, "en", null, null, false, true),
                    Duration.ofMinutes(15));

            JdbcClient sql = server.bean(JdbcClient.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> statuses(sql).size() == 4
                    && statuses(sql).values().stream().noneMatch("pending"::equals));

            Map<String, String> status = statuses(sql);
            assertThat(status).containsEntry(publisher.url("/news/bridge"), "done")
                    .containsEntry(publisher.url("/members/budget"), "blocked")
                    .containsEntry(publisher.url("/news/missing"), "failed")
                    .containsEntry(publisher.url("/news/other"), "none");
            assertThat(publisher.hits("/members/budget")).as("robots.txt is obeyed").isZero();
            assertThat(publisher.hits("/news/other")).as("full text off: the page is not fetched").isZero();

            Archive articles = server.bean(Archive.class);
            long bridge = idOf(sql, publisher.url("/news/bridge"));
            String page = server.get("/article/" + bridge).body();
            assertThat(page).contains("Engineers replaced the corroded steel cables", "Ada Reporter")
                    .doesNotContain("Sign up to our morning newsletter").doesNotContain("Cookie settings")
                    .doesNotContain("This is an excerpt");
            assertThat(page).as("the page's lead picture, under it its caption, isolated from the interface's direction")
                    .containsPattern("(?s)<div class=\"lead-image\">\\s*<figure class=\"picture picture-large\">.*?<img src=\"/image/" + bridge
                            + "/[0-9a-f]{16}/640\"[^>]*>.*?</div>\\s*<figcaption dir=\"auto\">The new cables of the bridge at dawn on Tuesday\\. "
                            + "<bdi class=\"credit\">Ben Lens/Harbour Times</bdi></figcaption>\\s*</figure>");
            assertThat(articles.findById(bridge).orElseThrow().lang()).isEqualTo("en");

            String blocked = server.get("/article/" + idOf(sql, publisher.url("/members/budget"))).body();
            assertThat(blocked).contains("The council agreed its budget.", "This is an excerpt");
        }
    }

    /** Moves each item's content into its description, as teaser feeds do. */
    private static String summaryOnly(String rss) {
        return rss.replace("<content:encoded>", "<description>").replace("</content:encoded>", "</description>");
    }

    private static Map<String, String> statuses(JdbcClient sql) {
        return sql.sql("SELECT url, COALESCE(full_text_status, 'none') AS s FROM article")
                .query((rs, row) -> Map.entry(rs.getString("url"), rs.getString("s"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static long idOf(JdbcClient sql, String url) {
        return sql.sql("SELECT id FROM article WHERE url = :u").param("u", url).query(Long.class).single();
    }
}
