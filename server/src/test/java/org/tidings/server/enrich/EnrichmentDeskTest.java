package org.tidings.server.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.tidings.server.store.ArticleDraft;
import org.tidings.server.store.ArticleStage;
import org.tidings.server.store.ArticleView;
import org.tidings.server.store.EnrichmentStore;
import org.tidings.server.store.Listing;
import org.tidings.server.store.PipelineStore.Job;
import org.tidings.server.store.SourceSettings;
import org.tidings.server.testing.MutableClock;
import org.tidings.server.testing.OnEachDatabase;
import org.tidings.server.testing.Stores;
import org.tidings.server.testing.TestDatabase;

/**
 * Articles are filed under language, section, regions and topics, with their digest, as they come
 * through enrichment, and listed by each, on H2 and PostgreSQL.
 */
@OnEachDatabase
class EnrichmentDeskTest {

    @Parameter
    TestDatabase db;

    private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
    private final MutableClock clock = new MutableClock(T0);

    private static final String CHIPS = """
            <p>Apple unveiled a new iPhone chip on Tuesday, saying the processor doubles battery life. The company's
            software engineers also showed an update to its operating system and artificial intelligence features for
            developers. Analysts said the smartphone market was slowing.</p>""";
    private static final String MATCH = """
            <p>Manchester United beat Liverpool 2-1 at Old Trafford in the Premier League on Sunday. The striker scored
            twice in the second half and the goalkeeper saved a penalty as the football club climbed to third in the
            league table.</p>""";
    private static final String ARABIC = """
            <p>أعلنت حكومة دبي يوم الثلاثاء عن خطة جديدة لتطوير النقل العام في الإمارة، تشمل خطوط مترو وحافلات كهربائية.
            وقال المسؤولون إن المشروع سيخدم ملايين السكان في دولة الإمارات العربية المتحدة.</p>""";

    private record Fixture(Stores stores, EnrichmentDesk desk, long gulf, long sport, long arabic) {

        /** Enrichment of everything waiting for it; returns how many articles it enriched. */
        int enrichAll() {
            List<Job> jobs = stores.claimAll(ArticleStage.ENRICH);
            desk.enrich(jobs, ArticleStage.STORY);
            return jobs.size();
        }

        EnrichmentStore enrichment() {
            return stores.enrichment();
        }
    }

    private Fixture fixture(TestDatabase db) {
        Stores stores = Stores.on(db, clock);
        var sources = stores.sources();
        long gulf = sources.add(new SourceSettings("https://gulf.test/feed", "Gulf Daily", null, "en", "gulf", null, false, true),
                Duration.ofMinutes(15)).id();
        long sport = sources.add(new SourceSettings("https://sport.test/feed", "Sport Today", null, "en", "uk", "sport", false, true),
                Duration.ofMinutes(15)).id();
        long arabic = sources.add(new SourceSettings("https://ar.test/feed", "أخبار", null, "ar", "arab", null, false, true),
                Duration.ofMinutes(15)).id();
        return new Fixture(stores, new EnrichmentDesk(stores.enrichment()), gulf, sport, arabic);
    }

    private static ArticleDraft draft(String key, String title, String html, int minutesAgo) {
        return ArticleDraft.ofFeed(key, "https://x.test/" + key, title, null, html, null, null,
                T0.minus(Duration.ofMinutes(minutesAgo)), null, key + ":" + title.hashCode());
    }

