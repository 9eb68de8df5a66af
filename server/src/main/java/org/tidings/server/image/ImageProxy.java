package org.tidings.server.image;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.tidings.article.ArticleText;
import org.tidings.server.config.TidingsProperties;
import org.tidings.server.store.Archive;

/**
 * Relays an article's images through Tidings' fetcher (its network guard and caps), by way of the {@link ImageRelay}:
 * raster images only, cached by browsers for a week (the path names the image); a failure is cached for as long as
 * the relay remembers it, and "not now" (the publisher's host is slow or paused) says when to come back.
 *
 * <p>The answer is asynchronous: the server's thread finds the article's image and hands it to the relay, and is
 * free again at once, whether the image comes from memory or from a publisher seconds later. The server runs
 * requests on a bounded pool of platform threads shared with the pages; an image that held one of them while it
 * waited for a slow publisher (or for a turn at it) could, with enough of them, leave none for the pages. A shorter
 * wait on the server's thread would only make that rarer, and serving the whole server on virtual threads would give
 * up the pool that serves cached pages fastest (application.properties).
 */
@RestController
class ImageProxy implements DisposableBean {

    /** How long browsers keep an image: its path changes when the image does. */
    static final Duration BROWSER_CACHE = Duration.ofDays(7);

    /** A GIF of one transparent pixel. */
    private static final byte[] TRANSPARENT_PIXEL = java.util.Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    private final ImageRelay relay;
    private final Thumbnails thumbnails;
    private final Archive articles;

    ImageProxy(TidingsProperties properties, Archive articles, Clock clock, MeterRegistry metrics) {
        TidingsProperties.Fetch fetch = properties.fetch();
        if (properties.demo()) fetch = fetch.forOwnServer("127.0.0.1/32");
        this.relay = new ImageRelay(fetch, ImageRelay.Limits.DEFAULT, clock, metrics);
        this.thumbnails = new Thumbnails(relay, new ThumbnailCache(
                properties.dataDir().toAbsolutePath().normalize().resolve("images"), properties.images().cacheSize().toBytes()));
        this.articles = articles;
    }

    /**
     * A reader's picture: one of the article's images at one of the {@link Thumbnailer#WIDTHS}, as WebP when the
     * browser accepts it, else JPEG. A thumbnail made before is answered from the disk at once, without a look at the
     * article (it is only ever kept for an image some article showed), and "not modified" when the browser has it.
     */
    @GetMapping("/image/{article}/{key}/{width}")
    CompletableFuture<ResponseEntity<byte[]>> thumbnail(@PathVariable("article") long articleId, @PathVariable("key") String key,
            @PathVariable("width") int width, @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        if (!Thumbnailer.WIDTHS.contains(width)) return CompletableFuture.completedFuture(ResponseEntity.notFound().build());
        PictureFormat format = PictureFormat.accepted(accept);
        String etag = etag(key, width, format);
        if (ifNoneMatch != null && ifNoneMatch.contains(etag)) {
            return CompletableFuture.completedFuture(ResponseEntity.status(HttpStatus.NOT_MODIFIED).headers(notModified(etag)).build());
        }
        ImageRelay.Relayed kept = thumbnails.cached(key, width, format);
        if (kept != null) return CompletableFuture.completedFuture(picture(kept, etag));
        Optional<String> address = address(articleId, key);
        if (address.isEmpty()) return CompletableFuture.completedFuture(ResponseEntity.notFound().build());
        return thumbnails.thumbnail(address.get(), width, format)
                .thenApply(answer -> answer instanceof ImageRelay.Relayed relayed ? picture(relayed, etag) : nothing(answer));
    }

