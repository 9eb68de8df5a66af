package org.tidings.server.ingest;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The rounds of a desk that works through what is waiting (stories, enrichment): one thread of
 * its own runs a round every tick, and at once when woken (new articles came in). Rounds never
 * overlap. Where {@link ClaimLoop} shares claimed rows among workers, a desk is one worker.
 */
public final class DeskRounds {

    private final ScheduledExecutorService thread;
    private final Runnable round;
    private volatile boolean running;

    public DeskRounds(String name, Runnable round) {
        this.thread = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name(name).daemon().factory());
        this.round = round;
    }

    public void start(Duration tick) {
        running = true;
        thread.scheduleWithFixedDelay(round, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A round now rather than at the next tick. */
    public void wakeUp() {
        if (!running) return;
        try {
            thread.execute(round);
        } catch (RejectedExecutionException e) {
            // stopping
        }
    }

    public void stop() {
        running = false;
        thread.shutdownNow();
    }

    /** Whether rounds run: false before the start and once stopping, when the database may be gone already. */
    public boolean running() {
        return running;
    }
}
