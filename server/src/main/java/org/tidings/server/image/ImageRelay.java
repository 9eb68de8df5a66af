package org.tidings.server.image;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.unit.DataSize;
import org.tidings.server.config.TidingsProperties;
import org.tidings.server.fetch.FetchException;
import org.tidings.server.fetch.FetchResponse;
import org.tidings.server.fetch.Fetcher;

/**
 * Gets publishers' images for the image proxy, so that neither a crowd of readers nor a slow or broken publisher can
 * take the server from its pages. An image is answered from memory when it can be: the image itself, or the memory
 * that it failed lately, or that its host keeps timing out ({@link RelayFailures}); such answers touch no network.
 * Otherwise it is fetched on a virtual thread of the relay's own, in a turn ({@link RelayTurns}: a few per host, a
 * few more in all, which also bounds the memory that images in flight take); with no turn free within a moment the
 * answer is "later". Readers asking for an image being fetched wait for that one fetch.
 *
 * <p>Everything is counted in {@code tidings_images_total{outcome}}. The images are the publishers' own files: the
 * {@link Thumbnails} make readers' pictures of them, and tell the relay ({@link #refuse}) of one they cannot read.
 */
final class ImageRelay implements AutoCloseable {

    /**
     * The relay's bounds and budgets.
     *
     * @param perHost      fetches to one host at once: as many as the fetcher's connections to one host
     * @param atOnce       fetches at once in all: with images of up to 5 MB, at most 80 MB in flight
     * @param turnWait     how long a fetch waits for a turn: a page's dozen images from one healthy host come in that
     *                     time at {@code perHost} at once; a waiting image holds no server thread, only its request
     * @param maxWaiting   fetches waiting for a turn, beyond which one is refused at once
     * @param readTimeout  silence from a publisher's server before a fetch gives up
     * @param totalTimeout a whole fetch, redirects included; also the "later" an image without a turn is given
     */
    record Limits(int perHost, int atOnce, Duration turnWait, int maxWaiting, Duration readTimeout, Duration totalTimeout) {
        static final Limits DEFAULT = new Limits(4, 16, Duration.ofSeconds(2), 256, Duration.ofSeconds(10), Duration.ofSeconds(15));
    }

    /** Larger images are not news photos but originals meant for print; they are not relayed. */
    static final DataSize MAX_IMAGE = DataSize.ofMegabytes(5);
    /** Images kept in memory, in bytes: the lead images of the day's most read articles. */
    static final long MEMORY = DataSize.ofMegabytes(64).toBytes();
    /** A failed image is not asked for again sooner: readers' browsers would otherwise hammer a broken host. */
    static final Duration FAILURE_MEMORY = Duration.ofMinutes(10);
    /** Timeouts or connection failures in a row after which a host is left alone for {@link #HOST_PAUSE}. */
    static final int HOST_FAILURES = 3;
    /** How long a host that keeps timing out is left alone: its images are answered "later" at once meanwhile. */
    static final Duration HOST_PAUSE = Duration.ofMinutes(1);
    private static final String ACCEPT = "image/avif,image/webp,image/png,image/jpeg,image/gif;q=0.9,image/*;q=0.5";
    private static final Logger log = LoggerFactory.getLogger(ImageRelay.class);

    /** A raster image as its publisher served it. */
    record Image(byte[] body, String contentType) {}

    /** How the relay answered, as {@code tidings_images_total} counts it. */
    enum Outcome {
        /** fetched from the publisher now */
        RELAYED,
        /** from memory */
        CACHED,
        /** the publisher failed to give an image now */
        FAILED,
        /** it failed lately: not asked again */
        REMEMBERED_FAILURE,
        /** its host keeps timing out: not asked for a while */
        HOST_PAUSED,
        /** no turn free: not asked */
        BUSY,
        /** fetched, but no thumbnail could be made of it (unreadable, too large to decode, not a raster image) */
        REFUSED,
        /** a thumbnail from the disk cache */
        THUMBNAIL_CACHED;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What the proxy tells the reader. */
    sealed interface Answer {
        Outcome outcome();
    }

