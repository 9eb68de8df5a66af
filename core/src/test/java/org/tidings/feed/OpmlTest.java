package org.tidings.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpmlTest {

    private static List<Opml.Feed> parse(String opml) {
        return Opml.parse(opml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void nestedOutlinesBecomeCategoryPaths() {
        List<Opml.Feed> feeds = parse("""
                <?xml version="1.0"?>
                <opml version="2.0"><head><title>Subs</title></head><body>
                  <outline text="News">
                    <outline text="World">
                      <outline type="rss" text="BBC" title="BBC World" xmlUrl="http://feeds.bbci.co.uk/news/world/rss.xml"
                               htmlUrl="https://www.bbc.co.uk/news/world" language="en-GB"/>
                    </outline>
                    <outline type="rss" text="Le Monde" xmlUrl="https://www.lemonde.fr/rss/une.xml"/>
                  </outline>
                  <outline type="rss" text="Top level" xmlUrl="http://example.com/feed"/>
                </body></opml>""");
        assertThat(feeds).containsExactly(
                new Opml.Feed(List.of("News", "World"), "BBC World", "http://feeds.bbci.co.uk/news/world/rss.xml",
                        "https://www.bbc.co.uk/news/world", "en-GB"),
                new Opml.Feed(List.of("News"), "Le Monde", "https://www.lemonde.fr/rss/une.xml", null, null),
                new Opml.Feed(List.of(), "Top level", "http://example.com/feed", null, null));
    }

    @Test
    void malformedOpmlIsStillRead() {
        List<Opml.Feed> feeds = parse("""
                <opml version="1.0"><body>
                <outline text="Food & Drink">
                  <outline text="Recipes &nbsp; more" xmlurl="http://example.com/a?x=1&y=2">
                  <outline text="B" xmlURL="http://example.com/b">
                </body>""");
        assertThat(feeds).extracting(Opml.Feed::feedUrl).containsExactly("http://example.com/a?x=1&y=2", "http://example.com/b");
        assertThat(feeds.get(0).categories()).containsExactly("Food & Drink");
        assertThat(feeds.get(0).title()).isEqualTo("Recipes \u00a0 more");
    }

    @Test
    void flatListWithCategoryAttribute() {
        List<Opml.Feed> feeds = parse("<opml><body><outline text=\"x\" category=\"/Tech/Java,/Other\" xmlUrl=\"http://e.com/f\"/></body></opml>");
        assertThat(feeds.get(0).categories()).containsExactly("Tech", "Java");
    }

    @Test
    void writeThenReadRoundTrips() {
        List<Opml.Feed> feeds = List.of(
                new Opml.Feed(List.of("News", "World"), "A & B <quoted>", "http://e.com/a?x=1&y=2", "http://e.com/", "en"),
                new Opml.Feed(List.of("News"), "C", "http://e.com/c", null, null),
                new Opml.Feed(List.of(), null, "http://e.com/d", null, null));
        String opml = Opml.write("My feeds", feeds);
        assertThat(opml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>").contains("<opml version=\"2.0\">");
        List<Opml.Feed> back = Opml.parse(opml.getBytes(StandardCharsets.UTF_8));
        assertThat(back).containsExactlyInAnyOrder(
                feeds.get(0), feeds.get(1), new Opml.Feed(List.of(), "http://e.com/d", "http://e.com/d", null, null));
    }

    @Test
    void garbageGivesNoFeeds() {
        assertThat(Opml.parse(new byte[] {0, 1, 2, (byte) 0xff})).isEmpty();
        assertThat(Opml.parse(null)).isEmpty();
    }
}
