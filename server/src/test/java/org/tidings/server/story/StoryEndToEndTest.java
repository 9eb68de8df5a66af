package org.tidings.server.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tidings.server.store.SourceSettings;
import org.tidings.server.store.SourceStore;
import org.tidings.server.testing.Feeds;
import org.tidings.server.testing.FixtureServer;
import org.tidings.server.testing.OnEachDatabase;
import org.tidings.server.testing.RunningServer;
import org.tidings.server.testing.TestDatabase;

/**
 * Several publishers' feeds from a local server: reports of one event become one story, a wire
 * story republished by another publisher is attached to the earliest version even when the copy
 * arrives first, and the pages show the story's other reports beside an article, the copy as "also
 * published by", similar articles of other stories after them, and the story's timeline.
 */
@OnEachDatabase
class StoryEndToEndTest {

    @Parameter
    TestDatabase db;

    @TempDir
    Path dataDir;

    private static final String WIRE = "<p>A powerful earthquake of magnitude 7.1 struck off the coast of northern Chile on "
            + "Tuesday, the national seismology centre said, prompting a tsunami warning for the Pacific coast and the "
            + "evacuation of several coastal towns. There were no immediate reports of casualties or serious damage, "
            + "officials in Antofagasta and Iquique said, while the navy's oceanographic service watched sea levels.</p>";

