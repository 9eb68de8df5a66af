package org.tidings.server.ingest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tidings.server.config.TidingsProperties;
import org.tidings.server.fetch.Fetcher;

@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

    /** The demo's sample publisher: the demo, and only the demo, may fetch from it. */
    static final String DEMO_NETWORK = "127.0.0.1/32";

    @Bean(destroyMethod = "close")
    Fetcher fetcher(TidingsProperties properties) {
        TidingsProperties.Fetch fetch = properties.fetch();
        return new Fetcher(properties.demo() ? fetch.forOwnServer(DEMO_NETWORK) : fetch);
    }
}
