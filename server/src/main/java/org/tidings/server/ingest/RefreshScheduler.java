package org.tidings.server.ingest;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.tidings.server.config.TidingsProperties;
import org.tidings.server.store.Source;
import org.tidings.server.store.SourceStore;

/**
 * Fetches due sources: every tick it claims as many due sources as it has free slots and
 * refreshes each on a virtual thread. Claims are leases in the database, so any number of
 * processes may run this against one PostgreSQL. On shutdown it stops claiming and lets running
 * refreshes finish; a refresh cut short leaves a lease that expires, and the source is retried.
 */
@Component
public class RefreshScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RefreshScheduler.class);

    private final SourceStore sources;
    private final FeedRefresher refresher;
    private final TidingsProperties.Scheduler settings;
    private final String workerId;
    private final Semaphore slots;
    private ScheduledExecutorService ticker;
    private ExecutorService workers;
    private volatile boolean running;

    public RefreshScheduler(SourceStore sources, FeedRefresher refresher, TidingsProperties properties) {
        this.sources = sources;
        this.refresher = refresher;
        this.settings = properties.scheduler();
        this.workerId = settings.workerId().isBlank() ? defaultWorkerId() : settings.workerId();
        this.slots = new Semaphore(settings.concurrency());
    }

    @Override
    public void start() {
        workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("refresh-", 0).factory());
        ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("refresh-ticker").daemon().factory());
        running = true;
        if (settings.enabled()) {
            ticker.scheduleWithFixedDelay(this::tick, 0, settings.tick().toMillis(), TimeUnit.MILLISECONDS);
            log.atInfo().addKeyValue("event", "scheduler_started").addKeyValue("worker", workerId)
                    .log("scheduler started as {}", workerId);
        }
    }

    /** Asks for a tick now rather than at the next period (after the operator forces a refresh). */
    public void wakeUp() {
        if (!running || !settings.enabled()) return;
        try {
            ticker.execute(this::tick);
        } catch (RejectedExecutionException e) {
            // stopping: no more ticks
        }
    }

    private void tick() {
        try {
            int free = Math.min(slots.availablePermits(), settings.batchSize());
            if (!running || free == 0) return;
            List<Source> due = sources.claimDue(workerId, settings.lease(), free);
            for (Source source : due) {
                slots.acquireUninterruptibly();
                workers.execute(() -> refreshClaimed(source));
            }
        } catch (RuntimeException e) {
            log.atError().addKeyValue("event", "scheduler_tick_failed").setCause(e).log("scheduler tick failed");
        }
    }

    private void refreshClaimed(Source source) {
        try {
            refresher.refresh(source);
        } catch (RuntimeException e) {
            log.atError().addKeyValue("event", "refresh_crashed").addKeyValue("source_id", source.id()).setCause(e)
                    .log("refresh of source {} crashed", source.id());
        } finally {
            slots.release();
            // a freed slot may take the next due source now rather than at the next tick
            wakeUp();
        }
    }

    @Override
    public void stop() {
        running = false;
        ticker.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(20, TimeUnit.SECONDS)) workers.shutdownNow();
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    public String workerId() {
        return workerId;
    }

    private static String defaultWorkerId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "localhost";
        }
        return host + ":" + ManagementFactory.getRuntimeMXBean().getPid() + ":" + UUID.randomUUID().toString().substring(0, 8);
    }
}