    @Test
    void coverageOfOneEventBecomesOneStory() {
        try (FixtureServer publishers = new FixtureServer(); RunningServer server = RunningServer.start(dataDir, db.serverArguments())) {
            Instant now = Instant.now();
            publishers.serve("/andes.xml", "application/rss+xml", Feeds.rss("Andes Post", List.of(
                    item(publishers, "/andes/quake", "Magnitude 7.1 earthquake strikes off northern Chile, tsunami warning issued", WIRE, now.minusSeconds(3000)),
                    item(publishers, "/andes/towns", "Tsunami warning: coastal towns in northern Chile evacuated after 7.1 earthquake",
                            "<p>Several coastal towns in northern Chile were evacuated after the 7.1 earthquake and the tsunami warning.</p>",
                            now.minusSeconds(2900)),
                    item(publishers, "/andes/phone", "Apple unveils a new iPhone with a faster chip and a brighter screen",
                            "<p>Apple showed its new phone with a faster chip at an event in California on Tuesday.</p>", now.minusSeconds(2800)))));
            publishers.serve("/pacific.xml", "application/rss+xml", Feeds.rss("Pacific Daily", List.of(
                    item(publishers, "/pacific/chile", "Chile earthquake: 7.1 quake triggers tsunami warning along the Pacific coast",
                            "<p>Chile's coast was put on tsunami alert after a 7.1 earthquake shook the north of the country.</p>", now.minusSeconds(2500)),
                    item(publishers, "/pacific/cup", "Harbour United win the cup final after extra time",
                            "<p>Harbour United beat City 2-1 in the cup final on Saturday.</p>", now.minusSeconds(2400)),
                    item(publishers, "/pacific/rumour", "Apple expected to unveil a new iPhone with a faster chip next week",
                            "<p>Apple is expected to show a new iPhone with a faster chip at its event in California.</p>",
                            now.minus(Duration.ofDays(4))))));
            publishers.serve("/wire.xml", "application/rss+xml", Feeds.rss("Coastal Wire", List.of(
                    item(publishers, "/wire/tsunami", "Tsunami warning after powerful earthquake hits northern Chile",
                            "<p>A tsunami warning was issued after a powerful 7.1 magnitude earthquake hit northern Chile.</p>", now.minusSeconds(2000)),
                    item(publishers, "/wire/quake", "Strong quake off Chile prompts tsunami alert", WIRE, now.minusSeconds(3600)))));
            SourceStore sources = server.bean(SourceStore.class);
            JdbcClient sql = server.bean(JdbcClient.class);
            // The wire's story was published first, but its feed is polled last: Andes Post's copy
            // of it reaches Tidings first, and gives way to the wire's version when that arrives.
            for (String feed : List.of("/andes.xml", "/pacific.xml", "/wire.xml")) {
                if (feed.equals("/wire.xml")) {
                    await().atMost(Duration.ofSeconds(30)).until(() -> sql.sql(
                            "SELECT COUNT(*) FROM article WHERE clustered_at IS NOT NULL").query(Long.class).single() == 6);
                }
                sources.add(new SourceSettings(publishers.url(feed), feed.substring(1, feed.indexOf('.')), null, "en", null, null,
                        false, true), Duration.ofMinutes(15));
            }

            await().atMost(Duration.ofSeconds(30)).until(() -> sql.sql(
                    "SELECT COUNT(*) FROM article WHERE clustered_at IS NOT NULL").query(Long.class).single() == 8);

            long original = idOf(sql, publishers.url("/wire/quake"));
            long copy = idOf(sql, publishers.url("/andes/quake"));
            long towns = idOf(sql, publishers.url("/andes/towns"));
            long chile = idOf(sql, publishers.url("/pacific/chile"));
            long tsunami = idOf(sql, publishers.url("/wire/tsunami"));
            long phone = idOf(sql, publishers.url("/andes/phone"));
            long story = storyOf(sql, original);
            for (long report : new long[] {copy, towns, chile, tsunami}) assertThat(storyOf(sql, report)).isEqualTo(story);
            assertThat(storyOf(sql, phone)).isNotEqualTo(story);
            assertThat(sql.sql("SELECT duplicate_of FROM article WHERE id = :id").param("id", copy).query(Long.class).list())
                    .as("the copy that arrived first is attached to the earliest version, which arrived after it").containsExactly(original);
            assertThat(sql.sql("SELECT COUNT(*) FROM article WHERE duplicate_of IS NOT NULL").query(Long.class).single()).isEqualTo(1);

            String home = server.get("/").body();
            assertThat(home).as("copies are kept out of lists, whichever arrived first")
                    .doesNotContain("Magnitude 7.1 earthquake strikes").contains("Strong quake off Chile prompts tsunami alert", "Apple unveils");
            String top = home.substring(home.indexOf("Top stories"), home.indexOf("</section>", home.indexOf("Top stories")));
            assertThat(top).as("the story covered by three publishers leads; single reports are not top stories")
                    .contains("3 publishers", "/story/" + story, "breadth")
                    .doesNotContain("Apple unveils").doesNotContain("cup final");
            String article = server.get("/article/" + original).body();
            assertThat(article).contains("More on this story", "Chile earthquake: 7.1 quake triggers", "Tsunami warning after powerful")
                    .contains("Also published by andes").doesNotContain("Apple unveils").doesNotContain("cup final");
            assertThat(article).as("the story's own reports are not offered again as related").doesNotContain("related-heading");
            assertThat(server.get("/article/" + copy).body()).as("a copy's page still shows its story")
                    .contains("Chile earthquake: 7.1 quake triggers");

            await().atMost(Duration.ofSeconds(30)).until(() -> server.get("/article/" + phone).body().contains("related-heading"));
            String phonePage = server.get("/article/" + phone).body();
            String related = phonePage.substring(phonePage.indexOf("related-heading"), phonePage.indexOf("</section>", phonePage.indexOf("related-heading")));
            assertThat(related).as("a similar article of another story, with its publisher")
                    .contains("Related", "Apple expected to unveil a new iPhone", "pacific")
                    .doesNotContain("cup final").doesNotContain("earthquake");

            String storyPage = server.get("/story/" + story).body();
            assertThat(storyPage).contains("3 publishers", "4 reports", "Strong quake off Chile prompts tsunami alert")
                    .doesNotContain("Magnitude 7.1 earthquake strikes");
            assertThat(storyPage).as("the digest across publishers, each item linking to its sentence in its article")
                    .contains("What the coverage says", "How the story unfolded", "href=\"/article/" + original + "#cite=");
            assertThat(server.get("/story/999999").statusCode()).isEqualTo(404);
        }
    }

    private static Feeds.Item item(FixtureServer publishers, String path, String title, String html, Instant published) {
        return new Feeds.Item(path, publishers.url(path), title, html, published);
    }

    private static long idOf(JdbcClient sql, String url) {
        return sql.sql("SELECT id FROM article WHERE url = :u").param("u", url).query(Long.class).single();
    }

    private static long storyOf(JdbcClient sql, long id) {
        return sql.sql("SELECT story_id FROM article WHERE id = :id").param("id", id).query(Long.class).single();
    }
}
