package org.tidings.server.search.cluster;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tidings.server.config.TidingsProperties;

/** The articles searched on the OpenSearch cluster {@code tidings.search.url} names, instead of the embedded index. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${tidings.search.url:}'.isBlank()")
class ClusterConfiguration {

    @Bean(destroyMethod = "close")
    Cluster searchCluster(TidingsProperties properties) {
        return new Cluster(properties.search());
    }

    @Bean
    ClusterIndex clusterIndex(Cluster cluster, TidingsProperties properties, Clock clock) {
        return new ClusterIndex(cluster, properties.search(), clock);
    }

    @Bean
    ClusterSearch clusterSearch(Cluster cluster, TidingsProperties properties, Clock clock) {
        return new ClusterSearch(cluster, ClusterIndex.alias(properties.search()), clock);
    }
}