    /**
     * A reader's picture that cannot be shown is a transparent pixel, so that the card shows its publisher's colour
     * behind it, and the reader's browser reports no error; it is kept as long as the failure is remembered, and not
     * at all when the answer is "not now". {@code X-Tidings-Image} says why, for operators.
     */
    private static ResponseEntity<byte[]> nothing(ImageRelay.Answer answer) {
        CacheControl cache = answer instanceof ImageRelay.Failed failed ? CacheControl.maxAge(seconds(failed.remembered())).cachePublic()
                : CacheControl.noStore();
        return ResponseEntity.ok().contentType(MediaType.IMAGE_GIF).cacheControl(cache)
                .header("X-Tidings-Image", answer.outcome().tag()).header("X-Content-Type-Options", "nosniff")
                .body(TRANSPARENT_PIXEL.clone());
    }

    private static ResponseEntity<byte[]> picture(ImageRelay.Relayed relayed, String etag) {
        return ResponseEntity.ok().headers(pictureHeaders(relayed.image().contentType(), etag)).body(relayed.image().body());
    }

    /** The thumbnail made before for this key, width and format, read from the disk; null when there is none. */
    ImageRelay.Relayed kept(String key, int width, PictureFormat format) {
        return Thumbnailer.WIDTHS.contains(width) ? thumbnails.cached(key, width, format) : null;
    }

    /** A thumbnail's entity tag: its key, width and format, which name its bytes for good. */
    static String etag(String key, int width, PictureFormat format) {
        return "\"" + Thumbnails.name(key, width, format) + "\"";
    }

    /**
     * The headers of a reader's picture: its type, a week in any cache (its path changes when the image does), never
     * sniffed or run as a document; a thumbnail's also its entity tag, and that its format follows the browser's Accept.
     */
    static HttpHeaders pictureHeaders(String contentType, String etag) {
        HttpHeaders headers = etag == null ? new HttpHeaders() : notModified(etag);
        headers.setContentType(MediaType.parseMediaType(contentType));
        headers.setCacheControl(CacheControl.maxAge(BROWSER_CACHE).cachePublic().immutable());
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Content-Security-Policy", "default-src 'none'");
        return headers;
    }

    /** What "not modified" says of a thumbnail the browser has. */
    static HttpHeaders notModified(String etag) {
        HttpHeaders headers = new HttpHeaders();
        headers.setETag(etag);
        headers.setCacheControl(CacheControl.maxAge(BROWSER_CACHE).cachePublic().immutable());
        headers.setVary(java.util.List.of(HttpHeaders.ACCEPT));
        return headers;
    }

    private Optional<String> address(long articleId, String key) {
        return articles.findById(articleId).flatMap(article -> ProxiedImages.address(key,
                article.imageUrl(), articles.body(articleId).map(ArticleText::html).orElse("")));
    }

    @GetMapping("/image/{article}/{key}")
    CompletableFuture<ResponseEntity<byte[]>> image(@PathVariable("article") long articleId, @PathVariable("key") String key) {
        Optional<String> address = address(articleId, key);
        if (address.isEmpty()) return CompletableFuture.completedFuture(ResponseEntity.notFound().build());
        return relay.relay(address.get()).thenApply(ImageProxy::response);
    }

    private static ResponseEntity<byte[]> response(ImageRelay.Answer answer) {
        return switch (answer) {
            case ImageRelay.Relayed relayed -> ResponseEntity.ok().headers(pictureHeaders(relayed.image().contentType(), null))
                    .body(relayed.image().body());
            case ImageRelay.Failed failed -> ResponseEntity.status(HttpStatus.BAD_GATEWAY)
                    .cacheControl(CacheControl.maxAge(seconds(failed.remembered())).cachePublic()).build();
            case ImageRelay.Later later -> ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .cacheControl(CacheControl.noStore())
                    .header("Retry-After", Long.toString(seconds(later.retryAfter()).toSeconds())).build();
        };
    }

    /** Whole seconds, at least one: what HTTP's headers can say. */
    private static Duration seconds(Duration d) {
        return Duration.ofSeconds(Math.max(1, (d.toMillis() + 999) / 1000));
    }

    @Override
    public void destroy() {
        thumbnails.close();
        relay.close();
    }
}
