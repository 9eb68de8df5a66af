package org.tidings.server.search;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tidings.server.config.TidingsProperties;

/**
 * The embedded search index under {@code <data-dir>/search}, unless {@code tidings.search.url} names an OpenSearch
 * cluster ({@code search.cluster}); in memory for the demo, whose database is in memory too (an index on disk would
 * outlive the articles it points to).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression(SearchConfiguration.EMBEDDED)
class SearchConfiguration {

    /** True when no cluster is configured. */
    static final String EMBEDDED = "'${tidings.search.url:}'.isBlank()";

    @Bean(destroyMethod = "close")
    SearchIndex searchIndex(TidingsProperties properties) {
        if (properties.databaseInMemory()) return SearchIndex.inMemory();
        return SearchIndex.open(properties.dataDir().toAbsolutePath().normalize().resolve("search"));
    }

    @Bean
    SearchEngine embeddedSearch(SearchIndex index, Clock clock) {
        return new EmbeddedSearch(new ArticleSearch(index, clock), new SimilarArticles(index));
    }
}
