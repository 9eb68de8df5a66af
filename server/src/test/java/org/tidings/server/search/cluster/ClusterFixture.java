package org.tidings.server.search.cluster;

import java.time.Clock;
import org.tidings.server.config.TidingsProperties;
import org.tidings.server.testing.OpenSearchNode;

/** A client of a test node, and indexes apart from other test classes' by their prefix. */
final class ClusterFixture {

    private ClusterFixture() {}

    static TidingsProperties.Search settings(String url, String prefix, int replicas) {
        return new TidingsProperties.Search(java.time.Duration.ofSeconds(1), url, "", "", 1, replicas, prefix);
    }

    static Cluster cluster(OpenSearchNode node) {
        return new Cluster(settings(node.url(), "unused", 0));
    }

    /** The same index as a new process opens it. */
    static ClusterIndex reopen(Cluster cluster, ClusterIndex index) {
        String prefix = index.target().substring(0, index.target().length() - "-articles".length());
        ClusterIndex again = new ClusterIndex(cluster, settings(cluster.url(), prefix, 0), java.time.Clock.systemUTC());
        if (!again.tryToWrite()) throw new IllegalStateException("the test node does not answer at " + cluster.url());
        return again;
    }

    /** A new, empty articles index with the alias {@code <prefix>-articles} (one left by an earlier run is deleted). */
    static ClusterIndex index(Cluster cluster, String prefix, Clock clock) throws java.io.IOException {
        TidingsProperties.Search settings = settings(cluster.url(), prefix + "-" + ProcessHandle.current().pid(), 0);
        cluster.send("DELETE", "/" + ClusterIndex.alias(settings) + "-*", null, 404);
        ClusterIndex index = new ClusterIndex(cluster, settings, clock);
        if (!index.tryToWrite()) throw new IllegalStateException("the test node does not answer at " + cluster.url());
        return index;
    }
}
