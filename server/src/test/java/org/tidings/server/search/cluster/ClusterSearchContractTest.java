package org.tidings.server.search.cluster;

import java.io.IOException;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.tidings.server.search.SearchEngine;
import org.tidings.server.search.SearchEngineContract;
import org.tidings.server.testing.OpenSearchNode;

/** The search contract on a real OpenSearch node (the test run's shared one). */
class ClusterSearchContractTest extends SearchEngineContract {

    private static SearchEngine engine;
    private static boolean stems;

    @BeforeAll
    static void fillIndex() throws IOException {
        Cluster cluster = ClusterFixture.cluster(OpenSearchNode.shared());
        ClusterIndex index = ClusterFixture.index(cluster, "contract", Clock.fixed(NOW, ZoneOffset.UTC));
        fill(index);
        stems = index.stems();
        engine = new ClusterSearch(cluster, index.target(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Override
    protected boolean stems() {
        return stems;
    }

    @Override
    protected SearchEngine engine() {
        return engine;
    }
}
