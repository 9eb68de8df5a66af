package org.tidings.server.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.tidings.server.config.TidingsProperties;
import org.tidings.server.testing.FixtureServer;
import org.tidings.server.testing.MutableClock;

/**
 * The image relay against a publisher on 127.0.0.1 that fails, hangs or is slow: what failed is not asked for again
 * while it is remembered, a host that keeps timing out is left alone for a while and then tried again, and a crowd
 * of readers asking for one image gets it from one fetch. Every answer is counted by outcome.
 */
class ImageRelayTest {

    /** The server's fetch settings, with this machine's publisher allowed; the relay puts its own budgets on them. */
    private static final TidingsProperties.Fetch FETCH = new TidingsProperties.Fetch("Tidings-test", "", Duration.ofSeconds(5),
            Duration.ofSeconds(20), Duration.ofSeconds(60), DataSize.ofMegabytes(10), 5, List.of("127.0.0.1/32"), 2, Duration.ofSeconds(1));
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
    /** Short budgets, so that a hanging publisher costs the test a fraction of a second per fetch. */
    private static final ImageRelay.Limits QUICK = new ImageRelay.Limits(4, 16, Duration.ofSeconds(2), 256,
            Duration.ofMillis(300), Duration.ofMillis(500));

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-04T08:00:00Z"));
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final FixtureServer publisher = new FixtureServer();
    private final CountDownLatch hung = new CountDownLatch(1);
    private final ImageRelay relay = new ImageRelay(FETCH, QUICK, clock, metrics);

    @AfterEach
    void stop() {
        hung.countDown();
        relay.close();
        publisher.close();
    }

    @Test
    void aFailedImageIsNotAskedForAgainWhileItsFailureIsRemembered() {
        publisher.route("/gone.png", ex -> FixtureServer.respond(ex, 404, "text/plain", "gone".getBytes(StandardCharsets.UTF_8)));
        publisher.serve("/page.png", "text/html", "<p>a page, not an image</p>");
        String gone = publisher.url("/gone.png");

        assertThat(relay.relay(gone).join()).isEqualTo(new ImageRelay.Failed(ImageRelay.FAILURE_MEMORY, ImageRelay.Outcome.FAILED));
        clock.advance(Duration.ofMinutes(9));
        assertThat(relay.relay(gone).join()).as("remembered, for what is left of its ten minutes")
                .isEqualTo(new ImageRelay.Failed(Duration.ofMinutes(1), ImageRelay.Outcome.REMEMBERED_FAILURE));
        assertThat(publisher.hits("/gone.png")).as("not asked again").isEqualTo(1);
        assertThat(relay.relay(publisher.url("/page.png")).join().outcome()).as("not an image").isEqualTo(ImageRelay.Outcome.FAILED);
        assertThat(relay.relay(publisher.url("/page.png")).join().outcome()).isEqualTo(ImageRelay.Outcome.REMEMBERED_FAILURE);
        assertThat(publisher.hits("/page.png")).isEqualTo(1);

        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(relay.relay(gone).join().outcome()).as("asked again after ten minutes").isEqualTo(ImageRelay.Outcome.FAILED);
        assertThat(publisher.hits("/gone.png")).isEqualTo(2);
        assertThat(count("failed")).isEqualTo(3);
        assertThat(count("remembered_failure")).isEqualTo(2);
    }

    @Test
    void aHostThatKeepsTimingOutIsLeftAloneForAMinuteThenAskedAgain() {
        AtomicBoolean awake = new AtomicBoolean();
        for (int i = 1; i <= 5; i++) {
            publisher.route("/photo/" + i + ".png", ex -> {
                if (!awake.get()) hold(hung);
                FixtureServer.respond(ex, 200, "image/png", PNG);
            });
        }
        for (int i = 1; i <= ImageRelay.HOST_FAILURES; i++) {
            assertThat(relay.relay(photo(i)).join().outcome()).as("timed out").isEqualTo(ImageRelay.Outcome.FAILED);
        }

        long start = System.nanoTime();
        ImageRelay.Answer paused = relay.relay(photo(4)).join();
        assertThat(paused).isEqualTo(new ImageRelay.Later(ImageRelay.HOST_PAUSE, ImageRelay.Outcome.HOST_PAUSED));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("answered without asking").isLessThan(QUICK.readTimeout());
        assertThat(publisher.hits("/photo/4.png")).isZero();
        clock.advance(Duration.ofSeconds(30));
        assertThat(relay.relay(photo(4)).join()).isEqualTo(new ImageRelay.Later(Duration.ofSeconds(30), ImageRelay.Outcome.HOST_PAUSED));
        assertThat(publisher.hits("/photo/4.png")).isZero();

        awake.set(true);
        clock.advance(Duration.ofSeconds(31));
        ImageRelay.Answer after = relay.relay(photo(4)).join();
        assertThat(after).isInstanceOf(ImageRelay.Relayed.class);
        assertThat(((ImageRelay.Relayed) after).image().body()).isEqualTo(PNG);
        assertThat(publisher.hits("/photo/4.png")).as("asked again after the pause").isEqualTo(1);
        assertThat(relay.relay(photo(1)).join().outcome()).as("each image's own failure is still remembered")
                .isEqualTo(ImageRelay.Outcome.REMEMBERED_FAILURE);
        assertThat(count("host_paused")).isEqualTo(2);
        assertThat(count("relayed")).isEqualTo(1);
    }

    @Test
    void aCrowdAskingForOneImageGetsItFromOneFetch() {
        publisher.route("/lead.png", ex -> {
            hold(hung);
            FixtureServer.respond(ex, 200, "image/png", PNG);
        });
        ImageRelay patient = new ImageRelay(FETCH, ImageRelay.Limits.DEFAULT, clock, metrics);
        try {
            List<CompletableFuture<ImageRelay.Answer>> readers = new ArrayList<>();
            for (int i = 0; i < 40; i++) readers.add(patient.relay(publisher.url("/lead.png")));
            await().atMost(Duration.ofSeconds(5)).until(() -> publisher.hits("/lead.png") == 1);
            assertThat(readers).noneMatch(CompletableFuture::isDone);

            hung.countDown();
            for (var reader : readers) {
                assertThat(reader.join()).isInstanceOfSatisfying(ImageRelay.Relayed.class,
                        relayed -> assertThat(relayed.image().body()).isEqualTo(PNG));
            }
            assertThat(patient.relay(publisher.url("/lead.png")).join().outcome()).isEqualTo(ImageRelay.Outcome.CACHED);
            assertThat(publisher.hits("/lead.png")).as("one fetch for them all").isEqualTo(1);
            assertThat(count("relayed")).isEqualTo(40);
            assertThat(count("cached")).isEqualTo(1);
        } finally {
            patient.close();
        }
    }

    private String photo(int i) {
        return publisher.url("/photo/" + i + ".png");
    }

    private double count(String outcome) {
        var counter = metrics.find("tidings.images").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private static void hold(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
