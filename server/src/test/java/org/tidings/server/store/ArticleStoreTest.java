package org.tidings.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tidings.server.testing.MutableClock;
import org.tidings.server.testing.TestDatabase;

class ArticleStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
    private final MutableClock clock = new MutableClock(T0);

    static ArticleDraft draft(String key, String url, String title, String hash) {
        return new ArticleDraft(key, url, title, "<p>summary</p>", "<p>text of " + title + "</p>", "Reporter", null,
                T0.minus(Duration.ofHours(1)), null, hash);
    }

    private record Fixture(ArticleStore articles, long sourceA, long sourceB) {}

    private Fixture fixture(TestDatabase db) {
        DataSource ds = db.migrated();
        SourceStore sources = new SourceStore(JdbcClient.create(ds), clock);
        long a = sources.add(SourceSettings.of("https://a.test/feed", "A"), Duration.ofMinutes(15)).id();
        long b = sources.add(SourceSettings.of("https://b.test/feed", "B"), Duration.ofMinutes(15)).id();
        return new Fixture(new ArticleStore(JdbcClient.create(ds), clock), a, b);
    }

    @ParameterizedTest
    @MethodSource("org.tidings.server.testing.TestDatabase#all")
    void savingTheSameEntryAgainChangesNothing(TestDatabase db) {
        Fixture f = fixture(db);
        assertThat(f.articles().save(f.sourceA(), draft("g1", "https://a.test/1", "One", "h1"), false)).isEqualTo(ArticleStore.Outcome.INSERTED);
        assertThat(f.articles().save(f.sourceA(), draft("g1", "https://a.test/1", "One", "h1"), false)).isEqualTo(ArticleStore.Outcome.UNCHANGED);
        assertThat(f.articles().count()).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("org.tidings.server.testing.TestDatabase#all")
    void anEditedEntryUpdatesItsArticle(TestDatabase db) {
        Fixture f = fixture(db);
        f.articles().save(f.sourceA(), draft("g1", "https://a.test/1", "One", "h1"), false);
        assertThat(f.articles().save(f.sourceA(), draft("g1", "https://a.test/1", "One, corrected", "h2"), false))
                .isEqualTo(ArticleStore.Outcome.UPDATED);
        ArticleView stored = f.articles().latest(10, 0).getFirst();
        assertThat(stored.title()).isEqualTo("One, corrected");
        assertThat(f.articles().count()).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("org.tidings.server.testing.TestDatabase#all")
    void aChangedGuidWithTheSameLinkIsTheSameArticle(TestDatabase db) {
        Fixture f = fixture(db);
        f.articles().save(f.sourceA(), draft("g1", "https://a.test/1", "One", "h1"), false);
        f.articles().save(f.sourceA(), draft("new-guid-scheme/1", "https://a.test/1", "One", "h1"), false);
        assertThat(f.articles().count()).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("org.tidings.server.testing.TestDatabase#all")
    void theSameUrlFromTwoSourcesIsStoredOnce(TestDatabase db) {
        Fixture f = fixture(db);
        f.articles().save(f.sourceA(), draft("g1", "https://wire.test/story", "Story", "h1"), false);
        assertThat(f.articles().save(f.sourceB(), draft("other", "https://wire.test/story", "Story", "h1"), false))
                .isEqualTo(ArticleStore.Outcome.UNCHANGED);
        assertThat(f.articles().count()).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("org.tidings.server.testing.TestDatabase#all")
    void racingWritersStoreEachEntryOnce(TestDatabase db) throws Exception {
        Fixture f = fixture(db);
        List<Callable<Integer>> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            writers.add(() -> {
                int inserted = 0;
                for (int i = 0; i < 50; i++) {
                    if (f.articles().save(f.sourceA(), draft("g" + i, "https://a.test/" + i, "T" + i, "h" + i), false)
                            == ArticleStore.Outcome.INSERTED) inserted++;
                }
                return inserted;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        int inserted = 0;
        for (Future<Integer> r : pool.invokeAll(writers)) inserted += r.get();
        pool.shutdown();
        assertThat(inserted).isEqualTo(50);
        assertThat(f.articles().count()).isEqualTo(50);
    }

    @ParameterizedTest
    @MethodSource("org.tidings.server.testing.TestDatabase#all")
    void articlesWithoutAnAddressAreKeptByTheirKey(TestDatabase db) {
        Fixture f = fixture(db);
        ArticleDraft one = new ArticleDraft("sha256:a", null, "One", "<p>1</p>", null, null, null, T0, null, "h1");
        ArticleDraft two = new ArticleDraft("sha256:b", null, "Two", "<p>2</p>", null, null, null, T0, null, "h2");
        assertThat(f.articles().save(f.sourceA(), one, true)).isEqualTo(ArticleStore.Outcome.INSERTED);
        assertThat(f.articles().save(f.sourceA(), two, true)).isEqualTo(ArticleStore.Outcome.INSERTED);
        assertThat(f.articles().save(f.sourceA(), one, true)).isEqualTo(ArticleStore.Outcome.UNCHANGED);
        assertThat(f.articles().count()).isEqualTo(2);
        assertThat(f.articles().claimFullText(Duration.ofMinutes(5), 10)).as("no page to fetch").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("org.tidings.server.testing.TestDatabase#all")
    void latestListsNewestFirstWithThePublisher(TestDatabase db) {
        Fixture f = fixture(db);
        ArticleDraft older = draft("g1", "https://a.test/1", "Older", "h1");
        ArticleDraft newer = new ArticleDraft("g2", "https://b.test/2", "Newer", null, null, null, null,
                T0.minus(Duration.ofMinutes(5)), null, "h2");
        f.articles().save(f.sourceA(), older, false);
        f.articles().save(f.sourceB(), newer, false);

        List<ArticleView> latest = f.articles().latest(10, 0);
        assertThat(latest).extracting(ArticleView::title).containsExactly("Newer", "Older");
        assertThat(latest).extracting(ArticleView::sourceName).containsExactly("B", "A");
        assertThat(latest.get(1).content()).isEqualTo("<p>text of Older</p>");
        assertThat(f.articles().findById(latest.get(1).id())).contains(latest.get(1));
    }
}
