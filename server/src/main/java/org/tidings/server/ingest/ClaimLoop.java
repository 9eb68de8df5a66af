package org.tidings.server.ingest;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine under the schedulers: every tick, and whenever a slot frees, it claims as much work
 * as it has free slots (the claim is a lease in the database, so several processes can share the
 * work) and does each piece on a virtual thread. Stopping stops the claims and lets running work
 * finish for a while; work cut short keeps its lease until it expires and is then done again.
 */
final class ClaimLoop<T> {

    private static final Logger log = LoggerFactory.getLogger(ClaimLoop.class);

    private final String name;
    private final long tickMillis;
    private final int batchSize;
    private final IntFunction<List<T>> claim;
    private final Consumer<T> work;
    private final Semaphore slots;
    private ScheduledExecutorService ticker;
    private ExecutorService workers;
    private volatile boolean running;

    ClaimLoop(String name, long tickMillis, int concurrency, int batchSize, IntFunction<List<T>> claim, Consumer<T> work) {
        this.name = name;
        this.tickMillis = tickMillis;
        this.batchSize = batchSize;
        this.claim = claim;
        this.work = work;
        this.slots = new Semaphore(concurrency);
    }

    void start() {
        workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(name + "-", 0).factory());
        ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name(name + "-ticker").daemon().factory());
        running = true;
        ticker.scheduleWithFixedDelay(this::tick, 0, tickMillis, TimeUnit.MILLISECONDS);
    }

    /** A tick now rather than at the next period. */
    void wakeUp() {
        if (!running) return;
        try {
            ticker.execute(this::tick);
        } catch (RejectedExecutionException e) {
            // stopping: no more ticks
        }
    }

    private void tick() {
        try {
            int free = Math.min(slots.availablePermits(), batchSize);
            if (!running || free == 0) return;
            for (T item : claim.apply(free)) {
                slots.acquireUninterruptibly();
                workers.execute(() -> run(item));
            }
        } catch (RuntimeException e) {
            log.atError().addKeyValue("event", name + "_tick_failed").setCause(e).log("{} tick failed", name);
        }
    }

    private void run(T item) {
        try {
            work.accept(item);
        } catch (RuntimeException e) {
            log.atError().addKeyValue("event", name + "_crashed").setCause(e).log("{} of {} crashed", name, item);
        } finally {
            slots.release();
            wakeUp(); // a freed slot may take the next due piece now rather than at the next tick
        }
    }

    void stop() {
        if (!running) return;
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

    boolean isRunning() {
        return running;
    }
}
