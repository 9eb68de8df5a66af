package org.tidings.server.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.tidings.server.config.TidingsProperties;
import org.tidings.server.testing.FixtureServer;

/** The fetcher against a real local HTTP server: limits, conditional GET, redirects, the guard. */
class FetcherTest {

    private final FixtureServer server = new FixtureServer();

    private static TidingsProperties.Fetch settings(List<String> allowed) {
        return new TidingsProperties.Fetch("Tidings/test", "https://operator.test/contact", Duration.ofSeconds(2),
                Duration.ofSeconds(2), Duration.ofSeconds(3), DataSize.ofKilobytes(64), 3, allowed, 2, Duration.ZERO);
    }

    private final Fetcher fetcher = new Fetcher(settings(List.of("127.0.0.1/32")));

    @AfterEach
    void close() {
        fetcher.close();
        server.close();
    }

    @Test
    void identifiesItselfAndSendsConditionalHeaders() throws Exception {
        server.route("/feed", exchange -> {
            exchange.getResponseHeaders().set("ETag", "\"v2\"");
            FixtureServer.respond(exchange, 200, "application/rss+xml", "<rss/>".getBytes());
        });
        FetchResponse r = fetcher.get(URI.create(server.url("/feed")), null, "\"v1\"", "Tue, 24 Nov 2026 10:00:00 GMT");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.etag()).isEqualTo("\"v2\"");
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("<rss/>");
        FixtureServer.Request seen = server.requests().getFirst();
        assertThat(seen.userAgent()).isEqualTo("Tidings/test (+https://operator.test/contact)");
        assertThat(seen.ifNoneMatch()).isEqualTo("\"v1\"");
        assertThat(seen.ifModifiedSince()).isEqualTo("Tue, 24 Nov 2026 10:00:00 GMT");
    }

    @Test
    void returnsNotModifiedWithoutABody() throws Exception {
        server.route("/feed", exchange -> FixtureServer.respond(exchange, 304, null, new byte[0]));
        FetchResponse r = fetcher.get(URI.create(server.url("/feed")), null, "\"v1\"", null);
        assertThat(r.notModified()).isTrue();
        assertThat(r.body()).isEmpty();
    }

    @Test
    void followsRedirectsAndReportsWhereTheBodyCameFrom() throws Exception {
        server.route("/old", exchange -> {
            exchange.getResponseHeaders().set("Location", server.url("/new"));
            FixtureServer.respond(exchange, 301, null, new byte[0]);
        });
        server.serve("/new", "application/rss+xml", "<rss/>");
        FetchResponse r = fetcher.get(URI.create(server.url("/old")), null, null, null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.finalUri().toString()).isEqualTo(server.url("/new"));
    }

    @Test
    void givesUpOnEndlessRedirects() {
        server.route("/loop", exchange -> {
            exchange.getResponseHeaders().set("Location", server.url("/loop?" + System.nanoTime()));
            FixtureServer.respond(exchange, 302, null, new byte[0]);
        });
        assertThatThrownBy(() -> fetcher.get(URI.create(server.url("/loop")), null, null, null))
                .isInstanceOf(FetchException.class)
                .satisfies(e -> assertThat(((FetchException) e).kind()).isEqualTo(FetchException.Kind.TOO_MANY_REDIRECTS));
    }

    @Test
    void decompressesWhatTheServerCompressed() throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz)) {
            out.write("<rss>compressed</rss>".getBytes(StandardCharsets.UTF_8));
        }
        server.route("/gz", exchange -> {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            FixtureServer.respond(exchange, 200, "application/rss+xml", gz.toByteArray());
        });
        FetchResponse r = fetcher.get(URI.create(server.url("/gz")), null, null, null);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("<rss>compressed</rss>");
        assertThat(r.protocol()).isEqualTo("HTTP/1.1");
    }

    @Test
    void decompressesBrotli() throws Exception {
        com.aayushatharva.brotli4j.Brotli4jLoader.ensureAvailability();
        byte[] br = com.aayushatharva.brotli4j.encoder.Encoder.compress("<rss>brotli</rss>".getBytes(StandardCharsets.UTF_8));
        server.route("/br", exchange -> {
            exchange.getResponseHeaders().set("Content-Encoding", "br");
            FixtureServer.respond(exchange, 200, "application/rss+xml", br);
        });
        FetchResponse r = fetcher.get(URI.create(server.url("/br")), null, null, null);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("<rss>brotli</rss>");
    }

    @Test
    void refusesBodiesOverTheLimitEvenWhenCompressed() throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz)) {
            out.write(new byte[10 * 1024 * 1024]); // 10 MB of zeros: a few kB on the wire
        }
        server.route("/bomb", exchange -> {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            FixtureServer.respond(exchange, 200, "application/rss+xml", gz.toByteArray());
        });
        assertThatThrownBy(() -> fetcher.get(URI.create(server.url("/bomb")), null, null, null))
                .isInstanceOf(FetchException.class).hasMessageContaining("larger than the limit");
    }

    @Test
    void refusesABodyThatSaysItIsOverTheLimitBeforeReadingIt() {
        server.route("/print-original", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "image/jpeg");
            exchange.sendResponseHeaders(200, 50L * 1024 * 1024); // says 50 MB, then sends a byte and holds the line
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(0xff);
                out.flush();
                Thread.sleep(5_000);
            } catch (InterruptedException | IOException e) {
                // the client went away: expected
            }
        });
        assertThatThrownBy(() -> fetcher.get(URI.create(server.url("/print-original")), null, null, null))
                .isInstanceOf(FetchException.class)
                .satisfies(e -> assertThat(((FetchException) e).kind()).as("too large, not timed out").isEqualTo(FetchException.Kind.TOO_LARGE));
    }

    @Test
    void aSlowDripCannotHoldTheFetchForever() {
        server.route("/drip", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(500); // each byte in time for the read timeout, the whole far too slow
                }
            } catch (InterruptedException | IOException e) {
                // the client went away: expected
            }
        });
        long start = System.nanoTime();
        assertThatThrownBy(() -> fetcher.get(URI.create(server.url("/drip")), null, null, null))
                .isInstanceOf(FetchException.class)
                .satisfies(e -> assertThat(((FetchException) e).kind()).isEqualTo(FetchException.Kind.TIMEOUT));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void refusesLoopbackUnlessAllowed() throws IOException {
        server.serve("/feed", "application/rss+xml", "<rss/>");
        try (Fetcher strict = new Fetcher(settings(List.of()))) {
            assertThatThrownBy(() -> strict.get(URI.create(server.url("/feed")), null, null, null))
                    .isInstanceOf(FetchException.class)
                    .satisfies(e -> assertThat(((FetchException) e).kind()).isEqualTo(FetchException.Kind.REFUSED));
        }
        assertThat(server.hits("/feed")).isZero();
    }

    @Test
    void refusesARedirectToAPrivateAddress() {
        server.route("/hop", exchange -> {
            exchange.getResponseHeaders().set("Location", "http://10.0.0.1/internal");
            FixtureServer.respond(exchange, 302, null, new byte[0]);
        });
        // the first hop (127.0.0.1) is allowed in this test, the second (10.0.0.1) is not
        assertThatThrownBy(() -> fetcher.get(URI.create(server.url("/hop")), null, null, null))
                .isInstanceOf(FetchException.class)
                .satisfies(e -> assertThat(((FetchException) e).kind()).isEqualTo(FetchException.Kind.REFUSED));
    }

    @Test
    void refusesSchemesOtherThanHttp() {
        assertThatThrownBy(() -> fetcher.get(URI.create("file:///etc/passwd"), null, null, null))
                .isInstanceOf(FetchException.class).hasMessageContaining("only http and https");
    }
}
