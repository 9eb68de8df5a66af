package org.tidings.server.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tidings.server.store.ArticleDraft;
import org.tidings.server.store.ArticleStore;
import org.tidings.server.store.SourceStore;
import org.tidings.server.testing.FixtureServer;
import org.tidings.server.testing.Fixtures;
import org.tidings.server.testing.RunningServer;

/**
 * The image relay under a flood of images from a publisher that answers slowly: readers' pages are still served at
 * once, the publisher sees no more than the relay's few requests at a time, and the images beyond them are told to
 * come back later instead of holding the server.
 */
class ImageProxyLoadTest {

    /** Images in the article, all from the slow publisher: far more than the relay's bounds and the server's threads. */
    private static final int IMAGES = 64;
    /**
     * Jetty's pool for this server: smaller than the images, so that images that hold a thread each while they wait
     * leave none for pages (with the default pool of 200 it would take more than 200 images to show it).
     */
    private static final int SERVER_THREADS = 32;
    /** The relay's turns at one host. */
    private static final int PER_HOST = ImageRelay.Limits.DEFAULT.perHost();
    /** What readers ask for meanwhile, and a part of each: a style sheet, the front page, the article page. */
    private static final Map<String, String> PAGES = new LinkedHashMap<>(Map.of("/static/app.css", "color-scheme: light dark",
            "/", "<link rel=\"stylesheet\" href=\"/static/app.css\">", "/article/ARTICLE", "Harbour photographs from the storm"));

    @TempDir
    Path dataDir;

    @Test
    void pagesAreServedAtOnceWhileManyImagesWaitForASlowPublisher() throws Exception {
        CountDownLatch answer = new CountDownLatch(1);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        byte[] png = png();
        try (FixtureServer publisher = new FixtureServer();
                RunningServer server = RunningServer.start(dataDir, "--server.jetty.threads.max=" + SERVER_THREADS,
                        "--tidings.scheduler.enabled=false")) {
            for (int i = 0; i < IMAGES; i++) {
                publisher.route("/photos/" + i + ".png", exchange -> {
                    mostAtOnce.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    try {
                        answer.await(30, TimeUnit.SECONDS); // the publisher answers when the test has measured
                        FixtureServer.respond(exchange, 200, "image/png", png);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        inFlight.decrementAndGet();
                    }
                });
            }
            long article = articleWithImages(server, publisher);
            HttpClient readers = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            for (String page : PAGES.keySet()) { // rendered once before, so that what is measured below is the wait for the server
                String path = page.replace("ARTICLE", Long.toString(article));
                assertThat(readers.send(request(server, path, Duration.ofSeconds(30)), HttpResponse.BodyHandlers.discarding())
                        .statusCode()).as(path).isEqualTo(200);
            }
            try {
                List<CompletableFuture<HttpResponse<Void>>> images = new ArrayList<>();
                for (int i = 0; i < IMAGES; i++) {
                    String path = ProxiedImages.path(article, publisher.url("/photos/" + i + ".png"));
                    images.add(readers.sendAsync(request(server, path, Duration.ofSeconds(60)), HttpResponse.BodyHandlers.discarding()));
                }
                await().atMost(Duration.ofSeconds(10)).until(() -> inFlight.get() >= PER_HOST);

                for (String page : PAGES.keySet()) {
                    long start = System.nanoTime();
                    HttpResponse<String> response = readers.send(request(server, page.replace("ARTICLE", Long.toString(article)),
                            Duration.ofSeconds(10)), HttpResponse.BodyHandlers.ofString());
                    Duration took = Duration.ofNanos(System.nanoTime() - start);
                    assertThat(response.statusCode()).as(page).isEqualTo(200);
                    assertThat(response.body()).as(page).contains(PAGES.get(page));
                    assertThat(took).as("%s while %d images wait", page, IMAGES).isLessThan(Duration.ofSeconds(3));
                }

                // the images beyond the relay's turns are refused soon, with a time to come back, while the publisher still holds the rest
                await().atMost(Duration.ofSeconds(10)).until(() -> images.stream().filter(CompletableFuture::isDone).count()
                        >= IMAGES - PER_HOST);
                for (var image : images) {
                    if (!image.isDone()) continue;
                    HttpResponse<Void> r = image.join();
                    assertThat(r.statusCode()).isEqualTo(503);
                    assertThat(r.headers().firstValue("Retry-After")).get().asString().matches("[1-9][0-9]*");
                }
                assertThat(mostAtOnce.get()).as("requests the publisher saw at once").isEqualTo(PER_HOST);

                // the images in their turn are relayed when the publisher answers
                answer.countDown();
                long relayed = images.stream().map(CompletableFuture::join).filter(r -> r.statusCode() == 200).count();
                assertThat(relayed).isEqualTo(PER_HOST);
            } finally {
                answer.countDown(); // before the server's graceful stop, which waits for the requests it serves
            }
        }
    }

    private static HttpRequest request(RunningServer server, String path, Duration timeout) {
        return HttpRequest.newBuilder(URI.create(server.url(path))).timeout(timeout).GET().build();
    }

    /** An article whose text shows {@link #IMAGES} photographs from {@code publisher}. */
    private static long articleWithImages(RunningServer server, FixtureServer publisher) {
        long source = server.bean(SourceStore.class).add(Fixtures.source(publisher.url("/feed.xml"), "Harbour Times"),
                Duration.ofDays(1)).id();
        StringBuilder html = new StringBuilder("<p>Harbour photographs from the storm that closed the port on Tuesday.</p>");
        for (int i = 0; i < IMAGES; i++) {
            html.append("<p><img src=\"").append(publisher.url("/photos/" + i + ".png")).append("\" alt=\"Photograph ")
                    .append(i).append("\"></p>");
        }
        String url = publisher.url("/storm-photographs");
        server.bean(ArticleStore.class).save(source, ArticleDraft.ofFeed(url, url, "Harbour photographs from the storm", null,
                html.toString(), null, null, Instant.now(), null, "storm-photographs"), false);
        return server.bean(JdbcClient.class).sql("SELECT id FROM article WHERE url = :u").param("u", url).query(Long.class).single();
    }

    private static byte[] png() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