    @Test
    void storedArticlesAreFiledAndListedBySectionTopicSourceAndEdition() {
        Fixture f = fixture(db);
        f.stores().articles().save(f.gulf(), draft("chips", "Apple unveils faster iPhone chip", CHIPS, 30), false);
        f.stores().articles().save(f.sport(), draft("match", "Manchester United beat Liverpool", MATCH, 20), false);
        f.stores().articles().save(f.arabic(), draft("metro", "دبي تعلن خطة جديدة للنقل العام", ARABIC, 10), false);

        assertThat(f.enrichAll()).isEqualTo(3);
        assertThat(f.stores().pipeline().waiting(ArticleStage.ENRICH)).isZero();
        assertThat(f.stores().pipeline().waiting(ArticleStage.STORY)).as("handed on to the story desk").isEqualTo(3);

        ArticleView chips = only(f, Listing.source(f.gulf()));
        assertThat(chips.title()).contains("iPhone");
        assertThat(chips.lang()).as("detected, then stored").isEqualTo("en");
        assertThat(only(f, Listing.source(f.arabic())).lang()).isEqualTo("ar");
        assertThat(f.stores().listings().latest(Listing.section("technology"), 10, 0)).extracting(ArticleView::id).containsExactly(chips.id());
        // the source's own section decides, whatever the words
        assertThat(f.stores().listings().latest(Listing.section("sports"), 10, 0)).extracting(ArticleView::title)
                .containsExactly("Manchester United beat Liverpool");

        var topics = f.enrichment().topicsOf(chips.id());
        assertThat(topics).extracting(EnrichmentStore.TopicTag::slug).contains("apple");
        assertThat(f.stores().listings().latest(Listing.topic("apple"), 10, 0)).extracting(ArticleView::id).containsExactly(chips.id());
        assertThat(f.enrichment().topic("apple")).get().extracting(EnrichmentStore.TopicTag::label).isEqualTo("Apple");
        assertThat(f.enrichment().topic("no-such-topic")).isEmpty();

        // editions: English-Gulf has the Gulf publisher's article, English-UK the British one, Arabic the Arabic one
        assertThat(f.stores().listings().latest(Listing.ALL.inEdition("en", "gulf"), 10, 0)).extracting(ArticleView::id)
                .containsExactly(chips.id());
        assertThat(f.stores().listings().latest(Listing.ALL.inEdition("en", "uk"), 10, 0)).extracting(ArticleView::title)
                .containsExactly("Manchester United beat Liverpool");
        assertThat(f.stores().listings().latest(Listing.ALL.inEdition("ar", null), 10, 0)).extracting(ArticleView::title)
                .containsExactly("دبي تعلن خطة جديدة للنقل العام");
        // an Arabic article about Dubai is about the Gulf whatever its publisher's region
        assertThat(f.stores().listings().latest(Listing.ALL.inEdition("ar", "gulf"), 10, 0)).hasSize(1);
        assertThat(f.stores().listings().latest(Listing.ALL, 10, 0)).hasSize(3);
    }

    @Test
    void anArticleWhosePageIsWantedIsEnrichedWithThePagesTextAndAgainWhenItChanges() {
        Fixture f = fixture(db);
        f.stores().articles().save(f.gulf(), draft("chips", "A new chip", "<p>Short teaser.</p>", 30), true);
        long id = only(f, Listing.ALL).id();
        assertThat(f.enrichAll()).as("its page comes first").isZero();

        f.stores().pageArrives(id, "A new chip", CHIPS);
        assertThat(f.enrichAll()).isEqualTo(1);
        assertThat(f.enrichment().topicsOf(id)).extracting(EnrichmentStore.TopicTag::slug).contains("apple");
        assertThat(f.stores().listings().latest(Listing.section("technology"), 10, 0)).hasSize(1);

        f.stores().articles().save(f.gulf(), ArticleDraft.ofFeed("chips", "https://x.test/chips", "A new chip, corrected", null,
                "<p>Short teaser.</p>", null, null, T0, null, "changed"), true);
        assertThat(f.stores().stageOf(id)).isEqualTo(ArticleStage.ENRICH);
        assertThat(f.stores().archive().body(id).orElseThrow().text()).as("the page's text stays").contains("iPhone chip");
    }

    @Test
    void aLongEnoughArticleGetsItsDigestStoredAShortOneNone() {
        Fixture f = fixture(db);
        String longText = "<p>The harbour bridge reopened to traffic on Tuesday after two years of repairs.</p>"
                + "<p>Engineers replaced the corroded steel cables and rebuilt the road deck.</p>"
                + "<p>The mayor cut a ribbon at the northern end in front of several hundred residents.</p>"
                + "<p>Traders on both sides said the closure had cost them customers over two winters.</p>"
                + "<p>The council said the ferry service would continue until the end of the month.</p>"
                + "<p>Cyclists will have a separate lane on the eastern side of the bridge from next spring.</p>"
                + "<p>The repairs cost the city forty million pounds, the council said.</p>";
        f.stores().articles().save(f.gulf(), draft("bridge", "Bridge reopens", longText, 30), false);
        f.stores().articles().save(f.gulf(), draft("short", "Short", "<p>One line only.</p>", 20), false);
        f.enrichAll();

        long bridge = f.stores().idOf("bridge");
        String text = f.stores().archive().body(bridge).orElseThrow().text();
        EnrichmentStore.Digest digest = f.enrichment().digest(bridge, text);
        assertThat(digest.available()).isTrue();
        assertThat(digest.summary()).allSatisfy(s -> assertThat(text.substring(s.start(), s.end())).isEqualTo(s.text()));
        assertThat(digest.summary().size() + digest.keyPoints().size()).isBetween(3, 8);
        assertThat(f.enrichment().digest(f.stores().idOf("short"), "One line only.").available()).isFalse();
    }

