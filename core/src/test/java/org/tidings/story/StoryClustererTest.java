package org.tidings.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StoryClustererTest {

    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    private static final String WIRE = """
            Pizza chain Sbarro filed for bankruptcy protection on Monday for the second time in three
            years, saying a drop in visits to shopping malls had cut its sales. The company, known for its
            food court restaurants, said it expected to close about 180 locations and to emerge from the
            court process within months. Its lenders have agreed to take control of the business under a
            plan filed with the court, and the restaurants will stay open during the reorganization.
            """;

    private static Article article(String id, String title, int minutes) {
        return Article.headline(id, title, "pub-" + id, T0.plus(Duration.ofMinutes(minutes)));
    }

    @Test
    void reworedHeadlinesOfOneEventJoinOneStory() {
        StoryClusterer c = new StoryClusterer();
        Assignment a = c.add(article("1", "Pizza chain Sbarro files for bankruptcy", 0));
        Assignment b = c.add(article("2", "Sbarro files for Chapter 11 bankruptcy again", 5));
        Assignment d = c.add(article("3", "Sbarro filing for bankruptcy for second time in three years", 9));
        assertThat(a.storyId()).isEqualTo("1");
        assertThat(b.storyId()).isEqualTo("1");
        assertThat(d.storyId()).isEqualTo("1");
        assertThat(a.duplicateOf()).isNull();
    }

    @Test
    void distinctEventsOnTheSameTopicStayApart() {
        StoryClusterer c = new StoryClusterer();
        c.add(article("1", "Pizza chain Sbarro files for bankruptcy", 0));
        c.add(article("2", "Sbarro files for Chapter 11 bankruptcy again", 5));
        Assignment gox = c.add(article("3", "Bitcoin exchange Mt. Gox files for bankruptcy in the US", 10));
        Assignment apple = c.add(article("4", "Apple unveils a cheaper iPhone 5c with 8GB", 12));
        assertThat(gox.storyId()).isEqualTo("3");
        assertThat(apple.storyId()).isEqualTo("4");
        assertThat(c.liveStories()).isEqualTo(3);
    }

    @Test
    void twoEventsThatShareOnlyANameStayApart() {
        StoryClusterer c = new StoryClusterer();
        Assignment cnet = c.add(new Article("cnet", "Zuckerberg offers peek at Facebook's acquisition strategies",
                """
                Facebook CEO Mark Zuckerberg knows a thing or two about how to seal the deal on blockbuster buys. He's the
                man behind his company's $19 billion acquisition of WhatsApp, he personally brokered its $1 billion buyout
                of Instagram and closed the $3 billion deal to buy Oculus VR. Zuckerberg offered a primer on the strategies
                he and his company employ when they see an attractive target during testimony Tuesday in a lawsuit with
                ZeniMax Media, which accuses Oculus and Facebook of misappropriating trade secrets.
                """, "https://www.cnet.com/news/zuckerberg-offers-peek-at-facebooks-acquisition-strategies/", "CNET", T0, "en"));
        Assignment aclu = c.add(new Article("aclu", "Facebook Is Tracking Me Even Though I’m Not on Facebook",
                """
                I don't use Facebook. I'm not technophobic, I'm a geek. I've been using email since the early 1990s, I have
                accounts on hundreds of services around the net, and I do software development and internet protocol design
                both for work and for fun. But Facebook and other massive web companies represent a strong push toward
                unaccountable centralized social control. Facebook collects data about people who have never even opted in.
                """, "https://www.aclu.org/blog/privacy-technology/internet-privacy/facebook-tracking-me-even-though-im-not-facebook",
                "American Civil Liberties Union", T0.plus(Duration.ofHours(3)), "en"));
        assertThat(cnet.storyId()).isEqualTo("cnet");
        assertThat(aclu.storyId()).as("one shared name is not one event").isEqualTo("aclu");
        assertThat(c.liveStories()).isEqualTo(2);
    }

    @Test
    void headlinesSharingOneWordStayApartButTheSameEventReworded() {
        StoryClusterer c = new StoryClusterer();
        c.add(article("1", "Titanfall launches on Xbox One", 0));
        Assignment arcade = c.add(article("2", "Titanfall arcade website goes live", 5));
        Assignment again = c.add(article("3", "Titanfall launches on Xbox One and PC", 9));
        assertThat(arcade.storyId()).as("only 'Titanfall' in common").isEqualTo("2");
        assertThat(again.storyId()).isEqualTo("1");
    }

    @Test
    void sameArticleUnderAnotherUrlIsADuplicateOfTheFirst() {
        StoryClusterer c = new StoryClusterer();
        c.add(new Article("a", "Sbarro files for bankruptcy", null, "https://news.example/biz/sbarro?utm_source=rss", "News", T0, "en"));
        Assignment copy = c.add(new Article("b", "Sbarro bankrupt again", null, "https://m.news.example/biz/sbarro/amp/", "News", T0.plusSeconds(60), "en"));
        assertThat(copy.duplicateOf()).isEqualTo("a");
        assertThat(copy.storyId()).isEqualTo("a");
    }

    @Test
    void republishedWireTextIsADuplicateOfTheEarliestVersion() {
        StoryClusterer c = new StoryClusterer();
        c.add(new Article("wire", "Sbarro files for bankruptcy", WIRE, "https://wire.example/1", "Wire", T0, "en"));
        Assignment first = c.add(new Article("copy1", "Mall pizza favourite goes bust", "ADVERTISEMENT " + WIRE + " Copyright Daily.",
                "https://daily.example/9", "Daily", T0.plusSeconds(600), "en"));
        Assignment second = c.add(new Article("copy2", "Pizza chain in court", WIRE.replace("Monday", "Monday evening"),
                "https://herald.example/3", "Herald", T0.plusSeconds(900), "en"));
        assertThat(first.duplicateOf()).isEqualTo("wire");
        assertThat(second.duplicateOf()).isEqualTo("wire");
        assertThat(second.storyId()).isEqualTo("wire");
        Story story = c.story("wire").orElseThrow();
        assertThat(story.timeline()).extracting(Story.Entry::duplicateOf).containsExactly(null, "wire", "wire");
        assertThat(story.publishers()).containsExactly("Wire", "Daily", "Herald");
    }

    @Test
    void aCopyThatArrivesBeforeItsOriginalGivesWayToTheEarliestVersion() {
        StoryClusterer c = new StoryClusterer();
        c.add(new Article("copy1", "Mall pizza favourite goes bust", "ADVERTISEMENT " + WIRE + " Copyright Daily.",
                "https://daily.example/9", "Daily", T0.plusSeconds(600), "en"));
        Assignment copy2 = c.add(new Article("copy2", "Pizza chain in court", WIRE.replace("Monday", "Monday evening"),
                "https://herald.example/3", "Herald", T0.plusSeconds(900), "en"));
        assertThat(copy2.duplicateOf()).as("the earliest version known so far").isEqualTo("copy1");

        Assignment wire = c.add(new Article("wire", "Sbarro files for bankruptcy", WIRE, "https://wire.example/1", "Wire", T0, "en"));
        assertThat(wire.duplicateOf()).isNull();
        assertThat(wire.storyId()).as("it joins its copies' story").isEqualTo("copy1");
        assertThat(wire.repointed()).containsExactlyInAnyOrder("copy1", "copy2");
        assertThat(c.story("copy1").orElseThrow().timeline())
                .extracting(Story.Entry::articleId, Story.Entry::duplicateOf)
                .containsExactly(tuple("wire", null), tuple("copy1", "wire"), tuple("copy2", "wire"));
        assertThat(c.add(new Article("copy1", "Mall pizza favourite goes bust", null, null, "Daily", T0.plusSeconds(600), "en"))
                .duplicateOf()).as("asked again, a copy names its earliest version").isEqualTo("wire");

        Assignment copy3 = c.add(new Article("copy3", "Sbarro goes bust again", WIRE + " Reporting by the wire.",
                "https://post.example/5", "Post", T0.plusSeconds(1200), "en"));
        assertThat(copy3.duplicateOf()).isEqualTo("wire");
        assertThat(copy3.repointed()).isEmpty();
    }

    @Test
    void anEarlierArticleUnderTheSameUrlBecomesTheOriginal() {
        StoryClusterer c = new StoryClusterer();
        c.add(new Article("amp", "Sbarro bankrupt again", null, "https://m.news.example/biz/sbarro/amp/", "News", T0.plusSeconds(60), "en"));
        Assignment first = c.add(new Article("desktop", "Sbarro files for bankruptcy", null,
                "https://news.example/biz/sbarro?utm_source=rss", "News", T0, "en"));
        assertThat(first.duplicateOf()).isNull();
        assertThat(first.repointed()).containsExactly("amp");
        assertThat(c.add(new Article("later", "Sbarro", null, "https://news.example/biz/sbarro", "News", T0.plusSeconds(90), "en"))
                .duplicateOf()).isEqualTo("desktop");
    }

    @Test
    void copiesEndUpOnTheEarliestVersionWhateverTheOrderOfArrival() {
        List<Article> inOrder = List.of(
                new Article("wire", "Sbarro files for bankruptcy", WIRE, "https://wire.example/1", "Wire", T0, "en"),
                new Article("daily", "Mall pizza favourite goes bust", "ADVERTISEMENT " + WIRE, "https://daily.example/9", "Daily",
                        T0.plusSeconds(600), "en"),
                new Article("herald", "Pizza chain in court", WIRE + " More to follow.", "https://herald.example/3", "Herald",
                        T0.plusSeconds(900), "en"));
        StoryClusterer arrived = new StoryClusterer();
        for (Article a : inOrder.reversed()) {
            arrived.add(a);
        }
        StoryClusterer rebuilt = new StoryClusterer();
        inOrder.forEach(rebuilt::add);
        for (Article a : inOrder) {
            assertThat(arrived.add(a).duplicateOf()).as(a.id()).isEqualTo(rebuilt.add(a).duplicateOf());
        }
        assertThat(rebuilt.add(inOrder.getLast()).duplicateOf()).isEqualTo("wire");
    }

    @Test
    void theRepresentativeHeadlineSharesMostWithTheOthersNotTheFirst() {
        List<String> headlines = List.of("Breaking: mall pizza trouble", "Sbarro files for bankruptcy",
                "Sbarro files for bankruptcy again, closing 180 stores", "Lenders take control as Sbarro files for bankruptcy");
        assertThat(Story.representative(headlines)).isEqualTo(1);
        assertThat(Story.representative(List.of("Only one"))).isZero();
        assertThat(Story.representative(List.of())).isEqualTo(-1);
    }

    @Test
    void storyKeepsTitleTimesPublishersAndTimeline() {
        StoryClusterer c = new StoryClusterer();
        c.add(article("1", "Sbarro bankruptcy", 0));
        c.add(article("2", "Pizza chain Sbarro files for bankruptcy", 10));
        c.add(article("3", "Sbarro files for bankruptcy protection", 20));
        c.add(article("4", "Sbarro files for bankruptcy again", 30));
        Story s = c.story("1").orElseThrow();
        assertThat(s.title()).contains("Sbarro files for bankruptcy");
        assertThat(s.first()).isEqualTo(T0);
        assertThat(s.latest()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
        assertThat(s.publishers()).containsExactly("pub-1", "pub-2", "pub-3", "pub-4");
        assertThat(s.timeline()).extracting(Story.Entry::articleId).containsExactly("1", "2", "3", "4");
        assertThat(c.storyOf("3")).contains("1");
        assertThat(c.stories()).extracting(Story::id).containsExactly("1");
    }

    @Test
    void storiesAndArticlesExpireBeyondTheWindow() {
        StoryClusterer c = new StoryClusterer(Duration.ofDays(1));
        c.add(article("1", "Sbarro files for bankruptcy", 0));
        assertThat(c.liveArticles()).isEqualTo(1);
        Assignment later = c.add(article("2", "Sbarro files for bankruptcy", 60 * 30));
        assertThat(later.storyId()).isEqualTo("2");
        assertThat(c.story("1")).isEmpty();
        assertThat(c.storyOf("1")).isEmpty();
        assertThat(c.liveArticles()).isEqualTo(1);
        assertThat(c.liveStories()).isEqualTo(1);
    }

    @Test
    void aCopyOfAnArticleThatLeftTheWindowIsNotADuplicate() {
        StoryClusterer c = new StoryClusterer(Duration.ofDays(1));
        c.add(new Article("wire", "Sbarro files for bankruptcy", WIRE, "https://wire.example/1", "Wire", T0, "en"));
        c.add(new Article("copy", "Sbarro again", WIRE, "https://daily.example/1", "Daily", T0.plusSeconds(60), "en"));
        Assignment late = c.add(new Article("late", "Sbarro, a look back", WIRE, "https://wire.example/1", "Post",
                T0.plus(Duration.ofDays(3)), "en"));
        assertThat(late.duplicateOf()).isNull();
        assertThat(late.storyId()).isEqualTo("late");
    }

    @Test
    void languagesThatAreKnownAndDifferentDoNotMix() {
        StoryClusterer c = new StoryClusterer();
        c.add(new Article("en", "Titanfall launch on Xbox One", null, null, "A", T0, "en"));
        Assignment de = c.add(new Article("de", "Titanfall launch on Xbox One", null, null, "B", T0.plusSeconds(5), "de"));
        Assignment unknown = c.add(new Article("x", "Titanfall launch on Xbox One", null, null, "C", T0.plusSeconds(9), null));
        assertThat(de.storyId()).isEqualTo("de");
        assertThat(unknown.storyId()).isIn("en", "de");
    }

    @Test
    void feedingAnIdAgainReturnsItsFirstAssignment() {
        StoryClusterer c = new StoryClusterer();
        Assignment first = c.add(article("1", "Sbarro files for bankruptcy", 0));
        Assignment again = c.add(article("1", "Something else entirely", 5));
        assertThat(again).isEqualTo(first);
        assertThat(c.liveArticles()).isEqualTo(1);
    }

    @Test
    void replayingTheSameArticlesRebuildsTheSameStories() {
        List<LabelledHeadlines> items = StoryQualityTest.devItems().subList(0, 800);
        List<Assignment> first = new ArrayList<>();
        List<Assignment> second = new ArrayList<>();
        StoryClusterer a = new StoryClusterer();
        StoryClusterer b = new StoryClusterer();
        items.forEach(h -> first.add(a.add(h.article())));
        items.forEach(h -> second.add(b.add(h.article())));
        assertThat(second).isEqualTo(first);
        assertThat(b.stories()).isEqualTo(a.stories());
    }

    @Test
    void convergingStoriesMerge() {
        StoryClusterer c = new StoryClusterer(Duration.ofDays(3), 0.2, 0.3);
        c.add(article("1", "Chiquita to buy Fyffes", 0));
        c.add(article("2", "Chiquita Fyffes deal creates banana giant", 1));
        c.add(article("3", "World's biggest banana company born", 2));
        c.add(article("4", "Biggest banana company in the world", 3));
        List<String> merged = new ArrayList<>();
        for (int i = 5; i < 12; i++) {
            merged.addAll(c.add(article(String.valueOf(i), "Chiquita and Fyffes create world's biggest banana company", i)).mergedStories());
        }
        assertThat(merged).isNotEmpty();
        String survivor = c.storyOf("1").orElseThrow();
        assertThat(c.storyOf("3")).contains(survivor);
        assertThat(c.story(merged.getFirst()).orElseThrow().id()).isEqualTo(survivor);
    }

    @Test
    void articlesWithoutTimeOrWordsStillGetAStory() {
        StoryClusterer c = new StoryClusterer();
        assertThat(c.add(new Article("1", null, null, null, null, null, null)).storyId()).isEqualTo("1");
        assertThat(c.add(new Article("2", "the and of", null, "not a url", null, null, null)).storyId()).isEqualTo("2");
        assertThat(c.add(new Article("3", "Sbarro files for bankruptcy", null, null, null, null, null)).storyId()).isEqualTo("3");
        assertThatThrownBy(() -> new Article(" ", "x", null, null, null, null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void survivesHostileInput() {
        StoryClusterer c = new StoryClusterer();
        Random random = new Random(3);
        StringBuilder binary = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            binary.append((char) random.nextInt(0xFFFF));
        }
        c.add(new Article("bin", binary.toString(), binary.toString(), binary.toString(), "x", T0, "xx"));
        c.add(new Article("huge", "word ".repeat(2_000_000), "text ".repeat(2_000_000), null, "x", T0, null));
        c.add(new Article("far-future", "Sbarro", null, null, null, Instant.parse("9999-12-31T00:00:00Z"), null));
        Assignment after = c.add(article("ok", "Sbarro files for bankruptcy", 0));
        assertThat(after.storyId()).as("a new story of its own").isEqualTo("ok");
    }
}
