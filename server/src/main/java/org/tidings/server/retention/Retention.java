package org.tidings.server.retention;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;
import org.tidings.server.config.TidingsProperties;
import org.tidings.server.search.ArticleIndex;
import org.tidings.server.store.DatabaseOutage;
import org.tidings.server.store.RetentionStore;

/**
 * Keeps what the operator chose to keep ({@code tidings.retention.*}) and prunes the rest: every so long, in small
 * batches with a pause between them, so readers' pages and the pipeline never wait long on it. Every process on one
 * database may run it: a batch another process pruned first is simply smaller.
 */
@Component
public class Retention implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    /** Between two batches: room for the pages and the pipeline to write. */
    private static final Duration PAUSE = Duration.ofMillis(50);

    /** What one pass pruned. */
    public record Pruned(int articles, int fullTexts, int aiOutputs, int batches) {
        boolean nothing() {
            return articles + fullTexts + aiOutputs == 0;
        }
    }

    private final RetentionStore store;
    private final ArticleIndex index;
    private final TidingsProperties.Retention keep;
    private final Clock clock;
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    private volatile boolean running;
    /** Full texts published before this are pruned already (saved and commented articles aside): later passes start here. */
    private Instant fullTextsDoneBefore = Instant.EPOCH;

    public Retention(RetentionStore store, TidingsProperties properties, Clock clock) {
        this(store, null, properties, clock);
    }

    /** With the search index, from which pruned articles are removed too (its watermark never sees a deletion). */
    @Autowired
    public Retention(RetentionStore store, ArticleIndex index, TidingsProperties properties, Clock clock) {
        this.store = store;
        this.index = index;
        this.keep = properties.retention();
        this.clock = clock;
        scheduler.setThreadNamePrefix("retention-");
        scheduler.setDaemon(true);
    }

    /** One pass: every batch of everything older than kept, until none is left. */
    public synchronized Pruned prune() {
        Instant now = clock.instant();
        int articles = 0, fullTexts = 0, aiOutputs = 0, batches = 0;
        if (kept(keep.articles())) {
            for (List<Long> ids; !(ids = store.pruneArticles(now.minus(keep.articles()), keep.batch())).isEmpty(); batches++) {
                articles += ids.size();
                unindex(ids);
                pause();
            }
        }
        if (kept(keep.fullText())) {
            Instant cutoff = now.minus(keep.fullText());
            for (int n; (n = store.pruneFullTexts(fullTextsDoneBefore, cutoff, keep.batch(), now)) > 0; batches++) {
                fullTexts += n;
                pause();
            }
            fullTextsDoneBefore = cutoff;
        }
        if (kept(keep.aiOutputs())) {
            for (int n; (n = store.pruneAiOutputs(now.minus(keep.aiOutputs()), keep.batch())) > 0; batches++) {
                aiOutputs += n;
                pause();
            }
        }
        return new Pruned(articles, fullTexts, aiOutputs, batches);
    }

    /**
     * Removes pruned articles from the search index. When it cannot be written now (another process writes the embedded
     * index, whose own pass removes its pruned articles; a cluster is away), they stay findable until a reindex, and
     * their pages answer as gone.
     */
    private void unindex(List<Long> ids) {
        if (index == null || !index.tryToWrite()) return;
        try {
            index.remove(ids);
            index.refresh();
        } catch (IOException | RuntimeException e) {
            log.atWarn().addKeyValue("event", "retention_unindex_failed").addKeyValue("error", e.toString())
                    .log("Pruned articles could not be removed from the search index; a reindex removes them");
        }
    }

    /** A period of zero keeps for ever. */
    private static boolean kept(Duration period) {
        return !period.isZero() && !period.isNegative();
    }

    private void pause() {
        if (!running) return; // a pass run by hand (a test, a command) does not wait
        try {
            Thread.sleep(PAUSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void pass() {
        try {
            Pruned pruned = prune();
            if (!pruned.nothing()) {
                log.atInfo().addKeyValue("event", "retention_pruned").addKeyValue("articles", pruned.articles())
                        .addKeyValue("full_texts", pruned.fullTexts()).addKeyValue("ai_outputs", pruned.aiOutputs())
                        .addKeyValue("batches", pruned.batches()).log("Pruned what is older than kept");
            }
        } catch (RuntimeException e) {
            if (!DatabaseOutage.explains(e)) {
                log.atError().addKeyValue("event", "retention_failed").setCause(e).log("Pruning failed; tried again next time");
                return;
            }
            log.atWarn().addKeyValue("event", "retention_failed").addKeyValue("error", e.toString())
                    .log("Pruning failed: the database is unavailable; tried again next time");
        }
    }

    /** The first pass comes one period after the start, not during it. */
    @Override
    public void start() {
        running = true;
        if (!kept(keep.articles()) && !kept(keep.fullText()) && !kept(keep.aiOutputs())) return;
        scheduler.initialize();
        scheduler.scheduleWithFixedDelay(this::pass, clock.instant().plus(keep.every()), keep.every());
    }

    @Override
    public void stop() {
        running = false;
        scheduler.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
