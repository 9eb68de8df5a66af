package org.tidings.server.image;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Turns at fetching publishers' images: at most {@code perHost} fetches to one host and {@code atOnce} in all. A fetch
 * with no turn free waits a moment for one and is then refused, and so is one that finds {@code maxWaiting} others
 * already waiting: a slow publisher, or a flood of readers, gets a quick "later" rather than a queue.
 */
final class RelayTurns {

    private final int perHost;
    private final int atOnce;
    private final int maxWaiting;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition freed = lock.newCondition();
    /** Fetches under way, by host: only hosts being fetched from are here, so it holds at most {@code atOnce} hosts. */
    private final Map<String, Integer> running = new HashMap<>();
    private int total;
    private int waiting;

    RelayTurns(int perHost, int atOnce, int maxWaiting) {
        if (perHost < 1 || atOnce < perHost || maxWaiting < 0) throw new IllegalArgumentException("turns must be positive, per host at most in all");
        this.perHost = perHost;
        this.atOnce = atOnce;
        this.maxWaiting = maxWaiting;
    }

    /** Takes a turn at {@code host}, waiting up to {@code wait} for one; false when none came. A turn taken must be given back. */
    boolean take(String host, Duration wait) throws InterruptedException {
        lock.lock();
        try {
            if (!free(host)) {
                if (waiting >= maxWaiting) return false;
                waiting++;
                try {
                    long left = wait.toNanos();
                    while (!free(host)) {
                        if (left <= 0) return false;
                        left = freed.awaitNanos(left);
                    }
                } finally {
                    waiting--;
                }
            }
            total++;
            running.merge(host, 1, Integer::sum);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Gives back a turn {@link #take} gave. */
    void give(String host) {
        lock.lock();
        try {
            total--;
            running.computeIfPresent(host, (h, n) -> n == 1 ? null : n - 1);
            freed.signalAll(); // the waiters are for different hosts: each looks again whether its host is free now
        } finally {
            lock.unlock();
        }
    }

    /** Fetches waiting for a turn now. */
    int waiting() {
        lock.lock();
        try {
            return waiting;
        } finally {
            lock.unlock();
        }
    }

    private boolean free(String host) {
        return total < atOnce && running.getOrDefault(host, 0) < perHost;
    }
}
