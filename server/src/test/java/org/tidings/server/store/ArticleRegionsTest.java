package org.tidings.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.tidings.article.ArticleText;
import org.tidings.server.store.EnrichmentStore.Learned;
import org.tidings.server.store.PipelineStore.Job;
import org.tidings.server.testing.MutableClock;
import org.tidings.server.testing.OnEachDatabase;
import org.tidings.server.testing.Stores;
import org.tidings.server.testing.TestDatabase;

/**
 * The rows an edition's lists walk ({@code article_region}) follow what they are derived from, on H2 and PostgreSQL: a
 * new article is listed under its source's region, enrichment's regions replace it, a source's new region moves the
 * articles that have none of their own, the page's time of publication moves an article in its region's order, and
 * pruning or deleting articles takes their rows; erasing a reader's account leaves them as they were. A copy of
 * another article is in no list, whichever way the database walks it.
 */
@OnEachDatabase
class ArticleRegionsTest {

    @Parameter
    TestDatabase db;

    private static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");
    private final MutableClock clock = new MutableClock(NOW);

    @Test
    void theRowsFollowTheArticlesRegionsTheirSourcesRegionAndTheirTime() {
        Stores d = Stores.on(db, clock);
        long gulf = source(d, "gulf", "gulf");
        long uk = source(d, "uk", "uk");
        long local = source(d, "local", null);
        long metro = article(d, gulf, "metro", NOW.minus(Duration.ofDays(400)), false);
        long rain = article(d, uk, "rain", NOW.minus(Duration.ofHours(3)), false);
        long harbour = article(d, local, "harbour", NOW.minus(Duration.ofHours(2)), false);

        assertThat(regionsOf(d, metro)).as("new: its source's region").containsExactly("gulf");
        assertThat(regionsOf(d, rain)).containsExactly("uk");
        assertThat(regionsOf(d, harbour)).as("a source without a region").isEmpty();
        RegionRows.agreeWithStoredValues(d.jdbc());

        enrich(d, metro, "business", "gulf", "middle-east");
        enrich(d, rain, "world"); // no places found: its source's region still
        enrich(d, harbour, "world", "europe");
        assertThat(regionsOf(d, metro)).containsExactlyInAnyOrder("gulf", "middle-east");
        assertThat(regionsOf(d, rain)).containsExactly("uk");
        assertThat(regionsOf(d, harbour)).containsExactly("europe");
        assertThat(d.listings().latest(Listing.section("business").inEdition("en", "middle-east"), 10, 0))
                .extracting(ArticleView::id).containsExactly(metro);
        assertThat(d.listings().latest(Listing.section("world").inEdition("en", "middle-east"), 10, 0)).isEmpty();
        RegionRows.agreeWithStoredValues(d.jdbc());

        d.sources().update(uk, settings("uk", "britain"));
        d.sources().update(local, settings("local", "us"));
        assertThat(regionsOf(d, rain)).as("none of its own: the source's new region").containsExactly("britain");
        assertThat(regionsOf(d, harbour)).as("its own regions stay").containsExactly("europe");
        assertThat(d.listings().latest(Listing.ALL.inEdition("en", "uk"), 10, 0)).isEmpty();
        assertThat(d.listings().latest(Listing.ALL.inEdition("en", "britain"), 10, 0)).extracting(ArticleView::id).containsExactly(rain);
        RegionRows.agreeWithStoredValues(d.jdbc());

        // a feed entry without a date takes the time it was seen, until its page tells the time it was published
        long late = article(d, uk, "late", null, true);
        assertThat(d.listings().latest(Listing.ALL.inEdition("en", "britain"), 10, 0)).extracting(ArticleView::id)
                .containsExactly(late, rain);
        Job page = d.claimAll(ArticleStage.FULL_TEXT).stream().filter(j -> j.id() == late).findFirst().orElseThrow();
        String html = "<p>Trains were late all morning.</p>";
        assertThat(d.articles().onPage(page, new ArticleStore.Page(ArticleText.ofPage("late", null, html, "Trains were late all morning."),
                null, null, "en", null, NOW.minus(Duration.ofHours(5)), null, null, null), ArticleStage.ENRICH)).isTrue();
        assertThat(d.listings().latest(Listing.ALL.inEdition("en", "britain"), 10, 0)).as("in the order of the page's time")
                .extracting(ArticleView::id).containsExactly(rain, late);
        RegionRows.agreeWithStoredValues(d.jdbc());

        List<String> rows = RegionRows.all(d.jdbc());
        AccountStore accounts = new AccountStore(d.jdbc(), clock);
        accounts.create("reader@example.test", "{noop}unused", "reader");
        long reader = accounts.findByUsername("reader@example.test").orElseThrow().id();
        PersonalStore personal = new PersonalStore(d.jdbc(), clock);
        personal.save(reader, rain);
        personal.erase(reader);
        new SubscriptionStore(d.jdbc(), clock).eraseAll(reader);
        assertThat(RegionRows.all(d.jdbc())).as("erasing a reader's account").isEqualTo(rows);

        assertThat(new RetentionStore(d.jdbc()).pruneArticles(NOW.minus(Duration.ofDays(365)), 10)).containsExactly(metro);
        assertThat(regionsOf(d, metro)).as("pruned").isEmpty();
        assertThat(d.listings().latest(Listing.ALL.inEdition("en", "gulf"), 10, 0)).isEmpty();
        assertThat(d.sources().delete(uk)).isTrue();
        assertThat(RegionRows.all(d.jdbc())).as("only the articles left").hasSize(1).allMatch(row -> row.startsWith(harbour + " europe "));
        RegionRows.agreeWithStoredValues(d.jdbc());
    }

