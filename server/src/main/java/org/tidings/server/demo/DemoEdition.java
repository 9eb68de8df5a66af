package org.tidings.server.demo;

import java.io.IOException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.tidings.server.config.TidingsProperties;
import org.tidings.server.pipeline.Pipeline;
import org.tidings.server.store.SourceSettings;
import org.tidings.server.store.SourceStore;

/**
 * {@code serve --demo}: starts the {@link SamplePublisher} and registers its feeds as sources, which the
 * pipeline then fetches, parses and stores like any other: the demo takes no shortcut around it.
 */
@Component
@ConditionalOnBooleanProperty("tidings.demo")
@Order(10)
class DemoEdition implements ApplicationRunner, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DemoEdition.class);

    private final SourceStore sources;
    private final Pipeline scheduler;
    private final TidingsProperties properties;
    private final Clock clock;
    private SamplePublisher publisher;

    DemoEdition(SourceStore sources, Pipeline scheduler, TidingsProperties properties, Clock clock) {
        this.sources = sources;
        this.scheduler = scheduler;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        publisher = SamplePublisher.start(clock.instant());
        for (SourceSettings source : publisher.sources()) sources.add(source, properties.scheduler().defaultInterval());
        log.atInfo().addKeyValue("event", "demo_started").addKeyValue("publisher", publisher.baseUrl())
                .addKeyValue("sources", publisher.sources().size()).addKeyValue("articles", publisher.articleCount())
                .addKeyValue("headlines", publisher.headlineCount())
                .log("sample edition published at {}", publisher.baseUrl());
        scheduler.refreshNow();
    }

    @Override
    public void destroy() {
        if (publisher != null) publisher.close();
    }
}
