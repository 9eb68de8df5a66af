package org.tidings.server.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tidings.server.config.TidingsProperties;
import org.tidings.server.store.ArticleDraft;
import org.tidings.server.store.ArticleStore;
import org.tidings.server.store.ArticleView;
import org.tidings.server.store.EnrichmentStore;
import org.tidings.server.store.Listing;
import org.tidings.server.store.ListingStore;
import org.tidings.server.store.SourceSettings;
import org.tidings.server.store.SourceStore;
import org.tidings.server.testing.MutableClock;
import org.tidings.server.testing.TestDatabase;

/** Articles are filed under section, regions and topics as they are stored, and listed by each, on H2 and PostgreSQL. */
class EnrichmentDeskTest {

    private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
    private static final TidingsProperties.Scheduler OFF = new TidingsProperties.Scheduler(false, Duration.ofSeconds(5), 20, 8,
            Duration.ofMinutes(15), Duration.ofMinutes(5), Duration.ofHours(24), Duration.ofMinutes(5), "");
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

    private record Fixture(ArticleStore articles, EnrichmentStore enrichment, ListingStore listings, EnrichmentDesk desk,
            long gulf, long sport, long arabic) {}

    private Fixture fixture(TestDatabase db) {
        DataSource ds = db.migrated();
        JdbcClient jdbc = JdbcClient.create(ds);
        SourceStore sources = new SourceStore(jdbc, clock);
        long gulf = sources.add(new SourceSettings("https://gulf.test/feed", "Gulf Daily", null, "en", "gulf", null, false, true),
                Duration.ofMinutes(15)).id();
        long sport = sources.add(new SourceSettings("https://sport.test/feed", "Sport Today", null, "en", "uk", "sport", false, true),
                Duration.ofMinutes(15)).id();
        long arabic = sources.add(new SourceSettings("https://ar.test/feed", "أخبار", null, "ar", "arab", null, false, true),
                Duration.ofMinutes(15)).id();
        EnrichmentStore enrichment = new EnrichmentStore(jdbc, clock);
        return new Fixture(new ArticleStore(jdbc, clock), enrichment, new ListingStore(jdbc), new EnrichmentDesk(enrichment, OFF),
                gulf, sport, arabic);
    }

    private static ArticleDraft draft(String key, String title, String html, int minutesAgo) {
        return new ArticleDraft(key, "https://x.test/" + key, title, null, html, null, null,
                T0.minus(Duration.ofMinutes(minutesAgo)), null, key);
    }

    @ParameterizedTest
    @MethodSource("org.tidings.server.testing.TestDatabase#all")
    void storedArticlesAreFiledAndListedBySectionTopicSourceAndEdition(TestDatabase db) {
        Fixture f = fixture(db);
        f.articles().save(f.gulf(), draft("chips", "Apple unveils faster iPhone chip", CHIPS, 30), false);
        f.articles().save(f.sport(), draft("match", "Manchester United beat Liverpool", MATCH, 20), false);
        f.articles().save(f.arabic(), draft("metro", "دبي تعلن خطة جديدة للنقل العام", ARABIC, 10), false);

        assertThat(f.desk().drain()).isEqualTo(3);
        assertThat(f.enrichment().pending(10)).isEmpty();

        ArticleView chips = only(f, Listing.source(f.gulf()));
        assertThat(chips.title()).contains("iPhone");
        assertThat(f.listings().latest(Listing.section("technology"), 10, 0)).extracting(ArticleView::id).containsExactly(chips.id());
        // the source's own section decides, whatever the words
        assertThat(f.listings().latest(Listing.section("sports"), 10, 0)).extracting(ArticleView::title)
                .containsExactly("Manchester United beat Liverpool");

        var topics = f.enrichment().topicsOf(chips.id());
        assertThat(topics).extracting(EnrichmentStore.TopicTag::slug).contains("apple");
        assertThat(f.listings().latest(Listing.topic("apple"), 10, 0)).extracting(ArticleView::id).containsExactly(chips.id());
        assertThat(f.enrichment().topic("apple")).get().extracting(EnrichmentStore.TopicTag::label).isEqualTo("Apple");
        assertThat(f.enrichment().topic("no-such-topic")).isEmpty();

        // editions: English-Gulf has the Gulf publisher's article, English-UK the British one, Arabic the Arabic one
        assertThat(f.listings().latest(Listing.ALL.inEdition("en", "gulf"), 10, 0)).extracting(ArticleView::id)
                .containsExactly(chips.id());
        assertThat(f.listings().latest(Listing.ALL.inEdition("en", "uk"), 10, 0)).extracting(ArticleView::title)
                .containsExactly("Manchester United beat Liverpool");
        assertThat(f.listings().latest(Listing.ALL.inEdition("ar", null), 10, 0)).extracting(ArticleView::title)
                .containsExactly("دبي تعلن خطة جديدة للنقل العام");
        // an Arabic article about Dubai is about the Gulf whatever its publisher's region
        assertThat(f.listings().latest(Listing.ALL.inEdition("ar", "gulf"), 10, 0)).hasSize(1);
        assertThat(f.listings().latest(Listing.ALL, 10, 0)).hasSize(3);
    }

    @ParameterizedTest
    @MethodSource("org.tidings.server.testing.TestDatabase#all")
    void anArticleIsEnrichedAgainWhenItsFullTextArrivesOrItChanges(TestDatabase db) {
        Fixture f = fixture(db);
        f.articles().save(f.gulf(), draft("chips", "A new chip", "<p>Short teaser.</p>", 30), false);
        f.desk().drain();
        long id = only(f, Listing.ALL).id();
        assertThat(f.enrichment().topicsOf(id)).extracting(EnrichmentStore.TopicTag::slug).doesNotContain("apple");

        f.articles().onFullText(id, new ArticleStore.FullText("done", CHIPS, null, "en", null));
        assertThat(f.enrichment().pending(10)).extracting(EnrichmentStore.Pending::id).containsExactly(id);
        f.desk().drain();
        assertThat(f.enrichment().topicsOf(id)).extracting(EnrichmentStore.TopicTag::slug).contains("apple");
        assertThat(f.listings().latest(Listing.section("technology"), 10, 0)).hasSize(1);

        f.articles().save(f.gulf(), new ArticleDraft("chips", "https://x.test/chips", "A new chip, corrected", null,
                "<p>Short teaser.</p>", null, null, T0, null, "changed"), false);
        assertThat(f.enrichment().pending(10)).hasSize(1);
    }

    private static ArticleView only(Fixture f, Listing listing) {
        var list = f.listings().latest(listing, 10, 0);
        assertThat(list).hasSize(1);
        return list.getFirst();
    }
}
