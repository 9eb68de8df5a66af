package org.tidings.server.pipeline;

import static org.tidings.server.store.ArticleStage.BACKFILL;
import static org.tidings.server.store.ArticleStage.DONE;
import static org.tidings.server.store.ArticleStage.ENRICH;
import static org.tidings.server.store.ArticleStage.FULL_TEXT;
import static org.tidings.server.store.ArticleStage.STORY;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.tidings.server.config.TidingsProperties;
import org.tidings.server.config.WorkerIdentity;
import org.tidings.server.enrich.EnrichmentDesk;
import org.tidings.server.ingest.Backfill;
import org.tidings.server.ingest.FeedRefresher;
import org.tidings.server.ingest.FullTextFetcher;
import org.tidings.server.search.SearchIndexer;
import org.tidings.server.store.ArticleStage;
import org.tidings.server.store.PipelineStore;
import org.tidings.server.store.SourceStore;
import org.tidings.server.story.StoryDesk;

/**
 * The whole way of an article, in one place:
 *
 * <pre>
 * refresh ──> full text ──> enrichment ──> story ──> index
 *  (feeds)    (its page)    (language,     (its      (search, in each process)
 *                            section,       story or
 *                            topics,        a copy)
 *                            digest)
 * </pre>
 *
 * Each stage claims the articles waiting for it ({@code article.stage}; processes sharing one
 * database split the work), stores its result and hands the article on in one statement, and wakes
 * the next; the index follows the database by change times. Stages that compute do a batch in the
 * transaction of its claim; those that wait on the network (feeds, pages) hold a lease meanwhile. Older articles pass through the
 * back-fill first. The story desk keeps its stories in memory, so one process holds it (a lease).
 */
@Component
public class Pipeline implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Pipeline.class);

    /** The lease of the one process that places articles in stories. */
    static final String STORY_DESK = "story-desk";
    /** Articles enriched per round, in one transaction: a few milliseconds each; the next round follows at once while there are more. */
    static final int ENRICH_BATCH = 100;
    /** Articles placed in stories per round: well under a millisecond each. */
    static final int STORY_BATCH = 500;
    /** Older articles filled in per round: a few milliseconds each, in short transactions. */
    static final int BACKFILL_BATCH = 200;
    /** The index is woken at most this often: its round costs about as much for one article as for a thousand. */
    static final Duration INDEX_SPACING = Duration.ofSeconds(1);
    /** How long stopping waits for the work under way: a page fetch's whole time-out, about. */
    static final Duration GRACE = Duration.ofSeconds(20);

    private final List<Stage> chain;
    private final Stage refresh;
    private final boolean scheduled;
    private final String worker;
    /** What this process's predecessors' ids begin with ({@link WorkerIdentity#slotPrefix}). */
    private final String slot;
    private final SourceStore sources;
    private final PipelineStore queue;

    public Pipeline(SourceStore sources, PipelineStore queue, FeedRefresher feeds, Backfill backfill, FullTextFetcher pages,
            EnrichmentDesk enrichment, StoryDesk stories, SearchIndexer index, TidingsProperties properties,
            WorkerIdentity identity, MeterRegistry metrics) {
        TidingsProperties.Scheduler settings = properties.scheduler();
        Duration tick = settings.tick();
        Duration lease = settings.lease();
        this.worker = identity.id();
        this.slot = identity.slotPrefix();
        this.sources = sources;
        this.queue = queue;
        this.scheduled = settings.enabled();

        Stage indexing = Stage.rounds("index", properties.search().refresh(), INDEX_SPACING, index::follow);
        Stage placing = Stage.batches("story", tick, STORY_BATCH, limit -> {
            if (queue.holdLease(STORY_DESK, this.worker, lease)) return queue.work(STORY, limit, jobs -> stories.place(jobs, DONE));
            stories.forget();
            return 0;
        }).then(indexing);
        Stage enriching = Stage.batches("enrichment", tick, ENRICH_BATCH,
                limit -> queue.work(ENRICH, limit, jobs -> enrichment.enrich(jobs, STORY))).then(placing);
        Stage fetchingPages = Stage.each("fulltext", tick, settings.concurrency(), settings.batchSize(),
                limit -> queue.claim(FULL_TEXT, this.worker, lease, limit), job -> pages.fetch(job, ENRICH)).then(enriching);
        Stage backfilling = Stage.batches("backfill", tick, BACKFILL_BATCH,
                limit -> queue.work(BACKFILL, limit, jobs -> backfill.fill(jobs, ENRICH))).then(fetchingPages, enriching);
        this.refresh = Stage.each("refresh", tick, settings.concurrency(), settings.batchSize(),
                limit -> sources.claimDue(this.worker, lease, limit), feeds::refresh).then(fetchingPages, enriching);
        this.chain = List.of(refresh, backfilling, fetchingPages, enriching, placing, indexing);
        for (ArticleStage stage : List.of(BACKFILL, FULL_TEXT, ENRICH, STORY)) {
            Gauge.builder("tidings.pipeline.waiting", queue, q -> q.waiting(stage)).tag("stage", stage.column())
                    .baseUnit("articles").description("Articles waiting for the stage, or in its hands").strongReference(true)
                    .register(metrics);
        }
    }

    /**
     * Takes back at once what a crashed predecessor of this process left claimed (sources, articles, the story desk),
     * then starts the stages, the last first, so that no stage wakes one that is not running yet.
     */
    @Override
    public void start() {
        if (scheduled) takeBackWhatAPredecessorHeld();
        for (Stage stage : chain.reversed()) {
            if (scheduled || stage.name().equals("index")) stage.start();
        }
        if (scheduled) {
            log.atInfo().addKeyValue("event", "scheduler_started").addKeyValue("worker", worker)
                    .log("pipeline started as {}", worker);
        }
    }

    /**
     * Frees the claims and leases of earlier instances of this process's slot ({@link WorkerIdentity}): that slot has
     * one live process at a time, so they were left by one that crashed, and would keep their work waiting until they
     * lapse ({@code tidings.scheduler.lease}).
     */
    private void takeBackWhatAPredecessorHeld() {
        int sourcesHeld = sources.releaseEarlierInstances(slot, worker);
        int articlesAndLeases = queue.releaseEarlierInstances(slot, worker);
        if (sourcesHeld + articlesAndLeases > 0) {
            log.atInfo().addKeyValue("event", "claims_taken_back").addKeyValue("worker", worker)
                    .addKeyValue("sources", sourcesHeld).addKeyValue("articles_and_leases", articlesAndLeases)
                    .log("took back {} sources and {} articles and leases an earlier process of this slot left", sourcesHeld,
                            articlesAndLeases);
        }
    }

    /** Refreshes the due sources now rather than at the next tick (after the operator added or refreshed one). */
    public void refreshNow() {
        refresh.wakeUp();
    }

    /** Halts the stages down the chain (nothing upstream hands on work to a stopped one), then waits {@link #GRACE} for all. */
    @Override
    public void stop() {
        for (Stage stage : chain) stage.halt();
        long deadline = System.nanoTime() + GRACE.toNanos();
        for (Stage stage : chain) stage.awaitEnd(deadline);
    }

    @Override
    public boolean isRunning() {
        return chain.stream().anyMatch(Stage::isRunning);
    }
}
