package org.tidings.server.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.tidings.server.store.ArticleDraft;
import org.tidings.server.store.SourceSettings;
import org.tidings.server.testing.Fixtures;
import org.tidings.server.testing.MutableClock;
import org.tidings.server.testing.OnEachDatabase;
import org.tidings.server.testing.Stores;
import org.tidings.server.testing.TestDatabase;

/** The index follows the database (H2 and PostgreSQL): new articles, full texts, copies, edited and removed sources, restarts. */
@OnEachDatabase
class SearchIndexerTest {

    @Parameter
    TestDatabase db;

    private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
    private final MutableClock clock = new MutableClock(T0);

    @TempDir
    Path dir;


    private static ArticleDraft draft(String key, String title, String summary) {
        return ArticleDraft.ofFeed(key, "https://news.test/" + key, title, summary, null, null, null,
                T0.minus(Duration.ofHours(1)), null, Integer.toHexString((key + title + summary).hashCode()));
    }

    private SearchResults find(SearchIndex index, String query) {
        return new ArticleSearch(index, clock).search(Fixtures.search(query), List.of());
    }

    private static List<Long> ids(SearchResults results) {
        return results.hits().stream().map(SearchResults.Hit::id).toList();
    }


    @Test
    void theIndexFollowsArticlesTheirTextTheirStoriesAndTheirSources() throws IOException {
        Stores d = Stores.on(db, clock);
        long gulf = d.sources().add(new SourceSettings("https://gulf.test/feed", "Gulf Daily", null, "en", "gulf", "business", true, true),
                Duration.ofMinutes(15)).id();
        long other = d.sources().add(Fixtures.source("https://other.test/feed", "Other Paper"), Duration.ofMinutes(15)).id();
        d.articles().save(gulf, draft("a1", "Oil prices climb as stocks fall", "<p>Brent crude rose in Asian trading.</p>"), true);
        d.articles().save(gulf, draft("a2", "Port expansion approved", "<p>The harbour will double.</p>"), true);
        d.articles().save(other, draft("b1", "Oil prices climb as stocks fall", "<p>Brent crude rose in Asian trading.</p>"), false);
        try (SearchIndex index = SearchIndex.open(dir.resolve("search"))) {
            SearchIndexer indexer = new SearchIndexer(index, d.search(), clock);
            assertThat(indexer.catchUp()).isEqualTo(3);
            long a1 = d.idOf("a1"), a2 = d.idOf("a2"), b1 = d.idOf("b1");
            assertThat(ids(find(index, "brent crude"))).containsExactlyInAnyOrder(a1, b1);
            SearchResults.Hit hit = find(index, "harbour").hits().getFirst();
            assertThat(hit.publisher()).isEqualTo("Gulf Daily");
            assertThat(hit.section()).isEqualTo("business");
            assertThat(hit.lang()).isEqualTo("en");
            assertThat(new ArticleSearch(index, clock).search(
                    new SearchRequest("oil", SearchRequest.Sort.RELEVANCE, null, null, null, "gulf", null, null, 1), List.of()).hits())
                    .extracting(SearchResults.Hit::id).containsExactly(a1);
            assertThat(indexer.catchUp()).as("nothing changed, nothing written").isZero();

            clock.advance(Duration.ofSeconds(5));
            d.pageArrives(a2, "Port expansion approved", "<p>The harbour will double, and dredging starts in spring.</p>");
            Stores.placeInStory(d.stories(), b1, a1, a1); // b1 is a copy of a1
            assertThat(indexer.catchUp()).isEqualTo(2);
            assertThat(ids(find(index, "dredging"))).containsExactly(a2);
            assertThat(ids(find(index, "brent crude"))).containsExactly(a1);

            clock.advance(Duration.ofSeconds(5));
            d.sources().update(gulf, new SourceSettings("https://gulf.test/feed", "Gulf Times", null, "en", "gulf", "world", true, true));
            indexer.catchUp();
            assertThat(find(index, "harbour").hits().getFirst().publisher()).isEqualTo("Gulf Times");
            assertThat(find(index, "harbour").hits().getFirst().section()).isEqualTo("world");

            d.sources().delete(gulf);
            indexer.catchUp();
            assertThat(find(index, "harbour").hits()).isEmpty();
            assertThat(index.size()).isZero(); // b1 is a copy, a1 and a2 went with their source
        }
    }

    @Test
    void aRestartedIndexGoesOnFromItsLastCommitAndAnEmptiedOneIsRebuilt() throws IOException {
        Stores d = Stores.on(db, clock);
        long source = d.sources().add(Fixtures.source("https://a.test/feed", "A"), Duration.ofMinutes(15)).id();
        for (int i = 0; i < 7; i++) d.articles().save(source, draft("k" + i, "Election result " + i, "<p>Votes counted.</p>"), false);
        Path path = dir.resolve("search");
        try (SearchIndex index = SearchIndex.open(path)) {
            new SearchIndexer(index, d.search(), clock).catchUp();
            assertThat(index.size()).isEqualTo(7);
        }
        clock.advance(Duration.ofMinutes(10)); // the first articles have settled
        d.articles().save(source, draft("k7", "Election result 7", "<p>Votes counted.</p>"), false);
        try (SearchIndex index = SearchIndex.open(path)) {
            SearchIndexer indexer = new SearchIndexer(index, d.search(), clock);
            assertThat(indexer.catchUp()).as("only what changed after the committed watermark").isEqualTo(8);
            clock.advance(Duration.ofMinutes(2));
            indexer.catchUp();
            clock.advance(Duration.ofSeconds(1));
            d.articles().save(source, draft("k8", "Election result 8", "<p>Votes counted.</p>"), false);
            assertThat(indexer.catchUp()).isEqualTo(1);
            assertThat(index.size()).isEqualTo(9);
            assertThat(indexer.rebuild()).isEqualTo(9);
        }
        try (SearchIndex index = SearchIndex.open(dir.resolve("elsewhere"))) {
            assertThat(new SearchIndexer(index, d.search(), clock).catchUp()).isEqualTo(9);
            assertThat(find(index, "election").total()).isEqualTo(9);
        }
    }
}
