package org.tidings.server.search.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tidings.server.config.TidingsProperties;
import org.tidings.server.search.IndexedArticle;
import org.tidings.server.search.SearchResults;
import org.tidings.server.testing.Fixtures;
import org.tidings.server.testing.OpenSearchNode;

/**
 * Two OpenSearch nodes, one shard with one replica: articles written through one node are still found when the other
 * stops (the client knows both addresses; the replica answers). Prints how long the cluster took to start.
 */
class TwoNodeClusterTest {

    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");

    @Test
    void searchesStillAnswerFromTheReplicaWhenANodeStops() throws Exception {
        long started = System.nanoTime();
        List<OpenSearchNode> nodes = OpenSearchNode.cluster(2);
        System.out.printf("two OpenSearch nodes formed a cluster in %.1f s%n", (System.nanoTime() - started) / 1e9);
        try {
            TidingsProperties.Search settings = new TidingsProperties.Search(Duration.ofSeconds(1),
                    nodes.get(0).url() + "," + nodes.get(1).url(), "", "", 1, 1, "pair");
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            try (Cluster cluster = new Cluster(settings)) {
                ClusterIndex index = new ClusterIndex(cluster, settings, clock);
                assertThat(index.tryToWrite()).isTrue();
                List<IndexedArticle> articles = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    articles.add(new IndexedArticle(i, 1, "Harbour Post", "Tide report " + i, "The tide turned at dawn.", "", "en",
                            "world", Set.of(), List.of(), NOW.minusSeconds(60L * i), null));
                }
                index.put(articles);
                index.commit(NOW);
                nodes.getFirst().awaitHealth("green"); // the replica is a copy on the other node
                ClusterSearch search = new ClusterSearch(cluster, ClusterIndex.alias(settings), clock);
                assertThat(search.search(Fixtures.search("tide"), List.of()).total()).isEqualTo(50);

                long stopping = System.nanoTime();
                nodes.getFirst().stop();
                SearchResults after = search.search(Fixtures.search("tide report"), List.of());
                System.out.printf("first search after a node stopped answered in %.1f s%n", (System.nanoTime() - stopping) / 1e9);
                assertThat(after.problem()).as("the replica answers").isNull();
                assertThat(after.total()).isEqualTo(50);
                assertThat(after.hits().getFirst().title().parts()).anyMatch(p -> p.match() && p.text().equals("Tide"));
            }
        } finally {
            nodes.forEach(OpenSearchNode::close);
            System.out.printf("two-node cluster test took %.1f s%n", (System.nanoTime() - started) / 1e9);
        }
    }
}
