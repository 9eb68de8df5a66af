package org.tidings.server.ingest;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tidings.server.config.TidingsProperties;
import org.tidings.server.fetch.Fetcher;
import org.tidings.server.fetch.RobotsRules;

@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

    /**
     * The demo's sample publisher listens on 127.0.0.1: the demo, and only the demo, may fetch from
     * it, without the per-host pause meant for other people's servers.
     */
    static final String DEMO_NETWORK = "127.0.0.1/32";

    @Bean(destroyMethod = "close")
    Fetcher fetcher(TidingsProperties properties) {
        TidingsProperties.Fetch fetch = properties.fetch();
        if (properties.demo()) {
            List<String> allowed = new ArrayList<>(fetch.allowedNetworks());
            allowed.add(DEMO_NETWORK);
            fetch = new TidingsProperties.Fetch(fetch.userAgent(), fetch.contactUrl(), fetch.connectTimeout(),
                    fetch.readTimeout(), fetch.totalTimeout(), fetch.maxBytes(), fetch.maxRedirects(), allowed,
                    fetch.perHostConcurrency(), Duration.ZERO);
        }
        return new Fetcher(fetch);
    }

    @Bean
    RobotsRules robotsRules(Fetcher fetcher, Clock clock) {
        return new RobotsRules(fetcher, clock);
    }
}
