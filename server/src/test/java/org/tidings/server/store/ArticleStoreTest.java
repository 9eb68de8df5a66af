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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.tidings.article.ArticleText;
import org.tidings.article.ImageCaption;
import org.tidings.server.store.PipelineStore.Job;
import org.tidings.server.testing.Fixtures;
import org.tidings.server.testing.MutableClock;
import org.tidings.server.testing.OnEachDatabase;
import org.tidings.server.testing.Stores;
import org.tidings.server.testing.TestDatabase;

/** What ingestion stores of an entry and of its page, once, on H2 and PostgreSQL. */
@OnEachDatabase
class ArticleStoreTest {

    @Parameter
    TestDatabase db;

    private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
    private static final List<Duration> RETRIES = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5));
    private final MutableClock clock = new MutableClock(T0);

    static ArticleDraft draft(String key, String url, String title, String hash) {
        return ArticleDraft.ofFeed(key, url, title, "<p>The summary of " + title + ", which says more than its headline.</p>",
                "<p>First paragraph of " + title + ".</p><p>Second paragraph.</p>", "Reporter", null,
                T0.minus(Duration.ofHours(1)), null, hash);
    }

    private record Fixture(Stores stores, long sourceA, long sourceB) {

        ArticleStore articles() {
            return stores.articles();
        }

        Job claimPage(long id) {
            return stores.claimAll(ArticleStage.FULL_TEXT).stream().filter(j -> j.id() == id).findFirst().orElseThrow();
        }

        ArticleView view(long id) {
            return stores.archive().findById(id).orElseThrow();
        }
    }

    private Fixture fixture(TestDatabase db) {
        Stores stores = Stores.on(db, clock);
        long a = stores.sources().add(Fixtures.source("https://a.test/feed", "A"), Duration.ofMinutes(15)).id();
        long b = stores.sources().add(Fixtures.source("https://b.test/feed", "B"), Duration.ofMinutes(15)).id();
        return new Fixture(stores, a, b);
    }

    @Test
    void whatTheFeedGaveIsStoredOnceWithItsTextLeadAndAddress() {
        Fixture f = fixture(db);
        f.articles().save(f.sourceA(), draft("g1", "https://a.test/1?utm_source=rss", "One", "h1"), true);
        f.articles().save(f.sourceA(), ArticleDraft.ofFeed("g2", "https://a.test/2", "Two", "<p>Only a summary, long enough to lead.</p>",
                null, null, null, null, null, "h2"), false);
        long one = f.stores().idOf("g1"), two = f.stores().idOf("g2");

        ArticleText body = f.stores().archive().body(one).orElseThrow();
        assertThat(body.html()).isEqualTo("<p>First paragraph of One.</p><p>Second paragraph.</p>");
        assertThat(body.text()).isEqualTo("First paragraph of One.\n\nSecond paragraph.");
        assertThat(body.lead()).isEqualTo("The summary of One, which says more than its headline.");
        assertThat(body.excerpt()).isFalse();
        assertThat(f.view(one).lead()).isEqualTo(body.lead());
        assertThat(f.stores().jdbc().sql("SELECT canonical_url FROM article WHERE id = :id").param("id", one).query(String.class).single())
                .isEqualTo("https://a.test/1");
        assertThat(f.stores().stageOf(one)).as("its page is wanted").isEqualTo(ArticleStage.FULL_TEXT);

        assertThat(f.stores().archive().body(two).orElseThrow().excerpt()).as("a summary alone").isTrue();
        assertThat(f.stores().stageOf(two)).isEqualTo(ArticleStage.ENRICH);
        assertThat(f.view(two).publishedAt()).as("undated: first seen").isEqualTo(T0);
    }

    @Test
    void savingTheSameEntryAgainChangesNothing() {
        Fixture f = fixture(db);
        assertThat(f.articles().save(f.sourceA(), draft("g1", "https://a.test/1", "One", "h1"), false)).isEqualTo(ArticleStore.Outcome.INSERTED);
        assertThat(f.articles().save(f.sourceA(), draft("g1", "https://a.test/1", "One", "h1"), false)).isEqualTo(ArticleStore.Outcome.UNCHANGED);
        assertThat(f.stores().articleCount()).isEqualTo(1);
    }

    @Test
    void anEditedEntryUpdatesItsArticleAndGoesThroughEnrichmentAgain() {
        Fixture f = fixture(db);
        f.articles().save(f.sourceA(), draft("g1", "https://a.test/1", "One", "h1"), false);
        long id = f.stores().idOf("g1");
        f.stores().pipeline().handOn(f.stores().claimAll(ArticleStage.ENRICH).getFirst(), ArticleStage.DONE);

        assertThat(f.articles().save(f.sourceA(), draft("g1", "https://a.test/1", "One, corrected", "h2"), false))
                .isEqualTo(ArticleStore.Outcome.UPDATED);
        assertThat(f.view(id).title()).isEqualTo("One, corrected");
        assertThat(f.stores().archive().body(id).orElseThrow().text()).startsWith("First paragraph of One, corrected.");
        assertThat(f.stores().stageOf(id)).isEqualTo(ArticleStage.ENRICH);
        assertThat(f.stores().articleCount()).isEqualTo(1);
    }

    @Test
    void aChangedGuidWithTheSameLinkIsTheSameArticle() {
        Fixture f = fixture(db);
        f.articles().save(f.sourceA(), draft("g1", "https://a.test/1", "One", "h1"), false);
        f.articles().save(f.sourceA(), draft("new-guid-scheme/1", "https://a.test/1", "One", "h1"), false);
        assertThat(f.stores().articleCount()).isEqualTo(1);
    }

    @Test
    void theSameUrlFromTwoSourcesIsStoredOnce() {
        Fixture f = fixture(db);
        f.articles().save(f.sourceA(), draft("g1", "https://wire.test/story", "Story", "h1"), false);
        assertThat(f.articles().save(f.sourceB(), draft("other", "https://wire.test/story", "Story", "h1"), false))
                .isEqualTo(ArticleStore.Outcome.UNCHANGED);
        assertThat(f.stores().articleCount()).isEqualTo(1);
    }

    @Test
    void linksThatNameTheSamePageAreOneArticle() {
        Fixture f = fixture(db);
        f.articles().save(f.sourceA(), draft("g1", "https://wire.test/story?utm_source=rss&utm_medium=feed", "Story", "h1"), false);
        f.articles().save(f.sourceB(), draft("g2", "https://wire.test/story?utm_source=twitter", "Story", "h1"), false);
        f.articles().save(f.sourceB(), draft("g3", "https://wire.test/story/amp/", "Story", "h1"), false);
        f.articles().save(f.sourceB(), draft("g4", "https://wire.test/story#comments", "Story", "h1"), false);
        assertThat(f.stores().articleCount()).isEqualTo(1);
        assertThat(f.articles().save(f.sourceB(), draft("g5", "https://wire.test/another-story?utm_source=rss", "Other", "h5"), false))
                .isEqualTo(ArticleStore.Outcome.INSERTED);
    }

    @Test
    void racingWritersStoreEachEntryOnce() throws Exception {
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
        assertThat(f.stores().articleCount()).isEqualTo(50);
    }

    @Test
    void articlesWithoutAnAddressAreKeptByTheirKeyAndHaveNoPageToFetch() {
        Fixture f = fixture(db);
        ArticleDraft one = ArticleDraft.ofFeed("sha256:a", null, "One", "<p>1</p>", null, null, null, T0, null, "h1");
        ArticleDraft two = ArticleDraft.ofFeed("sha256:b", null, "Two", "<p>2</p>", null, null, null, T0, null, "h2");
        assertThat(f.articles().save(f.sourceA(), one, true)).isEqualTo(ArticleStore.Outcome.INSERTED);
        assertThat(f.articles().save(f.sourceA(), two, true)).isEqualTo(ArticleStore.Outcome.INSERTED);
        assertThat(f.articles().save(f.sourceA(), one, true)).isEqualTo(ArticleStore.Outcome.UNCHANGED);
        assertThat(f.stores().articleCount()).isEqualTo(2);
        assertThat(f.stores().claimAll(ArticleStage.FULL_TEXT)).as("no page to fetch").isEmpty();
        assertThat(f.stores().claimAll(ArticleStage.ENRICH)).hasSize(2);
    }

    @Test
    void thePageGivesTheBodyAndWhatElseItSaysOfTheArticle() {
        Fixture f = fixture(db);
        f.articles().save(f.sourceA(), ArticleDraft.ofFeed("g1", "https://a.test/1?utm_source=rss", "One",
                "<p>The summary of One, which says more than its headline.</p>", null, "Feed Author",
                "https://a.test/feed-picture.jpg", null, null, "h1"), true);
        long id = f.stores().idOf("g1");
        Instant pagePublished = T0.minus(Duration.ofHours(3));
        ArticleText page = ArticleText.ofPage("One", "<p>The summary of One, which says more than its headline.</p>",
                "<p>The whole article.</p>", "The whole article.");

        assertThat(f.articles().onPage(f.claimPage(id), new ArticleStore.Page(page, "https://a.test/one-canonical", "Jane Doe",
                "en-GB", "https://a.test/page-picture.jpg", pagePublished, T0.plus(Duration.ofMinutes(1)), "bridges, harbours", null),
                ArticleStage.ENRICH)).isTrue();

        ArticleView view = f.view(id);
        assertThat(f.stores().archive().body(id).orElseThrow().text()).isEqualTo("The whole article.");
        assertThat(view.lead()).isEqualTo("The summary of One, which says more than its headline.");
        assertThat(view.fullTextStatus()).isEqualTo("done");
        assertThat(view.excerpt()).isFalse();
        assertThat(view.byline()).isEqualTo("Jane Doe");
        assertThat(view.lang()).isEqualTo("en-GB");
        assertThat(view.imageUrl()).as("the page's picture first").isEqualTo("https://a.test/page-picture.jpg");
        assertThat(view.publishedAt()).as("the feed gave no time: the page's").isEqualTo(pagePublished);
        assertThat(view.updatedAt()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
        assertThat(f.stores().jdbc().sql("SELECT canonical_url || ' | ' || keywords FROM article WHERE id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("https://a.test/one-canonical | bridges, harbours");
        assertThat(f.stores().stageOf(id)).isEqualTo(ArticleStage.ENRICH);

        // an edit of the entry keeps the page's body and picture
        f.articles().save(f.sourceA(), ArticleDraft.ofFeed("g1", "https://a.test/1?utm_source=rss", "One, corrected",
                "<p>A corrected summary of One that says more than its headline.</p>", null, "Feed Author",
                "https://a.test/feed-picture-2.jpg", null, null, "h2"), true);
        assertThat(f.stores().archive().body(id).orElseThrow().text()).isEqualTo("The whole article.");
        assertThat(f.view(id).lead()).startsWith("A corrected summary");
        assertThat(f.view(id).imageUrl()).isEqualTo("https://a.test/page-picture.jpg");
    }

    @Test
    void aCaptionIsStoredWithItsPictureAndNeverWithAnother() {
        Fixture f = fixture(db);
        ImageCaption feedCaption = new ImageCaption("Ferries at the quay.", "Ana Ruiz/Reuters");
        f.articles().save(f.sourceA(), ArticleDraft.ofFeed("g1", "https://a.test/1", "One", "<p>The summary of One.</p>", null,
                null, "https://a.test/quay.jpg", null, null, "h1").withImageCaption(feedCaption), true);
        f.articles().save(f.sourceA(), ArticleDraft.ofFeed("g2", "https://a.test/2", "Two", "<p>The summary of Two.</p>", null,
                null, "https://a.test/quay2.jpg", null, null, "h2").withImageCaption(feedCaption), true);
        long one = f.stores().idOf("g1");
        long two = f.stores().idOf("g2");
        assertThat(f.view(one).imageCaption()).as("the feed's").isEqualTo(feedCaption);
        ArticleText page = ArticleText.ofPage("One", null, "<p>The whole article.</p>", "The whole article.");
        List<Job> claimed = f.stores().claimAll(ArticleStage.FULL_TEXT);

        // the page's picture is another: its caption, or none, never the feed's caption under it
        assertThat(f.articles().onPage(job(claimed, one), new ArticleStore.Page(page, null, null, null, "https://a.test/mayor.jpg",
                null, null, null, ImageCaption.NONE), ArticleStage.ENRICH)).isTrue();
        assertThat(f.view(one).imageUrl()).isEqualTo("https://a.test/mayor.jpg");
        assertThat(f.view(one).imageCaption()).isEqualTo(ImageCaption.NONE);
        // the page shows the feed's picture without a caption: the feed's stays
        assertThat(f.articles().onPage(job(claimed, two), new ArticleStore.Page(page, null, null, null, "https://a.test/quay2.jpg",
                null, null, null, ImageCaption.NONE), ArticleStage.ENRICH)).isTrue();
        assertThat(f.view(two).imageCaption()).isEqualTo(feedCaption);

        // an edited entry does not replace the page's picture, nor its caption
        f.articles().save(f.sourceA(), ArticleDraft.ofFeed("g1", "https://a.test/1", "One, corrected", "<p>The summary of One.</p>",
                null, null, "https://a.test/quay.jpg", null, null, "h3").withImageCaption(feedCaption), true);
        assertThat(f.view(one).imageUrl()).isEqualTo("https://a.test/mayor.jpg");
        assertThat(f.view(one).imageCaption()).isEqualTo(ImageCaption.NONE);
        // an article whose page gave no picture takes the edited entry's picture with its caption
        f.articles().save(f.sourceA(), ArticleDraft.ofFeed("g3", "https://a.test/3", "Three", "<p>The summary of Three.</p>", null,
                null, "https://a.test/old.jpg", null, null, "h4").withImageCaption(new ImageCaption("An old picture.", null)), false);
        long three = f.stores().idOf("g3");
        f.articles().save(f.sourceA(), ArticleDraft.ofFeed("g3", "https://a.test/3", "Three", "<p>The summary of Three.</p>", null,
                null, "https://a.test/new.jpg", null, null, "h5"), false);
        assertThat(f.view(three).imageUrl()).isEqualTo("https://a.test/new.jpg");
        assertThat(f.view(three).imageCaption()).as("the old picture's caption went with it").isEqualTo(ImageCaption.NONE);
    }

    private static Job job(List<Job> claimed, long id) {
        return claimed.stream().filter(j -> j.id() == id).findFirst().orElseThrow();
    }

    @Test
    void aPageThatHoldsOnlyATeaserLeavesTheFeedsBody() {
        Fixture f = fixture(db);
        f.articles().save(f.sourceA(), draft("g1", "https://a.test/1", "One", "h1"), true);
        long id = f.stores().idOf("g1");
        f.articles().onPage(f.claimPage(id), new ArticleStore.Page(null, null, null, null, null, null, null, null, null), ArticleStage.ENRICH);
        assertThat(f.stores().archive().body(id).orElseThrow().text()).isEqualTo("First paragraph of One.\n\nSecond paragraph.");
        assertThat(f.view(id).fullTextStatus()).isEqualTo("excerpt");
        assertThat(f.view(id).excerpt()).isTrue();
    }

    @Test
    void aFailingPageIsTriedAgainLaterThenTheArticleGoesOnWithTheFeedsText() {
        Fixture f = fixture(db);
        f.articles().save(f.sourceA(), draft("g1", "https://a.test/1", "One", "h1"), true);
        long id = f.stores().idOf("g1");

        f.articles().onPageFailed(f.claimPage(id), "the page answered HTTP 503", "failed", RETRIES, ArticleStage.ENRICH);
        assertThat(f.stores().claimAll(ArticleStage.FULL_TEXT)).as("not before its retry").isEmpty();
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        f.articles().onPageFailed(f.claimPage(id), "the page answered HTTP 503", "failed", RETRIES, ArticleStage.ENRICH);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        f.articles().onPageFailed(f.claimPage(id), "the page answered HTTP 503", "failed", RETRIES, ArticleStage.ENRICH);

        assertThat(f.view(id).fullTextStatus()).isEqualTo("failed");
        assertThat(f.stores().stageOf(id)).isEqualTo(ArticleStage.ENRICH);
        assertThat(f.stores().archive().body(id).orElseThrow().text()).startsWith("First paragraph of One.");
    }

    @Test
    void aPageFetchedForAnOlderVersionOfTheEntryIsNotStored() {
        Fixture f = fixture(db);
        f.articles().save(f.sourceA(), draft("g1", "https://a.test/1", "One", "h1"), true);
        long id = f.stores().idOf("g1");
        Job claimed = f.claimPage(id);
        f.articles().save(f.sourceA(), draft("g1", "https://a.test/1", "One, corrected", "h2"), true);

        assertThat(f.articles().onPage(claimed, new ArticleStore.Page(ArticleText.ofPage("One", null, "<p>Old page.</p>", "Old page."),
                null, null, null, null, null, null, null, null), ArticleStage.ENRICH)).isFalse();
        assertThat(f.stores().archive().body(id).orElseThrow().text()).startsWith("First paragraph of One, corrected.");
        assertThat(f.stores().stageOf(id)).as("its page is still to be fetched").isEqualTo(ArticleStage.FULL_TEXT);
    }

    @Test
    void aPageCannotTakeTheAddressOfAnotherArticle() {
        Fixture f = fixture(db);
        f.articles().save(f.sourceA(), draft("g1", "https://a.test/first", "One", "h1"), false);
        f.articles().save(f.sourceB(), draft("g2", "https://b.test/redirect/2", "Two", "h2"), true);
        long two = f.stores().idOf("g2");
        assertThat(f.articles().onPage(f.claimPage(two), new ArticleStore.Page(ArticleText.ofPage("Two", null, "<p>Two.</p>", "Two."),
                "https://a.test/first", null, null, null, null, null, null, null), ArticleStage.ENRICH)).isTrue();
        assertThat(f.stores().jdbc().sql("SELECT canonical_url FROM article WHERE id = :id").param("id", two).query(String.class).single())
                .isEqualTo("https://b.test/redirect/2");
    }

    @Test
    void listsShowNewestFirstWithThePublisher() {
        Fixture f = fixture(db);
        f.articles().save(f.sourceA(), draft("g1", "https://a.test/1", "Older", "h1"), false);
        f.articles().save(f.sourceB(), ArticleDraft.ofFeed("g2", "https://b.test/2", "Newer", null, null, null, null,
                T0.minus(Duration.ofMinutes(5)), null, "h2"), false);

        List<ArticleView> latest = f.stores().listings().latest(Listing.ALL, 10, 0);
        assertThat(latest).extracting(ArticleView::title).containsExactly("Newer", "Older");
        assertThat(latest).extracting(ArticleView::sourceName).containsExactly("B", "A");
        assertThat(f.stores().archive().findById(latest.get(1).id())).contains(latest.get(1));
    }
}
