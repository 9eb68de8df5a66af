package org.tidings.server.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;
import java.util.function.IntUnaryOperator;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tidings.server.store.ConnectionPool;
import org.tidings.server.store.DatabaseOutage;

/**
 * One stage of the pipeline in this process: rounds on a thread of their own, every tick and when
 * woken, never overlapping; finished work wakes the stages after it. Stopping waits a while before
 * it interrupts anything (an interrupt mid-write makes the embedded database close its file): work
 * cut short keeps its claim until the lease ends, and is then done again. The work waits for database connections
 * patiently, riding out a short outage; a round that fails all the same is tried again at the next tick.
 */
final class Stage {

    private static final Logger log = LoggerFactory.getLogger(Stage.class);

    private final String name;
    private final Duration tick;
    /** One round: claims and does (or hands to the pieces' threads) the work; returns how much it claimed. */
    private final IntSupplier round;
    /** A round that claimed this much is followed by another at once: more is waiting. */
    private final int full;
    /** The least time from the start of a round to the start of a round called by a wake (nanoseconds). */
    private final long spacing;
    private volatile long lastRound = System.nanoTime();
    private final List<Stage> next = new ArrayList<>();
    private final ScheduledExecutorService thread;
    private final AtomicBoolean woken = new AtomicBoolean();
    /** For stages that do each piece on a virtual thread of its own: the free places, and the threads. */
    private final Semaphore free;
    private final ExecutorService pieces;
    private volatile boolean running;

    private Stage(String name, Duration tick, int full, int concurrency, Duration spacing, ToIntFunction<Stage> round) {
        this.name = name;
        this.tick = tick;
        this.full = full;
        this.spacing = spacing.toNanos();
        this.lastRound -= this.spacing; // the first wake is served at once
        this.free = new Semaphore(concurrency);
        this.pieces = concurrency == 0 ? null : Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(name + "-", 0).factory());
        this.thread = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name(name + "-stage").daemon().factory());
        this.round = () -> round.applyAsInt(this);
    }

    /** A stage whose work waits on the network (feeds, pages): each piece on its own virtual thread, {@code concurrency} at most. */
    static <T> Stage each(String name, Duration tick, int concurrency, int batch, IntFunction<List<T>> claim, Consumer<T> work) {
        return new Stage(name, tick, 0, concurrency, Duration.ZERO, stage -> {
            List<T> claimed = claim.apply(Math.min(stage.free.availablePermits(), batch));
            for (T piece : claimed) stage.runPiece(() -> work.accept(piece));
            return claimed.size();
        });
    }

    /** A stage that computes rather than waits (enrichment, stories): a batch at a time on its own thread; {@code round} says how many it took. */
    static Stage batches(String name, Duration tick, int batch, IntUnaryOperator round) {
        return new Stage(name, tick, batch, 0, Duration.ZERO, stage -> round.applyAsInt(batch));
    }

    /**
     * A stage whose round is one call that says how much it did (the search index following the database), woken at
     * most once per {@code spacing}: its round costs much the same for one article as for a thousand.
     */
    static Stage rounds(String name, Duration tick, Duration spacing, IntSupplier round) {
        return new Stage(name, tick, 0, 0, spacing, stage -> round.getAsInt());
    }

    /** The stages to wake when work of this one is done. */
    Stage then(Stage... stages) {
        next.addAll(List.of(stages));
        return this;
    }

    String name() {
        return name;
    }

    /** Starts the rounds, unless the tick is zero (the stage is switched off). */
    void start() {
        if (!tick.isPositive()) return;
        running = true;
        thread.scheduleWithFixedDelay(() -> scheduledRound(() -> { }), 0, tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A round now (or once the spacing allows) rather than at the next tick; wakes that come while a round waits to run are one. */
    void wakeUp() {
        if (!running || !woken.compareAndSet(false, true)) return;
        try {
            thread.schedule(this::wokenRound, Math.max(0, lastRound + spacing - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // stopping
        }
    }

    /** The round a wake asked for, later still if a tick's round ran since the wake was taken. */
    private void wokenRound() {
        long wait = lastRound + spacing - System.nanoTime();
        if (wait <= 0) {
            scheduledRound(() -> woken.set(false));
            return;
        }
        try {
            thread.schedule(this::wokenRound, wait, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // stopping
        }
    }

    /**
     * A round, its start noted before {@code begun} lets the next wake be taken: a wake taken earlier would be
     * spaced from the round before this one and could run at once after it.
     */
    private void scheduledRound(Runnable begun) {
        if (!running) return;
        lastRound = System.nanoTime();
        begun.run();
        try {
            int claimed = ConnectionPool.patiently(round);
            if (claimed > 0) {
                log.atDebug().addKeyValue("event", name + "_round").addKeyValue("claimed", claimed)
                        .addKeyValue("ms", (System.nanoTime() - lastRound) / 1_000_000).log("{} round took {}", name, claimed);
            }
            if (claimed > 0 && pieces == null) wakeNext();
            if (full > 0 && claimed >= full) wakeUp();
        } catch (RuntimeException e) {
            if (running) failed(name + "_round_failed", name + " round", e);
        }
    }

    private void runPiece(Runnable piece) {
        free.acquireUninterruptibly();
        try {
            pieces.execute(() -> {
                try {
                    ConnectionPool.patiently(piece);
                } catch (RuntimeException e) {
                    failed(name + "_failed", "a piece of " + name, e);
                } finally {
                    free.release();
                    wakeNext();
                    wakeUp(); // the freed place may take the next piece now rather than at the next tick
                }
            });
        } catch (RejectedExecutionException e) {
            free.release(); // stopping: the claim lapses and the piece is done again later
        }
    }

    /**
     * A failure the database's state explains (down, out of reach, its disk full) is one line saying so, for it passes
     * by itself; any other is a defect, logged with its stack trace.
     */
    private static void failed(String event, String what, RuntimeException e) {
        if (DatabaseOutage.explains(e)) {
            String reason = DatabaseOutage.diskFull(e) ? "disk_full" : "database_unavailable";
            log.atWarn().addKeyValue("event", event).addKeyValue("reason", reason).addKeyValue("error", e.toString())
                    .log("{} failed: {}; tried again at the next tick", what,
                            reason.equals("disk_full") ? "the disk is full" : "the database is unavailable");
        } else {
            log.atError().addKeyValue("event", event).setCause(e).log("{} failed", what);
        }
    }

    private void wakeNext() {
        for (Stage s : next) s.wakeUp();
    }

    /** Ends the rounds: no new round starts, no new piece is taken; the work under way goes on. */
    void halt() {
        running = false;
        thread.shutdown();
        if (pieces != null) pieces.shutdown();
    }

    /** Waits until {@code deadline} (a {@link System#nanoTime} value) for the work under way, then interrupts what is left. */
    void awaitEnd(long deadline) {
        for (ExecutorService threads : pieces == null ? List.of(thread) : List.of(thread, pieces)) {
            try {
                if (!threads.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) threads.shutdownNow();
            } catch (InterruptedException e) {
                threads.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    boolean isRunning() {
        return running;
    }
}
