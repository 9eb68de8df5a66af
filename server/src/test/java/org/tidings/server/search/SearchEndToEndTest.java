package org.tidings.server.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tidings.server.store.SourceSettings;
import org.tidings.server.store.SourceStore;
import org.tidings.server.testing.Feeds;
import org.tidings.server.testing.FixtureServer;
import org.tidings.server.testing.RunningServer;
import org.w3c.dom.Document;

/**
 * Feeds from a local publisher, through ingestion, into the index and out of {@code /search}:
 * found within seconds, passages marked and escaped, Arabic words found in Arabic text, filters,
 * problems explained with a 400, the results as Atom, and the box in every page's masthead.
 */
class SearchEndToEndTest {

    @TempDir
    Path dataDir;

    @Test
    void articlesAreFoundAsTheyArriveThroughTheSearchPageAndItsFeed() throws Exception {
        try (FixtureServer publishers = new FixtureServer(); RunningServer server = RunningServer.start(dataDir)) {
            Instant now = Instant.now();
            publishers.serve("/harbour.xml", "application/rss+xml", Feeds.rss("Harbour Post", List.of(
                    item(publishers, "/h/ferry", "Ferry service resumes after the storm",
                            "<p>The island ferry sailed again on Monday after the storm closed the harbour for three days; "
                                    + "the operator said &lt;script&gt;alert(1)&lt;/script&gt; timetables are back to normal.</p>", now.minusSeconds(600)),
                    item(publishers, "/h/market", "Fish market prices fall as catches grow",
                            "<p>Prices at the fish market fell for a second week as the fleet landed bigger catches.</p>", now.minusSeconds(300)))));
            publishers.serve("/khaleej.xml", "application/rss+xml", Feeds.rss("الخليج اليوم", List.of(
                    item(publishers, "/k/port", "افتتاح ميناء جديد لتعزيز التجارة",
                            "<p>افتتحت الحكومة اليوم ميناءً جديدًا على الساحل لتعزيز التجارة مع الأسواق الآسيوية.</p>", now.minusSeconds(200)))));
            SourceStore sources = server.bean(SourceStore.class);
            sources.add(new SourceSettings(publishers.url("/harbour.xml"), "Harbour Post", null, "en", "uk", "business", false, true), Duration.ofMinutes(15));
            sources.add(new SourceSettings(publishers.url("/khaleej.xml"), "الخليج اليوم", null, "ar", "gulf", "world", false, true), Duration.ofMinutes(15));

            await().atMost(Duration.ofSeconds(30)).until(() -> server.get("/search?q=ferry").body().contains("service resumes after the storm"));
            String page = server.get("/search?q=storm+harbour").body();
            assertThat(page).contains("<mark>storm</mark>", "<mark>harbour</mark>")
                    .contains("1 result")
                    .doesNotContain("<script>alert(1)</script>")
                    .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                    .contains("rel=\"alternate\" type=\"application/atom+xml\"");

            String arabic = server.get("/search?q=" + URLEncoder.encode("الميناء", StandardCharsets.UTF_8)).body();
            assertThat(arabic).contains("افتتاح", "<mark>ميناء</mark>");

            assertThat(server.get("/search?q=market+OR+ferry&section=business").body()).contains("service resumes", "prices fall");
            assertThat(server.get("/search?q=market+OR+ferry&region=gulf").body()).contains("No results").doesNotContain("prices fall");
            String newest = server.get("/search?q=market+OR+ferry&sort=newest").body();
            assertThat(newest.indexOf("prices fall")).isPositive().isLessThan(newest.indexOf("service resumes"));

            HttpResponse<String> malformed = server.get("/search?q=%22ferry");
            assertThat(malformed.statusCode()).isEqualTo(400);
            assertThat(malformed.body()).contains("could not be read").doesNotContain("Exception");
            assertThat(server.get("/search?q=").body()).contains("Type a few words");
            assertThat(server.get("/search?q=ferry&from=yesterday").statusCode()).isEqualTo(400);
            assertThat(server.get("/search?q=ferry&lang=ar").body()).as("?lang= is the interface language").contains("dir=\"rtl\"", "service resumes");

            HttpResponse<String> feed = server.get("/search/feed?q=ferry+OR+market");
            assertThat(feed.statusCode()).isEqualTo(200);
            assertThat(feed.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/atom+xml"));
            Document atom = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                    .parse(new java.io.ByteArrayInputStream(feed.body().getBytes(StandardCharsets.UTF_8)));
            assertThat(atom.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").getLength()).isEqualTo(2);
            assertThat(atom.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "title").item(1).getTextContent()).isEqualTo("Fish market prices fall as catches grow");

            assertThat(server.get("/").body()).contains("role=\"search\"", "action=\"/search\"");

            long harbour = server.bean(JdbcClient.class).sql("SELECT id FROM source WHERE name = 'Harbour Post'").query(Long.class).single();
            sources.delete(harbour);
            await().atMost(Duration.ofSeconds(30)).until(() -> !server.get("/search?q=ferry").body().contains("service resumes"));
        }
    }

    private static Feeds.Item item(FixtureServer publishers, String path, String title, String html, Instant published) {
        return new Feeds.Item(path, publishers.url(path), title, html, published);
    }
}