    @Test
    void theRegionsOfAStoredValueAreItsWordsElseTheSources() {
        assertThat(ArticleRegions.of("gulf middle-east", "uk")).containsExactly("gulf", "middle-east");
        assertThat(ArticleRegions.of(" gulf  gulf ", null)).as("spaces around, and a word twice").containsExactly("gulf");
        assertThat(ArticleRegions.of(null, "uk")).containsExactly("uk");
        assertThat(ArticleRegions.of("", "uk")).as("an empty value is a value").isEmpty();
        assertThat(ArticleRegions.of(null, null)).isEmpty();
    }

    @Test
    void aCopyIsLeftOutOfEveryList() {
        Stores d = Stores.on(db, clock);
        long gulf = source(d, "gulf", "gulf");
        long original = article(d, gulf, "original", NOW.minus(Duration.ofHours(3)), false);
        long copy = article(d, gulf, "copy", NOW.minus(Duration.ofHours(2)), false);
        long other = article(d, gulf, "other", NOW.minus(Duration.ofHours(1)), false);
        for (long id : List.of(original, copy, other)) enrich(d, id, "business", "gulf");
        d.stories().repoint(List.of(copy), original);
        for (Listing listing : List.of(Listing.ALL, Listing.section("business"), Listing.ALL.inEdition("en", "gulf"),
                Listing.section("business").inEdition("en", "gulf"))) {
            assertThat(d.listings().latest(listing, 10, 0)).as("%s", listing).extracting(ArticleView::id)
                    .containsExactly(other, original);
        }
    }

    private static SourceSettings settings(String name, String region) {
        return new SourceSettings("https://" + name + ".test/feed", name, null, "en", region, null, false, true);
    }

    private static long source(Stores d, String name, String region) {
        return d.sources().add(settings(name, region), Duration.ofMinutes(15)).id();
    }

    /** A feed entry published at {@code published} (null: the feed gave no time); its id. */
    private static long article(Stores d, long source, String key, Instant published, boolean wantsPage) {
        d.articles().save(source, ArticleDraft.ofFeed(key, "https://news.test/" + key, "Headline " + key, "<p>The lead of " + key + ".</p>",
                "<p>The lead of " + key + ".</p>", null, null, published, null, key), wantsPage);
        return d.idOf(key);
    }

    /** Enrichment's result for the article: its section and the regions it found. */
    private static void enrich(Stores d, long id, String section, String... regions) {
        Job job = d.claimAll(ArticleStage.ENRICH).stream().filter(j -> j.id() == id).findFirst().orElseThrow();
        d.jdbc().sql("UPDATE article SET stage_lease_until = NULL, stage_lease_owner = NULL WHERE id <> :id").param("id", id).update();
        assertThat(d.enrichment().record(job, new Learned("en", section, List.of(regions), List.of(), List.of(), List.of()),
                ArticleStage.STORY)).isTrue();
    }

    private static List<String> regionsOf(Stores d, long id) {
        return d.jdbc().sql("SELECT region FROM article_region WHERE article_id = :id ORDER BY region").param("id", id)
                .query(String.class).list();
    }
}