    /** Here is the image. */
    record Relayed(Image image, Outcome outcome) implements Answer {}

    /** There is no image to relay, and asking again within {@code remembered} gets the same answer. */
    record Failed(Duration remembered, Outcome outcome) implements Answer {}

    /** Not now: ask again after {@code retryAfter}. */
    record Later(Duration retryAfter, Outcome outcome) implements Answer {}

    private final Fetcher fetcher;
    private final Limits limits;
    private final RelayTurns turns;
    private final RelayFailures failures;
    private final MeterRegistry metrics;
    private final ExecutorService fetching = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("image-relay-", 0).factory());
    /** Fetches under way, by address: a reader asking for one of them waits for it instead of fetching it too. */
    private final Map<String, CompletableFuture<Answer>> inFlight = new ConcurrentHashMap<>();
    private final Map<String, Image> memory = new LinkedHashMap<>(256, 0.75f, true);
    private long memoryBytes;

    /** Fetching with {@code fetch}'s identity and network guard, but the relay's own budgets: readers wait for these. */
    ImageRelay(TidingsProperties.Fetch fetch, Limits limits, Clock clock, MeterRegistry metrics) {
        Duration connect = fetch.connectTimeout().compareTo(limits.readTimeout()) < 0 ? fetch.connectTimeout() : limits.readTimeout();
        // no pause between requests to a host (that is for crawling), and the relay's turns are the fetcher's too
        this.fetcher = new Fetcher(new TidingsProperties.Fetch(fetch.userAgent(), fetch.contactUrl(), connect,
                limits.readTimeout(), limits.totalTimeout(), MAX_IMAGE, fetch.maxRedirects(), fetch.allowedNetworks(),
                limits.perHost(), Duration.ZERO));
        this.limits = limits;
        this.turns = new RelayTurns(limits.perHost(), limits.atOnce(), limits.maxWaiting());
        this.failures = new RelayFailures(clock, FAILURE_MEMORY, HOST_FAILURES, HOST_PAUSE);
        this.metrics = metrics;
    }

    /** The answer for the image at {@code address}: at once from memory, else when a fetch in its turn has ended. */
    CompletableFuture<Answer> relay(String address) {
        return answer(address).thenApply(answer -> {
            metrics.counter("tidings.images", "outcome", answer.outcome().tag()).increment();
            return answer;
        });
    }

    private CompletableFuture<Answer> answer(String address) {
        Image image = remembered(address);
        if (image != null) return CompletableFuture.completedFuture(new Relayed(image, Outcome.CACHED));
        Duration failed = failures.imageFailure(address);
        if (failed != null) return CompletableFuture.completedFuture(new Failed(failed, Outcome.REMEMBERED_FAILURE));
        String host = host(address);
        if (host == null) return CompletableFuture.completedFuture(new Failed(failures.imageFailed(address), Outcome.FAILED));
        Duration paused = failures.hostPause(host);
        if (paused != null) return CompletableFuture.completedFuture(new Later(paused, Outcome.HOST_PAUSED));

        CompletableFuture<Answer> mine = new CompletableFuture<>();
        CompletableFuture<Answer> underWay = inFlight.putIfAbsent(address, mine);
        if (underWay != null) return underWay;
        try {
            fetching.execute(() -> {
                try {
                    mine.complete(inTurn(address, host));
                } catch (Throwable e) {
                    log.atWarn().addKeyValue("event", "image_relay_failed").setCause(e).log("image relay failed: {}", address);
                    mine.completeExceptionally(e);
                } finally {
                    inFlight.remove(address, mine);
                }
            });
        } catch (RejectedExecutionException e) { // the relay is closing
            inFlight.remove(address, mine);
            mine.complete(new Later(limits.totalTimeout(), Outcome.BUSY));
        }
        return mine;
    }

