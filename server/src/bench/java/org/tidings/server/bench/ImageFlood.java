package org.tidings.server.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tidings.server.image.ProxiedImages;
import org.tidings.server.store.ArticleDraft;
import org.tidings.server.store.ArticleStore;
import org.tidings.server.store.SourceStore;
import org.tidings.server.testing.FixtureServer;
import org.tidings.server.testing.Fixtures;
import org.tidings.server.testing.RunningServer;

/**
 * The front page while readers' browsers ask for the lead images of {@code IMAGES} articles at once, all from one
 * publisher that holds every answer for {@code HOLD} seconds: a whole Tidings server with its default thread pool, over
 * real HTTP on loopback. Prints the front page's time to answer before and during the flood, what the image requests
 * got and how soon, and how many of Tidings' requests the publisher held at once (a request Tidings gave up on is held
 * on to all the same, as a slow server would).
 *
 * <pre>bench/run server org.tidings.server.bench.ImageFlood 250 20 5</pre>
 *
 * Arguments: the number of images (more than the server's 200 threads shows what an image holding a thread costs),
 * the publisher's hold in seconds, and how many times the front page is asked for during the flood.
 */
public final class ImageFlood {

    public static void main(String[] args) throws Exception {
        int images = args.length > 0 ? Integer.parseInt(args[0]) : 250;
        int hold = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int samples = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        CountDownLatch answer = new CountDownLatch(1);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        try (FixtureServer publisher = new FixtureServer();
                RunningServer server = RunningServer.start(Files.createTempDirectory("tidings-image-flood"),
                        "--tidings.scheduler.enabled=false", "--tidings.page-cache=5s", "--logging.level.root=WARN")) {
            for (int i = 0; i < images; i++) {
                publisher.route("/photos/" + i + ".jpg", exchange -> {
                    mostAtOnce.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    try {
                        answer.await(hold, TimeUnit.SECONDS); // the publisher's hold
                        FixtureServer.respond(exchange, 200, "image/jpeg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff});
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        inFlight.decrementAndGet();
                    }
                });
            }
            long[] articles = articles(server, publisher, images);
            HttpClient readers = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            for (int i = 0; i < 20; i++) home(readers, server); // warm
            double[] quiet = new double[samples];
            for (int i = 0; i < samples; i++) quiet[i] = home(readers, server);
            System.out.printf("front page, no images asked for: median %.0f ms, slowest %.0f ms%n", median(quiet), max(quiet));

            long floodStart = System.nanoTime();
            List<CompletableFuture<Result>> flood = new ArrayList<>();
            for (int i = 0; i < images; i++) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(server.url(ProxiedImages.path(articles[i],
                        publisher.url("/photos/" + i + ".jpg"))))).timeout(Duration.ofSeconds(hold + 30L)).build();
                flood.add(readers.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                        .handle((r, e) -> new Result(r == null ? "no answer" : Integer.toString(r.statusCode()),
                                (System.nanoTime() - floodStart) / 1e6)));
            }
            Thread.sleep(1000); // the image requests reach the server
            double[] flooded = new double[samples];
            for (int i = 0; i < samples; i++) flooded[i] = home(readers, server);
            System.out.printf("front page, %d images asked for from a publisher holding each %d s: median %.0f ms, "
                    + "slowest %.0f ms%n", images, hold, median(flooded), max(flooded));
            Map<String, List<Double>> byStatus = new TreeMap<>();
            for (var f : flood) {
                Result r = f.join();
                byStatus.computeIfAbsent(r.status(), s -> new ArrayList<>()).add(r.millis());
            }
            byStatus.forEach((status, times) -> System.out.printf("images answered %s: %d, %.0f-%.0f ms after the flood began%n",
                    status, times.size(), times.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                    times.stream().mapToDouble(Double::doubleValue).max().orElse(0)));
            System.out.printf("requests the publisher held at once: at most %d%n", mostAtOnce.get());
            answer.countDown(); // the publisher lets go of what it still holds: the server stops without waiting for it
        }
        System.exit(0);
    }

    private record Result(String status, double millis) {}

    /** Milliseconds for the front page, which must answer. */
    private static double home(HttpClient readers, RunningServer server) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> home = readers.send(HttpRequest.newBuilder(URI.create(server.url("/")))
                .timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
        if (home.statusCode() != 200 || !home.body().contains("/static/app.css")) {
            throw new IllegalStateException("front page: " + home.statusCode());
        }
        return (System.nanoTime() - start) / 1e6;
    }

    /** The ids of {@code images} articles, each with a lead image from {@code publisher}: the front page's images. */
    private static long[] articles(RunningServer server, FixtureServer publisher, int images) {
        long source = server.bean(SourceStore.class).add(Fixtures.source(publisher.url("/feed.xml"), "Harbour Times"),
                Duration.ofDays(1)).id();
        long[] ids = new long[images];
        for (int i = 0; i < images; i++) {
            String url = publisher.url("/storm/" + i);
            server.bean(ArticleStore.class).save(source, ArticleDraft.ofFeed(url, url, "Storm closes the port, day " + i, null,
                    "<p>The storm that closed the port on Tuesday kept ferries in harbour for a day.</p>", null,
                    publisher.url("/photos/" + i + ".jpg"), Instant.now(), null, "storm-" + i), false);
            ids[i] = server.bean(JdbcClient.class).sql("SELECT id FROM article WHERE url = :u").param("u", url)
                    .query(Long.class).single();
        }
        return ids;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(0);
    }
}
