package org.tidings.server.image;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What failed lately, so that the relay does not ask again: an image that could not be relayed, for {@code imageMemory};
 * a host whose fetches timed out or found no server {@code inARow} times in a row, for {@code hostPause}, after which it
 * is tried again (and paused again at its next such failure, until one fetch from it succeeds). Both memories are
 * bounded: the least recently failed are forgotten first.
 */
final class RelayFailures {

    /** Failed images remembered: the images of a day's articles, at a hundred bytes or so each. */
    static final int IMAGES_KEPT = 10_000;
    /** Hosts remembered: far more publishers' image hosts than one installation reads. */
    static final int HOSTS_KEPT = 1_000;

    private record Host(int failuresInARow, Instant pausedUntil) {}

    private final Clock clock;
    private final Duration imageMemory;
    private final int inARow;
    private final Duration hostPause;
    private final Map<String, Instant> images = bounded(IMAGES_KEPT);
    private final Map<String, Host> hosts = bounded(HOSTS_KEPT);

    RelayFailures(Clock clock, Duration imageMemory, int inARow, Duration hostPause) {
        this.clock = clock;
        this.imageMemory = imageMemory;
        this.inARow = inARow;
        this.hostPause = hostPause;
    }

    /** How much longer the image at {@code address} counts as failed; null when it may be fetched. */
    synchronized Duration imageFailure(String address) {
        Instant until = images.get(address);
        if (until == null) return null;
        Duration left = Duration.between(clock.instant(), until);
        if (left.isPositive()) return left;
        images.remove(address);
        return null;
    }

    /** How much longer {@code host} is left alone; null when it may be asked. */
    synchronized Duration hostPause(String host) {
        Host h = hosts.get(host);
        if (h == null || h.pausedUntil() == null) return null;
        Duration left = Duration.between(clock.instant(), h.pausedUntil());
        return left.isPositive() ? left : null;
    }

    /** The image at {@code address} could not be relayed; returns how long that is remembered. */
    synchronized Duration imageFailed(String address) {
        images.put(address, clock.instant().plus(imageMemory));
        return imageMemory;
    }

    /** {@code host} answered (whatever it answered): its failures in a row are over. */
    synchronized void hostAnswered(String host) {
        hosts.remove(host);
    }

    /** A fetch from {@code host} timed out or found no server there; the host is paused when that has happened too often in a row. */
    synchronized void hostUnreachable(String host) {
        Host h = hosts.remove(host); // put back below as the most recent
        int failures = h == null ? 1 : h.failuresInARow() + 1;
        hosts.put(host, new Host(failures, failures >= inARow ? clock.instant().plus(hostPause) : null));
    }

    private static <V> Map<String, V> bounded(int entries) {
        return new LinkedHashMap<>(256, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > entries;
            }
        };
    }
}
