package org.tidings.server.image;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;

/**
 * Readers' pictures: a publisher's image at one of the {@link Thumbnailer#WIDTHS}, in the {@link PictureFormat} the
 * browser accepts. A thumbnail made once is kept on disk ({@link ThumbnailCache}) and served from there without a
 * look at the network or the database; else the original comes from the {@link ImageRelay} (with its turns, budgets
 * and memory of failures), and is resized on a virtual thread of its own, as many at once as the machine has cores,
 * so that resizing never holds a thread that serves pages. Readers asking for a thumbnail being made wait for that
 * one. An original that cannot be made into a thumbnail is refused at the relay, which then remembers it as failed.
 */
final class Thumbnails implements AutoCloseable {

    private final ImageRelay relay;
    private final ThumbnailCache cache;
    private final Semaphore cores = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()));
    private final ExecutorService resizing = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("thumbnail-", 0).factory());
    private final Map<String, CompletableFuture<ImageRelay.Answer>> inFlight = new ConcurrentHashMap<>();

    Thumbnails(ImageRelay relay, ThumbnailCache cache) {
        this.relay = relay;
        this.cache = cache;
    }

    /** The name a thumbnail is kept and tagged by: the image's key, its width and format. */
    static String name(String key, int width, PictureFormat format) {
        return key + "-" + width + "." + format.extension;
    }

    /** The thumbnail kept on disk, or null: asks neither the network nor the database. */
    ImageRelay.Relayed cached(String key, int width, PictureFormat format) {
        byte[] kept = cache.get(name(key, width, format));
        if (kept == null) return null;
        relay.count(ImageRelay.Outcome.THUMBNAIL_CACHED);
        return new ImageRelay.Relayed(new ImageRelay.Image(kept, format.contentType), ImageRelay.Outcome.THUMBNAIL_CACHED);
    }

    /** The thumbnail of the image at {@code address}, made now if need be: from the disk when it is there. */
    CompletableFuture<ImageRelay.Answer> thumbnail(String address, int width, PictureFormat format) {
        String name = name(ProxiedImages.key(address), width, format);
        ImageRelay.Relayed kept = cached(ProxiedImages.key(address), width, format);
        if (kept != null) return CompletableFuture.completedFuture(kept);
        CompletableFuture<ImageRelay.Answer> mine = new CompletableFuture<>();
        CompletableFuture<ImageRelay.Answer> underWay = inFlight.putIfAbsent(name, mine);
        if (underWay != null) return underWay;
        relay.relay(address).whenComplete((answer, failure) -> {
            if (failure != null || !(answer instanceof ImageRelay.Relayed original)) {
                done(name, mine, answer, failure);
                return;
            }
            try {
                resizing.execute(() -> {
                    try {
                        done(name, mine, resized(address, name, original, width, format), null);
                    } catch (Throwable e) {
                        done(name, mine, null, e);
                    }
                });
            } catch (RejectedExecutionException e) { // closing
                done(name, mine, null, e);
            }
        });
        return mine;
    }

    private ImageRelay.Answer resized(String address, String name, ImageRelay.Relayed original, int width, PictureFormat format)
            throws InterruptedException {
        cores.acquire();
        try {
            byte[] thumbnail = Thumbnailer.thumbnail(original.image().body(), width, format);
            cache.put(name, thumbnail);
            return new ImageRelay.Relayed(new ImageRelay.Image(thumbnail, format.contentType), original.outcome());
        } catch (Thumbnailer.Refused refused) {
            relay.count(ImageRelay.Outcome.REFUSED);
            return new ImageRelay.Failed(relay.refuse(address, refused.getMessage()), ImageRelay.Outcome.REFUSED);
        } finally {
            cores.release();
        }
    }

    private void done(String name, CompletableFuture<ImageRelay.Answer> mine, ImageRelay.Answer answer, Throwable failure) {
        inFlight.remove(name, mine);
        if (failure != null) mine.completeExceptionally(failure);
        else mine.complete(answer);
    }

    @Override
    public void close() {
        resizing.shutdownNow();
    }
}
