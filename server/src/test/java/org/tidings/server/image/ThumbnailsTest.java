package org.tidings.server.image;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.util.unit.DataSize;
import org.tidings.server.config.TidingsProperties;
import org.tidings.server.testing.FixtureServer;
import org.tidings.server.testing.MutableClock;

/**
 * Thumbnails of a publisher's images on 127.0.0.1: resized to the width asked, WebP or JPEG as the browser accepts,
 * made once and then served from the disk (also after a restart), the least recently used evicted past the cache's
 * size. Hostile pictures (Pictures.java makes them) get no thumbnail, cost bounded time and memory, are not fetched
 * again while their failure is remembered, and leave their reason in the log.
 */
class ThumbnailsTest {

    private static final TidingsProperties.Fetch FETCH = new TidingsProperties.Fetch("Tidings-test", "", Duration.ofSeconds(5),
            Duration.ofSeconds(20), Duration.ofSeconds(60), DataSize.ofMegabytes(10), 5, List.of("127.0.0.1/32"), 2, Duration.ofSeconds(1));
    private static final ImageRelay.Limits QUICK = new ImageRelay.Limits(4, 16, Duration.ofSeconds(2), 256,
            Duration.ofMillis(400), Duration.ofMillis(800));

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-04T08:00:00Z"));
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final FixtureServer publisher = new FixtureServer();
    private final ImageRelay relay = new ImageRelay(FETCH, QUICK, clock, metrics);
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private Thumbnails thumbnails;

    ThumbnailsTest() {
        logs.start();
        Logger logger = (Logger) LoggerFactory.getLogger(ImageRelay.class);
        logger.setLevel(ch.qos.logback.classic.Level.INFO);
        logger.addAppender(logs);
    }

    @AfterEach
    void stop() {
        Logger logger = (Logger) LoggerFactory.getLogger(ImageRelay.class);
        logger.detachAppender(logs);
        logger.setLevel(null);
        if (thumbnails != null) thumbnails.close();
        relay.close();
        publisher.close();
    }

    private Thumbnails thumbnails(long cacheBytes) {
        thumbnails = new Thumbnails(relay, new ThumbnailCache(dir.resolve("images"), cacheBytes));
        return thumbnails;
    }

    @Test
    void aPhotoIsResizedToTheWidthAskedInTheFormatAcceptedAndMadeOnce() throws IOException {
        byte[] photo = Pictures.jpeg(2000, 1000, Color.RED);
        publisher.route("/photo.jpg", ex -> FixtureServer.respond(ex, 200, "image/jpeg", photo));
        Thumbnails made = thumbnails(DataSize.ofMegabytes(10).toBytes());
        String address = publisher.url("/photo.jpg");

        BufferedImage webp = picture(made.thumbnail(address, 320, PictureFormat.WEBP).join(), "image/webp");
        assertThat(webp.getWidth()).isEqualTo(320);
        assertThat(webp.getHeight()).as("the aspect kept").isEqualTo(160);
        assertThat(new Color(webp.getRGB(160, 80)).getRed()).as("still the photo").isGreaterThan(200);
        BufferedImage jpeg = picture(made.thumbnail(address, 1200, PictureFormat.JPEG).join(), "image/jpeg");
        assertThat(jpeg.getWidth()).isEqualTo(1200);

        ImageRelay.Answer again = made.thumbnail(address, 320, PictureFormat.WEBP).join();
        assertThat(again.outcome()).isEqualTo(ImageRelay.Outcome.THUMBNAIL_CACHED);
        assertThat(publisher.hits("/photo.jpg")).as("one fetch for both widths").isEqualTo(1);
        assertThat(PictureFormat.accepted("image/avif,image/webp,*/*")).isEqualTo(PictureFormat.WEBP);
        assertThat(PictureFormat.accepted("image/png,*/*;q=0.8")).isEqualTo(PictureFormat.JPEG);

        BufferedImage small = picture(made.thumbnail(publisherServing("/small.png", Pictures.png(100, 50)), 640, PictureFormat.JPEG).join(), "image/jpeg");
        assertThat(small.getWidth()).as("never enlarged").isEqualTo(100);

        ImageRelay restarted = new ImageRelay(FETCH, QUICK, clock, metrics);
        try (Thumbnails afterRestart = new Thumbnails(restarted, new ThumbnailCache(dir.resolve("images"), DataSize.ofMegabytes(10).toBytes()))) {
            assertThat(afterRestart.thumbnail(address, 1200, PictureFormat.JPEG).join().outcome()).isEqualTo(ImageRelay.Outcome.THUMBNAIL_CACHED);
        } finally {
            restarted.close();
        }
        assertThat(publisher.hits("/photo.jpg")).as("kept on disk across a restart").isEqualTo(1);
    }