    @Test
    void aResultFromAnOlderTextIsNotStored() {
        Fixture f = fixture(db);
        f.stores().articles().save(f.gulf(), draft("chips", "Apple unveils faster iPhone chip", CHIPS, 30), false);
        List<Job> claimed = f.stores().claimAll(ArticleStage.ENRICH);
        // the feed edits the entry while enrichment works on the version it claimed
        f.stores().articles().save(f.gulf(), draft("chips", "Manchester United beat Liverpool", MATCH, 30), false);
        f.desk().enrich(claimed, ArticleStage.STORY);
        long id = claimed.getFirst().id();
        assertThat(f.enrichment().topicsOf(id)).as("nothing of the older text").isEmpty();
        assertThat(f.stores().stageOf(id)).isEqualTo(ArticleStage.ENRICH);
        assertThat(f.enrichAll()).isEqualTo(1);
        assertThat(f.stores().listings().latest(Listing.section("sports"), 10, 0)).hasSize(1);
    }

    @Test
    void anArticleItCannotReadGoesOnWithoutHoldingUpTheOthers() {
        Fixture f = fixture(db);
        f.stores().articles().save(f.gulf(), draft("chips", "Apple unveils faster iPhone chip", CHIPS, 30), false);
        f.stores().articles().save(f.sport(), draft("match", "Manchester United beat Liverpool", MATCH, 20), false);
        long chips = f.stores().idOf("chips");
        EnrichmentDesk failingOnChips = new EnrichmentDesk(f.enrichment()) {
            @Override
            EnrichmentStore.Learned learn(EnrichmentStore.Pending article) {
                if (article.job().id() == chips) throw new IllegalStateException("a text the enricher cannot read");
                return super.learn(article);
            }
        };
        failingOnChips.enrich(f.stores().claimAll(ArticleStage.ENRICH), ArticleStage.STORY);

        assertThat(f.stores().pipeline().waiting(ArticleStage.STORY)).as("both went on").isEqualTo(2);
        assertThat(f.enrichment().topicsOf(chips)).isEmpty();
        assertThat(only(f, Listing.source(f.gulf())).lang()).as("none detected").isNull();
        assertThat(only(f, Listing.source(f.sport())).lang()).isEqualTo("en");
        assertThat(f.stores().listings().latest(Listing.section("sports"), 10, 0)).extracting(ArticleView::title)
                .containsExactly("Manchester United beat Liverpool");
    }

    @Test
    void aTopicNamedTwiceIsStoredOnce() {
        Fixture f = fixture(db);
        f.stores().articles().save(f.gulf(), draft("chips", "Apple unveils faster iPhone chip", CHIPS, 30), false);
        Job job = f.stores().claimAll(ArticleStage.ENRICH).getFirst();
        var apple = new EnrichmentStore.TopicTag("apple", "Apple", "organization");
        var appleFruit = new EnrichmentStore.TopicTag("apple", "apple", "subject");
        var iphone = new EnrichmentStore.TopicTag("iphone", "iPhone", "subject");
        boolean stored = f.enrichment().record(job, new EnrichmentStore.Learned("en", "technology", List.of(),
                List.of(apple, appleFruit, iphone), List.of(), List.of()), ArticleStage.STORY);
        assertThat(stored).isTrue();
        assertThat(f.enrichment().topicsOf(job.id())).containsExactly(apple, iphone);
    }

    private static ArticleView only(Fixture f, Listing listing) {
        var list = f.stores().listings().latest(listing, 10, 0);
        assertThat(list).hasSize(1);
        return list.getFirst();
    }
}
