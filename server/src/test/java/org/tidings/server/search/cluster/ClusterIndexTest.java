package org.tidings.server.search.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.tidings.server.search.SearchIndexer;
import org.tidings.server.search.SearchResults;
import org.tidings.server.store.ArticleDraft;
import org.tidings.server.testing.Fixtures;
import org.tidings.server.testing.MutableClock;
import org.tidings.server.testing.OpenSearchNode;
import org.tidings.server.testing.Stores;
import org.tidings.server.testing.TestDatabase;

/**
 * The index on a real OpenSearch node follows an H2 database as the embedded one does: by the watermark, which a new
 * process resumes from; removals; and a rebuild that readers never see half done (the alias moves in one step).
 */
class ClusterIndexTest {

    private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
    private static final int ARTICLES = 120;

    private final MutableClock clock = new MutableClock(T0);

    @Test
    void theIndexFollowsTheDatabaseResumesFromItsWatermarkAndIsRebuiltBehindAnAlias() throws Exception {
        Stores d = Stores.on(TestDatabase.H2, clock);
        long source = d.sources().add(Fixtures.source("https://harbour.test/feed", "Harbour Post"), Duration.ofMinutes(15)).id();
        for (int i = 0; i < ARTICLES; i++) {
            d.articles().save(source, ArticleDraft.ofFeed("k" + i, "https://harbour.test/" + i, "Harbour report number " + i,
                    "<p>The harbour master reports tide " + i + ".</p>", null, null, null, T0.minus(Duration.ofHours(1)), null, "h" + i), true);
        }
        Cluster cluster = ClusterFixture.cluster(OpenSearchNode.shared());
        ClusterIndex index = ClusterFixture.index(cluster, "follow", clock);
        ClusterSearch search = new ClusterSearch(cluster, index.target(), clock);

        clock.advance(Duration.ofMinutes(5)); // past the settle window: the next process starts after these articles
        SearchIndexer indexer = new SearchIndexer(index, d.search(), clock);
        assertThat(indexer.catchUp()).isEqualTo(ARTICLES);
        assertThat(total(search, "harbour")).isEqualTo(ARTICLES);
        assertThat(indexer.catchUp()).as("nothing changed, nothing written").isZero();
        assertThat(index.watermark()).as("committed after the round").isEqualTo(T0.plus(Duration.ofMinutes(4)));

        clock.advance(Duration.ofMinutes(5));
        d.articles().save(source, ArticleDraft.ofFeed("late", "https://harbour.test/late", "Lighthouse keeper retires",
                "<p>After forty years.</p>", null, null, null, T0, null, "late"), true);
        ClusterIndex restarted = ClusterFixture.reopen(cluster, index);
        assertThat(restarted.watermark()).as("a new process reads the committed watermark").isEqualTo(index.watermark());
        assertThat(new SearchIndexer(restarted, d.search(), clock).catchUp()).as("only what changed after it").isEqualTo(1);
        assertThat(total(search, "lighthouse")).isEqualTo(1);

        restarted.remove(List.of(d.idOf("k0")));
        restarted.refresh();
        // "harbour" is in every article's publisher's name: the reports and the lighthouse, less the one removed
        assertThat(total(search, "harbour")).as("a pruned article is removed").isEqualTo(ARTICLES);

        Set<String> before = cluster.send("GET", "/_alias/" + index.target(), null).body().propertyNames().stream()
                .collect(java.util.stream.Collectors.toSet());
        AtomicBoolean rebuilding = new AtomicBoolean(true);
        Set<Integer> seen = ConcurrentHashMap.newKeySet();
        AtomicInteger searches = new AtomicInteger();
        Thread reader = Thread.ofVirtual().start(() -> {
            while (rebuilding.get()) {
                seen.add(total(search, "harbour OR lighthouse"));
                searches.incrementAndGet();
            }
        });
        int rebuilt = new SearchIndexer(restarted, d.search(), clock).rebuild();
        rebuilding.set(false);
        reader.join();
        assertThat(rebuilt).isEqualTo(ARTICLES + 1);
        assertThat(searches.get()).isPositive();
        assertThat(seen).as("during the rebuild, searches saw the old index whole, then the new one whole")
                .isSubsetOf(ARTICLES, ARTICLES + 1);
        assertThat(total(search, "harbour")).as("the rebuilt index has every article of the database").isEqualTo(ARTICLES + 1);
        Set<String> after = cluster.send("GET", "/_alias/" + index.target(), null).body().propertyNames().stream()
                .collect(java.util.stream.Collectors.toSet());
        assertThat(after).hasSize(1).doesNotContainAnyElementsOf(before);
        assertThat(cluster.send("HEAD", "/" + before.iterator().next(), null, 404).status()).as("the old index is deleted").isEqualTo(404);
    }

    private static int total(ClusterSearch search, String query) {
        SearchResults results = search.search(Fixtures.search(query), List.of());
        assertThat(results.problem()).isNull();
        return (int) results.total();
    }
}
