package org.tidings.server.ai;

import java.util.function.LongSupplier;

/**
 * A token bucket: up to {@code perMinute} requests at once, then one more each
 * {@code 60 / perMinute} seconds. Keeps a paid provider's bill and a small local model's queue
 * bounded whatever the traffic.
 */
final class RequestBudget {

    private static final long MINUTE_NANOS = 60_000_000_000L;

    private final double capacity;
    private final double perNano;
    private final LongSupplier nanoTime;
    private double tokens;
    private long last;

    RequestBudget(int perMinute, LongSupplier nanoTime) {
        this.capacity = Math.max(0, perMinute);
        this.perNano = capacity / MINUTE_NANOS;
        this.nanoTime = nanoTime;
        this.tokens = capacity;
        this.last = nanoTime.getAsLong();
    }

    /** Takes one request from the budget, or says there is none left just now. */
    synchronized boolean tryTake() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(capacity, tokens + (now - last) * perNano);
        last = now;
        if (tokens < 1) return false;
        tokens -= 1;
        return true;
    }
}
