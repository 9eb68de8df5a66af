package org.tidings.server.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Protocol;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.tidings.server.config.TidingsProperties;

/** The fetcher speaks HTTP/2 to a server that offers it over TLS, and HTTP/1.1 to one that does not. */
class FetcherHttp2Test {

    private static final HeldCertificate LOCALHOST = new HeldCertificate.Builder()
            .addSubjectAlternativeName("127.0.0.1").duration(1, java.util.concurrent.TimeUnit.DAYS).build();

    private static Fetcher trustingFetcher() {
        HandshakeCertificates trust = new HandshakeCertificates.Builder().addTrustedCertificate(LOCALHOST.certificate()).build();
        return new Fetcher(new TidingsProperties.Fetch("Tidings/test", "", Duration.ofSeconds(3), Duration.ofSeconds(3),
                Duration.ofSeconds(5), DataSize.ofKilobytes(64), 3, List.of("127.0.0.1/32"), 2, Duration.ZERO), trust.sslContext());
    }

    private static MockWebServer tlsServer(List<Protocol> protocols) throws Exception {
        MockWebServer server = new MockWebServer();
        server.useHttps(new HandshakeCertificates.Builder().heldCertificate(LOCALHOST).build().sslSocketFactory());
        server.setProtocols(protocols);
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        return server;
    }

    private static MockResponse gzippedFeed() throws Exception {
        Buffer gz = new Buffer();
        try (var out = new java.util.zip.GZIPOutputStream(gz.outputStream())) {
            out.write("<rss version=\"2.0\"><channel><title>Over h2</title></channel></rss>".getBytes(StandardCharsets.UTF_8));
        }
        return new MockResponse.Builder().addHeader("Content-Type", "application/rss+xml")
                .addHeader("Content-Encoding", "gzip").addHeader("ETag", "\"h2\"").body(gz).build();
    }

    @Test
    void negotiatesHttp2OverTlsAndStillDecompresses() throws Exception {
        try (MockWebServer server = tlsServer(List.of(Protocol.HTTP_2, Protocol.HTTP_1_1)); Fetcher fetcher = trustingFetcher()) {
            server.enqueue(gzippedFeed());
            FetchResponse r = fetcher.get(URI.create("https://127.0.0.1:" + server.getPort() + "/feed"), null, null, null);
            assertThat(r.protocol()).isEqualTo("HTTP/2");
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("Over h2");
            assertThat(r.etag()).isEqualTo("\"h2\"");
            RecordedRequest seen = server.takeRequest();
            assertThat(seen.getHeaders().get("User-Agent")).isEqualTo("Tidings/test");
        }
    }

    @Test
    void fallsBackToHttp11WhenTheServerOffersOnlyThat() throws Exception {
        try (MockWebServer server = tlsServer(List.of(Protocol.HTTP_1_1)); Fetcher fetcher = trustingFetcher()) {
            server.enqueue(gzippedFeed());
            FetchResponse r = fetcher.get(URI.create("https://127.0.0.1:" + server.getPort() + "/feed"), null, null, null);
            assertThat(r.protocol()).isEqualTo("HTTP/1.1");
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("Over h2");
        }
    }

    @Test
    void refusesACertificateItDoesNotTrust() throws Exception {
        try (MockWebServer server = tlsServer(List.of(Protocol.HTTP_2, Protocol.HTTP_1_1));
                Fetcher fetcher = new Fetcher(new TidingsProperties.Fetch("Tidings/test", "", Duration.ofSeconds(3),
                        Duration.ofSeconds(3), Duration.ofSeconds(5), DataSize.ofKilobytes(64), 3, List.of("127.0.0.1/32"), 2,
                        Duration.ZERO))) {
            server.enqueue(gzippedFeed());
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> fetcher.get(URI.create("https://127.0.0.1:" + server.getPort() + "/feed"), null, null, null))
                    .isInstanceOf(FetchException.class).hasMessageContaining("TLS");
        }
    }
}