    @Test
    void theCacheKeepsItsSizeByEvictingTheLeastRecentlyUsed() throws IOException {
        ThumbnailCache cache = new ThumbnailCache(dir.resolve("images"), 3_000);
        cache.put("a", new byte[1_000]);
        cache.put("b", new byte[1_000]);
        cache.put("c", new byte[1_000]);
        assertThat(cache.get("a")).as("used: now the most recent").hasSize(1_000);
        cache.put("d", new byte[1_000]);

        assertThat(cache.get("b")).as("the least recently used, evicted").isNull();
        assertThat(Files.exists(dir.resolve("images/b"))).isFalse();
        assertThat(cache.get("a")).as("kept").hasSize(1_000);
        assertThat(cache.get("d")).as("kept").hasSize(1_000);
        assertThat(cache.bytes()).isEqualTo(3_000);
        assertThat(new ThumbnailCache(dir.resolve("images"), 2_000).bytes()).as("a smaller limit at start").isEqualTo(2_000);
    }

    @Test
    void theThumbnailsUsedLastAreAnsweredFromMemory() throws IOException {
        ThumbnailCache cache = new ThumbnailCache(dir.resolve("images"), 4 * ThumbnailCache.HOT_BYTES);
        byte[] picture = new byte[1_000];
        picture[0] = 7;
        cache.put("held", picture);
        cache.put("read", new byte[2_000]);
        Files.delete(dir.resolve("images/held"));
        assertThat(cache.get("held")).as("written lately: held in memory, its file not opened").isEqualTo(picture);

        ThumbnailCache restarted = new ThumbnailCache(dir.resolve("images"), 4 * ThumbnailCache.HOT_BYTES);
        assertThat(restarted.get("held")).as("a new process has only the disk").isNull();
        assertThat(restarted.get("read")).as("read from the disk once").hasSize(2_000);
        Files.delete(dir.resolve("images/read"));
        assertThat(restarted.get("read")).as("then from memory").hasSize(2_000);

        int size = 1 << 20;
        for (int i = 0; i < ThumbnailCache.HOT_BYTES / size + 1; i++) restarted.put("large-" + i, new byte[size]);
        Files.delete(dir.resolve("images/large-0"));
        assertThat(restarted.get("large-0")).as("past the memory's share, the least recently used is let go").isNull();
        assertThat(restarted.get("large-1")).as("newer, still held or on disk").hasSize(size);
    }

    @Test
    void aThumbnailEvictedFromTheDiskIsLetGoInMemory() throws IOException {
        ThumbnailCache cache = new ThumbnailCache(dir.resolve("images"), 8_000);
        cache.put("a", new byte[1_000]);
        assertThat(cache.heldBytes()).as("held").isEqualTo(1_000);
        cache.put("poster", new byte[7_500]);
        assertThat(cache.get("a")).as("evicted from the disk by a picture too large to hold").isNull();
        assertThat(cache.heldBytes()).as("and let go in memory").isZero();
        assertThat(cache.get("poster")).hasSize(7_500);
    }

