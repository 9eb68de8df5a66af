package org.tidings.server.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.tidings.server.store.LimitStore;

/**
 * Token buckets per key: {@code burst} tokens, one back every {@code every}. {@link #shared} buckets are kept in the
 * database, so a limit holds across every process on it (keys only as digests); should the database fail to keep
 * them, this process's own buckets answer, so a limit is never lifted and never an error. Other buckets are in
 * memory only: a restart forgets them, which only forgives a few actions.
 */
public final class TokenBuckets {

    private static final Logger log = LoggerFactory.getLogger(TokenBuckets.class);
    /** Beyond this many keys, buckets that have filled up again are dropped: they hold nothing to remember. */
    private static final int PRUNE_ABOVE = 50_000;
    /** Every this many turns taken from the database, its full buckets are deleted. */
    private static final int FORGET_EVERY = 1024;
    /** A database that cannot keep the limits is reported at most this often, not at every turn. */
    private static final Duration REPORT_EVERY = Duration.ofMinutes(1);

    private final int burst;
    private final long everyNanos;
    private final Clock clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final String name;
    private final LimitStore shared;
    private final AtomicLong turns = new AtomicLong();
    private final AtomicLong reportedAt = new AtomicLong();

    public TokenBuckets(int burst, Duration every, Clock clock) {
        this(null, burst, every, clock, null);
    }

    private TokenBuckets(String name, int burst, Duration every, Clock clock, LimitStore shared) {
        if (burst < 1) throw new IllegalArgumentException("burst must be at least 1");
        if (every.isNegative() || every.isZero()) throw new IllegalArgumentException("every must be positive");
        if (every.toNanos() < 1000) throw new IllegalArgumentException("every must be at least a microsecond");
        this.name = name;
        this.burst = burst;
        this.everyNanos = every.toNanos();
        this.clock = clock;
        this.shared = shared;
    }

    /** The buckets of limit {@code name} (unique among limits), kept in the database for every process on it. */
    public static TokenBuckets shared(String name, int burst, Duration every, Clock clock, LimitStore store) {
        return new TokenBuckets(name, burst, every, clock, store);
    }

    public boolean tryTake(String key) {
        return take(key).isZero();
    }

    /** Takes one token for {@code key}: zero, or how long until there is one when the bucket is empty (nothing is taken). */
    public Duration take(String key) {
        long now = nanos();
        if (shared != null) {
            try {
                long nowMicros = now / 1000;
                if (turns.incrementAndGet() % FORGET_EVERY == 0) shared.forgetFull(nowMicros);
                return Duration.ofNanos(shared.take(name, holder(key), nowMicros, everyNanos / 1000, burst) * 1000);
            } catch (DataAccessException e) {
                report(now, e);
            }
        }
        return takeHere(key, now);
    }

    private Duration takeHere(String key, long now) {
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
        if (shared != null) {
            try {
                shared.giveBack(name, holder(key), everyNanos / 1000);
                return;
            } catch (DataAccessException e) {
                report(nanos(), e);
            }
        }
        Bucket bucket = buckets.get(key);
        if (bucket == null) return;
        synchronized (bucket) {
            bucket.tokens = Math.min(burst, bucket.tokens + 1);
        }
    }

    /** A key as the database keeps it: a digest, so that no address or account name is stored with the limits. */
    private static String holder(String key) {
        return ReaderAccounts.hash(key);
    }

    private void report(long now, DataAccessException e) {
        long last = reportedAt.get();
        if (now - last >= REPORT_EVERY.toNanos() && reportedAt.compareAndSet(last, now)) {
            log.atWarn().addKeyValue("event", "limits_local").addKeyValue("limit", name).setCause(e)
                    .log("The database cannot keep limit {}; this process limits on its own until it can", name);
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
