package org.tidings.server.account;

import java.time.Clock;
import java.time.Duration;
import org.tidings.server.store.LimitStore;

/**
 * Sign-in token buckets per account and per address: a mistyping reader never notices, a guesser is slowed. Kept in
 * the database, so a guesser gains nothing by spreading attempts over the processes behind a balancer.
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

    private final TokenBuckets accounts;
    private final TokenBuckets addresses;

    SignInThrottle(Clock clock, LimitStore limits) {
        this.accounts = TokenBuckets.shared("sign-in-account", ACCOUNT_BURST, ACCOUNT_REFILL, clock, limits);
        this.addresses = TokenBuckets.shared("sign-in-address", ADDRESS_BURST, ADDRESS_REFILL, clock, limits);
    }

    /** How long to wait when either bucket is empty (then nothing is taken), else zero. */
    synchronized Duration attempt(String account, String address) {
        return accounts.takeWith(account, addresses, address);
    }
}