    @Test
    void hostilePicturesGetNoThumbnailAndTheirReasonIsLogged() throws IOException {
        Thumbnails made = thumbnails(DataSize.ofMegabytes(10).toBytes());
        byte[] bomb = Pictures.pngBomb(50_000, 50_000);
        assertThat(bomb.length).as("a bomb is small").isLessThan(1_000_000);
        String corrupt = publisherServing("/corrupt.jpg", "\u00ff\u00d8\u00ff not a jpeg at all".getBytes(StandardCharsets.ISO_8859_1));
        String bombed = publisherServing("/bomb.png", bomb);
        String svgAsPng = publisherServing("/drawing.png", "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8));
        publisher.serve("/drawing.svg", "image/svg+xml", "<svg xmlns='http://www.w3.org/2000/svg'/>");
        byte[] huge = new byte[50 * 1024 * 1024];
        publisher.route("/huge.jpg", ex -> FixtureServer.respond(ex, 200, "image/jpeg", huge));
        publisher.route("/slow.jpg", ex -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            FixtureServer.respond(ex, 200, "image/jpeg", Pictures.jpeg(10, 10, Color.RED));
        });

        Runtime runtime = Runtime.getRuntime();
        long before = runtime.totalMemory() - runtime.freeMemory();
        long start = System.nanoTime();
        for (String address : List.of(corrupt, bombed, svgAsPng, publisher.url("/drawing.svg"), publisher.url("/huge.jpg"), publisher.url("/slow.jpg"))) {
            ImageRelay.Answer answer = made.thumbnail(address, 640, PictureFormat.WEBP).join();
            assertThat(answer).as(address).isInstanceOf(ImageRelay.Failed.class);
            assertThat(made.thumbnail(address, 320, PictureFormat.JPEG).join().outcome()).as("remembered: " + address)
                    .isEqualTo(ImageRelay.Outcome.REMEMBERED_FAILURE);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("bounded time").isLessThan(Duration.ofSeconds(8));
        assertThat(runtime.totalMemory() - runtime.freeMemory() - before).as("no 50,000 × 50,000 raster")
                .isLessThan(DataSize.ofMegabytes(400).toBytes());
        for (String path : List.of("/corrupt.jpg", "/bomb.png", "/drawing.png", "/drawing.svg", "/huge.jpg")) {
            assertThat(publisher.hits(path)).as("asked once: " + path).isEqualTo(1);
        }
        assertThat(reasons()).contains("too large to decode: 50000×50000", "not a raster image: image/svg+xml", "not a raster image Tidings reads",
                "TOO_LARGE", "TIMEOUT").anyMatch(reason -> reason.startsWith("unreadable"));
        assertThat(dir.resolve("images").toFile().list()).as("nothing cached").isEmpty();
    }

    @Test
    void anAnimatedPictureIsShownByItsFirstFrame() throws IOException {
        Thumbnails made = thumbnails(DataSize.ofMegabytes(10).toBytes());
        String animated = publisherServing("/animated.gif", Pictures.animatedGif(400, 200, Color.RED, Color.BLUE));
        BufferedImage first = picture(made.thumbnail(animated, 160, PictureFormat.JPEG).join(), "image/jpeg");
        assertThat(first.getWidth()).isEqualTo(160);
        Color middle = new Color(first.getRGB(80, 40));
        assertThat(middle.getRed()).as("the first frame, red").isGreaterThan(200);
        assertThat(middle.getBlue()).isLessThan(60);
    }

    private String publisherServing(String path, byte[] body) {
        String type = path.endsWith(".png") ? "image/png" : path.endsWith(".gif") ? "image/gif" : "image/jpeg";
        publisher.route(path, ex -> FixtureServer.respond(ex, 200, type, body));
        return publisher.url(path);
    }

    private List<String> reasons() {
        return logs.list.stream().flatMap(e -> e.getKeyValuePairs() == null ? java.util.stream.Stream.empty() : e.getKeyValuePairs().stream())
                .filter(kv -> kv.key.equals("reason")).map(kv -> String.valueOf(kv.value)).toList();
    }

    private static BufferedImage picture(ImageRelay.Answer answer, String type) throws IOException {
        assertThat(answer).isInstanceOf(ImageRelay.Relayed.class);
        ImageRelay.Image image = ((ImageRelay.Relayed) answer).image();
        assertThat(image.contentType()).isEqualTo(type);
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(image.body()));
        assertThat(read).as("a readable " + type).isNotNull();
        return read;
    }
}
