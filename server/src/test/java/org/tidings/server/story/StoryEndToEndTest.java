package org.tidings.server.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tidings.server.store.SourceSettings;
import org.tidings.server.store.SourceStore;
import org.tidings.server.testing.Feeds;
import org.tidings.server.testing.FixtureServer;
import org.tidings.server.testing.RunningServer;
import org.tidings.server.testing.TestDatabase;

/**
 * Several publishers' feeds from a local server: reports of one event become one story, a
 * republished wire copy is attached to the original, and the pages show the story's other
 * reports beside an article, the copy as "also published by", and the story's timeline.
 */
class StoryEndToEndTest {

    @TempDir
    Path dataDir;

    private static final String WIRE = "<p>A powerful earthquake of magnitude 7.1 struck off the coast of northern Chile on "
            + "Tuesday, the national seismology centre said, prompting a tsunami warning for the Pacific coast and the "
            + "evacuation of several coastal towns. There were no immediate reports of casualties or serious damage, "
            + "officials in Antofagasta and Iquique said, while the navy's oceanographic service watched sea levels.</p>";

    @ParameterizedTest
    @MethodSource("org.tidings.server.testing.TestDatabase#all")
    void coverageOfOneEventBecomesOneStory(TestDatabase db) {
        String[] dbArgs = db == TestDatabase.H2 ? new String[0] : db.create().serverArguments();
        try (FixtureServer publishers = new FixtureServer(); RunningServer server = RunningServer.start(dataDir, dbArgs)) {
            Instant now = Instant.now();
            publishers.serve("/andes.xml", "application/rss+xml", Feeds.rss("Andes Post", List.of(
                    item(publishers, "/andes/quake", "Magnitude 7.1 earthquake strikes off northern Chile, tsunami warning issued", WIRE, now.minusSeconds(3000)),
                    item(publishers, "/andes/phone", "Apple unveils a new iPhone with a faster chip and a brighter screen",
                            "<p>Apple showed its new phone at an event in California on Tuesday.</p>", now.minusSeconds(2800)))));
            publishers.serve("/pacific.xml", "application/rss+xml", Feeds.rss("Pacific Daily", List.of(
                    item(publishers, "/pacific/chile", "Chile earthquake: 7.1 quake triggers tsunami warning along the Pacific coast",
                            "<p>Chile's coast was put on tsunami alert after a 7.1 earthquake shook the north of the country.</p>", now.minusSeconds(2500)),
                    item(publishers, "/pacific/cup", "Harbour United win the cup final after extra time",
                            "<p>Harbour United beat City 2-1 in the cup final on Saturday.</p>", now.minusSeconds(2400)))));
            publishers.serve("/wire.xml", "application/rss+xml", Feeds.rss("Coastal Wire", List.of(
                    item(publishers, "/wire/tsunami", "Tsunami warning after powerful earthquake hits northern Chile",
                            "<p>A tsunami warning was issued after a powerful 7.1 magnitude earthquake hit northern Chile.</p>", now.minusSeconds(2000)),
                    item(publishers, "/wire/copy", "Strong quake off Chile prompts tsunami alert", WIRE, now.minusSeconds(1000)))));
            SourceStore sources = server.bean(SourceStore.class);
            JdbcClient sql = server.bean(JdbcClient.class);
            // The wire's copy reaches Tidings after its original, as syndicated copies do: the desk
            // attaches a copy to the version it already has. (A copy that arrives before its original
            // stays the story's version: re-pointing it to the earlier original is not done yet.)
            for (String feed : List.of("/andes.xml", "/pacific.xml", "/wire.xml")) {
                if (feed.equals("/wire.xml")) {
                    await().atMost(Duration.ofSeconds(30)).until(() -> sql.sql(
                            "SELECT COUNT(*) FROM article WHERE clustered_at IS NOT NULL").query(Long.class).single() == 4);
                }
                sources.add(new SourceSettings(publishers.url(feed), feed.substring(1, feed.indexOf('.')), null, "en", null, null,
                        false, true), Duration.ofMinutes(15));
            }

            await().atMost(Duration.ofSeconds(30)).until(() -> sql.sql(
                    "SELECT COUNT(*) FROM article WHERE clustered_at IS NOT NULL").query(Long.class).single() == 6);

            long quake = idOf(sql, publishers.url("/andes/quake"));
            long chile = idOf(sql, publishers.url("/pacific/chile"));
            long tsunami = idOf(sql, publishers.url("/wire/tsunami"));
            long copy = idOf(sql, publishers.url("/wire/copy"));
            long phone = idOf(sql, publishers.url("/andes/phone"));
            long story = storyOf(sql, quake);
            assertThat(storyOf(sql, chile)).isEqualTo(story);
            assertThat(storyOf(sql, tsunami)).isEqualTo(story);
            assertThat(storyOf(sql, phone)).isNotEqualTo(story);
            assertThat(sql.sql("SELECT duplicate_of FROM article WHERE id = :id").param("id", copy).query(Long.class).single())
                    .as("the wire copy is attached to the earliest version").isEqualTo(quake);

            String home = server.get("/").body();
            assertThat(home).as("copies are kept out of lists")
                    .doesNotContain("Strong quake off Chile prompts tsunami alert").contains("Apple unveils");
            String top = home.substring(home.indexOf("Top stories"), home.indexOf("</section>", home.indexOf("Top stories")));
            assertThat(top).as("the story covered by three publishers leads; single reports are not top stories")
                    .contains("Magnitude 7.1 earthquake strikes", "3 publishers", "/story/" + story, "breadth")
                    .doesNotContain("Apple unveils").doesNotContain("cup final");
            String article = server.get("/article/" + quake).body();
            assertThat(article).contains("More on this story", "Chile earthquake: 7.1 quake triggers", "Tsunami warning after powerful")
                    .contains("Also published by wire").doesNotContain("Apple unveils").doesNotContain("cup final");
            String storyPage = server.get("/story/" + story).body();
            assertThat(storyPage).contains("3 publishers", "3 reports", "Magnitude 7.1 earthquake strikes")
                    .doesNotContain("Strong quake off Chile");
            assertThat(storyPage).as("the digest across publishers, each item linking to its sentence in its article")
                    .contains("What the coverage says", "How the story unfolded", "href=\"/article/" + quake + "#cite=");
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
