package org.tidings.server.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.tidings.server.config.TidingsProperties;
import org.tidings.server.config.WorkerIdentity;
import org.tidings.server.enrich.EnrichmentDesk;
import org.tidings.server.story.StoryDesk;
import org.tidings.server.store.ArticleStore;
import org.tidings.server.store.Source;
import org.tidings.server.store.SourceStore;

/**
 * Fetches due sources, and then the pages of new articles whose source wants full text (and
 * tells the story desk that articles arrived): two
 * {@link ClaimLoop}s over leases in the database, so any number of processes may run this against
 * one PostgreSQL.
 */
@Component
public class RefreshScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RefreshScheduler.class);

    private final TidingsProperties.Scheduler settings;
    private final String workerId;
    private final ClaimLoop<Source> feeds;
    private final ClaimLoop<ArticleStore.FullTextJob> pages;

    public RefreshScheduler(SourceStore sources, ArticleStore articles, FeedRefresher refresher, FullTextFetcher fullText,
            StoryDesk storyDesk, EnrichmentDesk enrichmentDesk, TidingsProperties properties, WorkerIdentity worker) {
        this.settings = properties.scheduler();
        this.workerId = worker.id();
        long tick = settings.tick().toMillis();
        this.feeds = new ClaimLoop<>("refresh", tick, settings.concurrency(), settings.batchSize(),
                limit -> sources.claimDue(workerId, settings.lease(), limit), source -> {
                    if (refresher.refresh(source).inserted() > 0) {
                        wakeUpPages();
                        storyDesk.wakeUp();
                        enrichmentDesk.wakeUp();
                    }
                });
        this.pages = new ClaimLoop<>("fulltext", tick, settings.concurrency(), settings.batchSize(),
                limit -> articles.claimFullText(settings.lease(), limit), job -> {
                    fullText.fetch(job);
                    enrichmentDesk.wakeUp();
                });
    }

    @Override
    public void start() {
        if (!settings.enabled()) return;
        feeds.start();
        pages.start();
        log.atInfo().addKeyValue("event", "scheduler_started").addKeyValue("worker", workerId)
                .log("scheduler started as {}", workerId);
    }

    /** Asks for a round now rather than at the next tick (after the operator adds or refreshes a source). */
    public void wakeUp() {
        feeds.wakeUp();
    }

    private void wakeUpPages() {
        pages.wakeUp();
    }

    @Override
    public void stop() {
        feeds.stop();
        pages.stop();
    }

    @Override
    public boolean isRunning() {
        return feeds.isRunning();
    }
}
