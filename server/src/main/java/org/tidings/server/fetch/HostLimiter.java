package org.tidings.server.fetch;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Politeness per host: at most {@code concurrency} requests at a time, their starts at least
 * {@code delay} apart. Waiting blocks the calling (virtual) thread.
 */
final class HostLimiter {

    private final int concurrency;
    private final long delayNanos;
    private final ConcurrentHashMap<String, Host> hosts = new ConcurrentHashMap<>();

    HostLimiter(int concurrency, Duration delay) {
        this.concurrency = Math.max(1, concurrency);
        this.delayNanos = delay.toNanos();
    }

    /** Waits for a turn at {@code host}; the returned permit must be closed when the request ends. */
    Permit acquire(String host) throws InterruptedException {
        Host h = hosts.computeIfAbsent(host.toLowerCase(Locale.ROOT), k -> new Host(new Semaphore(concurrency, true)));
        h.slots().acquire();
        try {
            long wait = h.reserveStart(delayNanos);
            if (wait > 0) Thread.sleep(Duration.ofNanos(wait));
        } catch (InterruptedException e) {
            h.slots().release();
            throw e;
        }
        return h.slots()::release;
    }

    /** A turn at a host; closing it lets the next request in. */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    private record Host(Semaphore slots, long[] nextStart) {

        Host(Semaphore slots) {
            this(slots, new long[] {Long.MIN_VALUE}); // no start booked yet: the first goes at once
        }

        /** Books the next start time for this host; returns how long to wait for it, in nanoseconds. */
        synchronized long reserveStart(long delay) {
            long now = System.nanoTime();
            long start = Math.max(now, nextStart[0]);
            nextStart[0] = start + delay;
            return start - now;
        }
    }
}
