package org.tidings.server.image;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.tidings.article.ArticleText;
import org.tidings.server.config.TidingsProperties;
import org.tidings.server.fetch.FetchException;
import org.tidings.server.fetch.FetchResponse;
import org.tidings.server.fetch.Fetcher;
import org.tidings.server.store.Archive;

/**
 * Relays an article's images through Tidings' fetcher (its network guard and caps): raster images only (an SVG
 * can carry script), the most viewed kept in memory, cached by browsers for a week (the path names the image).
 */
@RestController
class ImageProxy implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ImageProxy.class);
    /** Larger images are not news photos but originals meant for print; they are not relayed. */
    static final DataSize MAX_IMAGE = DataSize.ofMegabytes(5);
    /** Images kept in memory, in bytes: the lead images of the day's most read articles. */
    static final long MEMORY = DataSize.ofMegabytes(64).toBytes();
    /** How long browsers keep an image: its path changes when the image does. */
    static final Duration BROWSER_CACHE = Duration.ofDays(7);
    /** A failed image is not asked for again sooner: readers' browsers would otherwise hammer a broken host. */
    static final Duration FAILURE_CACHE = Duration.ofMinutes(10);
    private static final String ACCEPT = "image/avif,image/webp,image/png,image/jpeg,image/gif;q=0.9,image/*;q=0.5";

    private record Image(byte[] body, String contentType) {}

    private final Fetcher fetcher;
    private final Archive articles;
    private long cachedBytes;
    private final Map<String, Image> cache = new LinkedHashMap<>(256, 0.75f, true);

    ImageProxy(TidingsProperties properties, Archive articles) {
        TidingsProperties.Fetch f = properties.fetch();
        if (properties.demo()) f = f.forOwnServer("127.0.0.1/32");
        // readers wait for these: no per-host pause (that is for crawling), a tighter time and size budget
        this.fetcher = new Fetcher(new TidingsProperties.Fetch(f.userAgent(), f.contactUrl(), f.connectTimeout(),
                Duration.ofSeconds(10), Duration.ofSeconds(15), MAX_IMAGE, f.maxRedirects(), f.allowedNetworks(),
                4, Duration.ZERO));
        this.articles = articles;
    }

    @GetMapping("/image/{article}/{key}")
    ResponseEntity<byte[]> image(@PathVariable("article") long articleId, @PathVariable("key") String key) {
        Optional<String> address = articles.findById(articleId).flatMap(article -> ProxiedImages.address(key,
                article.imageUrl(), articles.body(articleId).map(ArticleText::html).orElse("")));
        if (address.isEmpty()) return ResponseEntity.notFound().build();
        Image image = cached(address.get());
        if (image == null) image = fetch(address.get());
        if (image == null) {
            return ResponseEntity.status(HttpStatus.BAD_GATEWAY)
                    .cacheControl(CacheControl.maxAge(FAILURE_CACHE).cachePublic()).build();
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(image.contentType()))
                .cacheControl(CacheControl.maxAge(BROWSER_CACHE).cachePublic().immutable())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'")
                .body(image.body());
    }

    /** The image from its publisher, kept in memory; null when it may not be relayed. */
    private Image fetch(String address) {
        try {
            FetchResponse response = fetcher.get(URI.create(address), ACCEPT, null, null);
            String type = response.contentType() == null ? "" : response.contentType().toLowerCase(Locale.ROOT);
            int semicolon = type.indexOf(';');
            if (semicolon >= 0) type = type.substring(0, semicolon).strip();
            if (!response.ok() || !type.startsWith("image/") || type.contains("svg") || response.body() == null
                    || response.body().length == 0 || response.body().length > MAX_IMAGE.toBytes()) {
                log.atDebug().addKeyValue("event", "image_refused").addKeyValue("status", response.status())
                        .addKeyValue("content_type", type).log("image not relayed: {}", address);
                return null;
            }
            Image image = new Image(response.body(), type);
            remember(address, image);
            return image;
        } catch (FetchException | IllegalArgumentException e) {
            log.atDebug().addKeyValue("event", "image_failed").log("image fetch failed: {}: {}", address, e.getMessage());
            return null;
        }
    }

    private synchronized Image cached(String address) {
        return cache.get(address);
    }

    private synchronized void remember(String address, Image image) {
        cache.put(address, image);
        cachedBytes += image.body().length;
        var eldest = cache.entrySet().iterator();
        while (cachedBytes > MEMORY && eldest.hasNext()) {
            cachedBytes -= eldest.next().getValue().body().length;
            eldest.remove();
        }
    }

    @Override
    public void destroy() {
        fetcher.close();
    }
}
