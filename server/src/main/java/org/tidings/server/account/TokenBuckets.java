package org.tidings.server.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per key: {@code burst} tokens, one back every {@code every}. In memory only: a
 * restart forgets them, which only forgives a few actions.
 */
public final class TokenBuckets {

    /** Beyond this many keys, buckets that have filled up again are dropped: they hold nothing to remember. */
    private static final int PRUNE_ABOVE = 50_000;

    private final int burst;
    private final long everyNanos;
    private final Clock clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public TokenBuckets(int burst, Duration every, Clock clock) {
        if (burst < 1) throw new IllegalArgumentException("burst must be at least 1");
        if (every.isNegative() || every.isZero()) throw new IllegalArgumentException("every must be positive");
        this.burst = burst;
        this.everyNanos = every.toNanos();
        this.clock = clock;
    }

    public boolean tryTake(String key) {
        return take(key).isZero();
    }

    /** Takes one token for {@code key}: zero, or how long until there is one when the bucket is empty (nothing is taken). */
    public Duration take(String key) {
        long now = nanos();
        if (buckets.size() > PRUNE_ABOVE) prune(now);
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
        synchronized (bucket) {
            bucket.refill(now, burst, everyNanos);
            if (bucket.tokens < 1) return Duration.ofNanos((long) Math.ceil((1 - bucket.tokens) * everyNanos));
            bucket.tokens -= 1;
            return Duration.ZERO;
        }
    }

    /** Takes a token for {@code key} and one for {@code otherKey} from {@code other}, or neither: zero, or the longer wait. */
    public Duration takeWith(String key, TokenBuckets other, String otherKey) {
        Duration here = take(key), there = other.take(otherKey);
        if (here.isZero() && there.isZero()) return Duration.ZERO;
        if (here.isZero()) giveBack(key);
        if (there.isZero()) other.giveBack(otherKey);
        return here.compareTo(there) >= 0 ? here : there;
    }

    /** Returns a token taken for an action that was refused for another reason (another limit). */
    private void giveBack(String key) {
        Bucket bucket = buckets.get(key);
        if (bucket == null) return;
        synchronized (bucket) {
            bucket.tokens = Math.min(burst, bucket.tokens + 1);
        }
    }

    private long nanos() {
        Instant t = clock.instant();
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    private void prune(long now) {
        buckets.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                e.getValue().refill(now, burst, everyNanos);
                return e.getValue().tokens >= burst;
            }
        });
    }

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(int tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }

        void refill(long now, int burst, long everyNanos) {
            if (now <= updated) return;
            tokens = Math.min(burst, tokens + (double) (now - updated) / everyNanos);
            updated = now;
        }
    }
}
