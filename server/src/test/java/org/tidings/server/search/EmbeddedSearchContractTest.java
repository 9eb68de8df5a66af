package org.tidings.server.search;

import java.io.IOException;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The search contract on the embedded Lucene index. */
class EmbeddedSearchContractTest extends SearchEngineContract {

    private static SearchIndex index;
    private static SearchEngine engine;

    @BeforeAll
    static void fillIndex() throws IOException {
        index = SearchIndex.inMemory();
        fill(index);
        engine = new EmbeddedSearch(new ArticleSearch(index, Clock.fixed(NOW, ZoneOffset.UTC)), new SimilarArticles(index));
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    @Override
    protected boolean stems() {
        return true;
    }

    @Override
    protected SearchEngine engine() {
        return engine;
    }
}
