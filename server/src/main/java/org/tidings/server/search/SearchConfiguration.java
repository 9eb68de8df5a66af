package org.tidings.server.search;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tidings.server.config.TidingsProperties;

/**
 * The search index under {@code <data-dir>/search}; in memory for the demo, whose database is in
 * memory too (an index on disk would outlive the articles it points to).
 */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    @Bean(destroyMethod = "close")
    SearchIndex searchIndex(TidingsProperties properties) {
        if (properties.databaseInMemory()) return SearchIndex.inMemory();
        return SearchIndex.open(properties.dataDir().toAbsolutePath().normalize().resolve("search"));
    }
}
