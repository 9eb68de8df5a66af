package org.tidings.server.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets for sign-in attempts, one per account name and one per client address: every
 * attempt takes a token, tokens come back at a steady rate, and an empty bucket refuses the
 * attempt before any password is checked. A reader who mistypes a few times never notices; a
 * guesser gets a handful of tries and then one every so often, per account and per address.
 * In memory, per process: with several processes each keeps its own counts.
 */
final class SignInThrottle {

    /** Attempts on one account before it is slowed: generous for a reader, useless for guessing. */
    static final int ACCOUNT_BURST = 10;
    /** Then one attempt per account every this long: 120 guesses an hour at most. */
    static final Duration ACCOUNT_REFILL = Duration.ofSeconds(30);
    /** One address may try more accounts (a household, an office behind one address) ... */
    static final int ADDRESS_BURST = 30;
    /** ... but only one attempt every few seconds once its burst is spent. */
    static final Duration ADDRESS_REFILL = Duration.ofSeconds(5);
    /** Buckets kept at most: past this, full (idle) ones are forgotten, so a flood of names cannot fill memory. */
    static final int MAX_BUCKETS = 100_000;

    private record Bucket(double tokens, Instant at) {}

    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Takes a token from both buckets; how long to wait when either is empty (then nothing is taken), else zero. */
    synchronized Duration attempt(String account, String address) {
        Instant now = clock.instant();
        if (buckets.size() > MAX_BUCKETS) forgetIdle(now);
        String accountKey = "a:" + account, addressKey = "i:" + address;
        Bucket a = refill(buckets.get(accountKey), ACCOUNT_BURST, ACCOUNT_REFILL, now);
        Bucket i = refill(buckets.get(addressKey), ADDRESS_BURST, ADDRESS_REFILL, now);
        if (a.tokens() < 1 || i.tokens() < 1) {
            Duration wait = Duration.ZERO;
            if (a.tokens() < 1) wait = max(wait, untilOne(a, ACCOUNT_REFILL));
            if (i.tokens() < 1) wait = max(wait, untilOne(i, ADDRESS_REFILL));
            buckets.put(accountKey, a);
            buckets.put(addressKey, i);
            return wait;
        }
        buckets.put(accountKey, new Bucket(a.tokens() - 1, now));
        buckets.put(addressKey, new Bucket(i.tokens() - 1, now));
        return Duration.ZERO;
    }

    private static Bucket refill(Bucket b, int burst, Duration refill, Instant now) {
        if (b == null) return new Bucket(burst, now);
        double gained = (double) Duration.between(b.at(), now).toMillis() / refill.toMillis();
        return new Bucket(Math.min(burst, b.tokens() + Math.max(0, gained)), now);
    }

    private static Duration untilOne(Bucket b, Duration refill) {
        return Duration.ofMillis((long) Math.ceil((1 - b.tokens()) * refill.toMillis()));
    }

    private static Duration max(Duration x, Duration y) {
        return x.compareTo(y) >= 0 ? x : y;
    }

    private void forgetIdle(Instant now) {
        for (Iterator<Map.Entry<String, Bucket>> it = buckets.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            boolean account = e.getKey().startsWith("a:");
            Bucket b = refill(e.getValue(), account ? ACCOUNT_BURST : ADDRESS_BURST,
                    account ? ACCOUNT_REFILL : ADDRESS_REFILL, now);
            if (b.tokens() >= (account ? ACCOUNT_BURST : ADDRESS_BURST)) it.remove();
        }
    }
}