    /** Fetches the image once a turn at its host is free, unless none is free soon or the host was paused meanwhile. */
    private Answer inTurn(String address, String host) {
        try {
            if (!turns.take(host, limits.turnWait())) return new Later(limits.totalTimeout(), Outcome.BUSY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the relay is closing
            return new Later(limits.totalTimeout(), Outcome.BUSY);
        }
        try {
            Duration paused = failures.hostPause(host);
            if (paused != null) return new Later(paused, Outcome.HOST_PAUSED);
            Image image = fetch(address, host);
            if (image == null) return new Failed(failures.imageFailed(address), Outcome.FAILED);
            remember(address, image);
            return new Relayed(image, Outcome.RELAYED);
        } finally {
            turns.give(host);
        }
    }

    /** The image from its publisher; null when there is none it may relay. */
    private Image fetch(String address, String host) {
        try {
            FetchResponse response = fetcher.get(URI.create(address), ACCEPT, null, null);
            failures.hostAnswered(host);
            String type = response.contentType() == null ? "" : response.contentType().toLowerCase(Locale.ROOT);
            int semicolon = type.indexOf(';');
            if (semicolon >= 0) type = type.substring(0, semicolon).strip();
            // raster images only: an SVG can carry script
            if (!response.ok() || !type.startsWith("image/") || type.contains("svg") || response.body() == null
                    || response.body().length == 0 || response.body().length > MAX_IMAGE.toBytes()) {
                String reason = !response.ok() ? "status " + response.status()
                        : !type.startsWith("image/") || type.contains("svg") ? "not a raster image: " + type
                        : response.body() == null || response.body().length == 0 ? "empty" : "larger than " + MAX_IMAGE;
                log.atInfo().addKeyValue("event", "image_refused").addKeyValue("reason", reason).addKeyValue("status", response.status())
                        .addKeyValue("content_type", type).log("image not relayed: {}: {}", address, reason);
                return null;
            }
            return new Image(response.body(), type);
        } catch (FetchException e) {
            if (e.kind() == FetchException.Kind.TIMEOUT || e.kind() == FetchException.Kind.UNREACHABLE) failures.hostUnreachable(host);
            log.atInfo().addKeyValue("event", "image_failed").addKeyValue("reason", e.kind())
                    .log("image fetch failed: {}: {}", address, e.getMessage());
            return null;
        } catch (IllegalArgumentException e) {
            log.atInfo().addKeyValue("event", "image_failed").addKeyValue("reason", "bad address").log("image fetch failed: {}: {}", address, e.getMessage());
            return null;
        }
    }

    /**
     * The image at {@code address} was relayed but cannot be shown ({@code reason}): it is forgotten and remembered as
     * failed, so that it is neither fetched nor decoded again while that lasts; returns how long that is.
     */
    Duration refuse(String address, String reason) {
        synchronized (this) {
            Image image = memory.remove(address);
            if (image != null) memoryBytes -= image.body().length;
        }
        log.atInfo().addKeyValue("event", "image_refused").addKeyValue("reason", reason)
                .log("image not shown: {}: {}", address, reason);
        return failures.imageFailed(address);
    }

    /** Counts an answer the relay did not give itself (a thumbnail from the disk, or one refused). */
    void count(Outcome outcome) {
        metrics.counter("tidings.images", "outcome", outcome.tag()).increment();
    }

    /** The host of an http(s) address, in lower case; null when there is none. */
    private static String host(String address) {
        try {
            String host = URI.create(address).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private synchronized Image remembered(String address) {
        return memory.get(address);
    }

    private synchronized void remember(String address, Image image) {
        Image before = memory.put(address, image);
        memoryBytes += image.body().length - (before == null ? 0 : before.body().length);
        var eldest = memory.entrySet().iterator();
        while (memoryBytes > MEMORY && eldest.hasNext()) {
            memoryBytes -= eldest.next().getValue().body().length;
            eldest.remove();
        }
    }

    @Override
    public void close() {
        fetching.shutdownNow();
        fetcher.close();
    }
}
