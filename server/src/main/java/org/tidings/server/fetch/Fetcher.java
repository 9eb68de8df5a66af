package org.tidings.server.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.ssl.SSLContexts;
import org.apache.hc.core5.util.Timeout;
import org.tidings.server.config.TidingsProperties;

/**
 * The one HTTP client of Tidings: every feed and page goes through it, so every fetch gets the
 * same limits, User-Agent and SSRF guard on every connection.
 */
public final class Fetcher implements AutoCloseable {

    private final CloseableHttpAsyncClient client;
    private final TidingsProperties.Fetch settings;
    private final HostLimiter hosts;

    public Fetcher(TidingsProperties.Fetch settings) {
        this(settings, SSLContexts.createSystemDefault());
    }

    /** With the TLS trust of {@code tls}: tests use it to trust their own certificates. */
    Fetcher(TidingsProperties.Fetch settings, SSLContext tls) {
        this.settings = settings;
        this.hosts = new HostLimiter(settings.perHostConcurrency(), settings.perHostDelay());
        this.client = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setDnsResolver(new NetworkGuard(settings.allowedNetworks()))
                        .setTlsStrategy(ClientTlsStrategyBuilder.create().setSslContext(tls).buildAsync())
                        .setDefaultTlsConfig(TlsConfig.custom().setVersionPolicy(HttpVersionPolicy.NEGOTIATE).build())
                        .setMaxConnTotal(64)
                        .setMaxConnPerRoute(4)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                                .setSocketTimeout(Timeout.of(settings.readTimeout()))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(settings.readTimeout()))
                        .build())
                .disableRedirectHandling() // followed in get(), so that every hop is checked and 301s are seen
                // the scheduler decides when to try again (Retry-After included): the client never sleeps on it
                .disableAutomaticRetries()
                .setUserAgent(userAgent(settings))
                .disableCookieManagement()
                .build();
        client.start();
    }

    static String userAgent(TidingsProperties.Fetch settings) {
        return settings.contactUrl().isBlank() ? settings.userAgent()
                : settings.userAgent() + " (+" + settings.contactUrl() + ")";
    }

    /**
     * Any final HTTP status is returned; only failures to get an answer at all throw. When every hop
     * was a permanent redirect (301, 308), {@link FetchResponse#movedTo()} says where the resource now lives.
     */
    public FetchResponse get(URI uri, String accept, String etag, String lastModified) throws FetchException {
        return get(uri, accept, etag, lastModified, settings.totalTimeout());
    }

    /** As {@link #get(URI, String, String, String)}, for someone waiting on the answer: in {@code within} at most. */
    public FetchResponse get(URI uri, String accept, Duration within) throws FetchException {
        return get(uri, accept, null, null, within.compareTo(settings.totalTimeout()) < 0 ? within : settings.totalTimeout());
    }

    private FetchResponse get(URI uri, String accept, String etag, String lastModified, Duration within) throws FetchException {
        long deadline = System.nanoTime() + within.toNanos();
        URI current = uri;
        URI movedTo = null;
        boolean allPermanent = true;
        for (int hop = 0; ; hop++) {
            Hop answer = once(current, accept, etag, lastModified, deadline);
            int status = answer.response().status();
            if (!isRedirect(status) || answer.location() == null) {
                return answer.response().withAddresses(current, allPermanent ? movedTo : null);
            }
            if (hop == settings.maxRedirects()) {
                throw new FetchException(FetchException.Kind.TOO_MANY_REDIRECTS,
                        "more than " + settings.maxRedirects() + " redirects, the last to " + answer.location(), null);
            }
            URI next = resolve(current, answer.location());
            allPermanent &= status == 301 || status == 308;
            if (allPermanent) movedTo = next;
            current = next;
        }
    }

    private Hop once(URI uri, String accept, String etag, String lastModified, long deadline) throws FetchException {
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) || uri.getHost() == null) {
            throw new FetchException(FetchException.Kind.PROTOCOL, "only http and https URLs can be fetched: " + uri, null);
        }
        SimpleHttpRequest request = SimpleHttpRequest.create("GET", uri);
        if (accept != null) request.addHeader("Accept", accept);
        if (etag != null) request.addHeader("If-None-Match", etag);
        if (lastModified != null) request.addHeader("If-Modified-Since", lastModified);
        try (HostLimiter.Permit turn = hosts.acquire(uri.getHost())) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) throw totalTimeout(null);
            Future<Hop> answer = client.execute(SimpleRequestProducer.create(request),
                    new CappedConsumer(settings.maxBytes().toBytes()), null);
            try {
                return answer.get(remaining, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                answer.cancel(true);
                throw totalTimeout(e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw totalTimeout(e);
        } catch (ExecutionException e) {
            throw failure(e.getCause() == null ? e : e.getCause());
        }
    }

    private FetchException failure(Throwable cause) {
        return switch (cause) {
            case TooLargeException e -> new FetchException(FetchException.Kind.TOO_LARGE, e.getMessage(), e);
            case NetworkGuard.RefusedAddressException e -> new FetchException(FetchException.Kind.REFUSED, e.getMessage(), e);
            case UnknownHostException e -> new FetchException(FetchException.Kind.UNREACHABLE, "unknown host: " + e.getMessage(), e);
            case SocketTimeoutException e -> new FetchException(FetchException.Kind.TIMEOUT, "timed out: " + message(e), e);
            case ConnectException e -> new FetchException(FetchException.Kind.UNREACHABLE, "connection refused: " + message(e), e);
            case SSLException e -> new FetchException(FetchException.Kind.PROTOCOL, "TLS failed: " + message(e), e);
            case HttpException e -> new FetchException(FetchException.Kind.PROTOCOL, "protocol error: " + message(e), e);
            default -> new FetchException(FetchException.Kind.UNREACHABLE, message(cause), cause);
        };
    }

    private FetchException totalTimeout(Exception cause) {
        Duration total = settings.totalTimeout();
        return new FetchException(FetchException.Kind.TIMEOUT, "took longer than "
                + (total.toMillis() % 1000 == 0 ? total.toSeconds() + "s" : total.toMillis() + " ms") + " in all", cause);
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static URI resolve(URI base, String location) throws FetchException {
        try {
            return base.resolve(new URI(location.strip().replace(" ", "%20")));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new FetchException(FetchException.Kind.PROTOCOL, "redirect to an invalid address: " + location, e);
        }
    }

    /** One answer, and where it redirects to, if it does. */
    private record Hop(FetchResponse response, String location) {}

    /** Keeps a successful answer's body up to the size limit (the client has decompressed it already), failing beyond. */
    private static final class CappedConsumer extends AbstractBinResponseConsumer<Hop> {
        private final long max;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private HttpResponse head;
        private String contentType;

        CappedConsumer(long max) {
            this.max = max;
        }

        @Override
        protected void start(HttpResponse response, ContentType type) throws TooLargeException {
            this.head = response;
            this.contentType = type == null ? header(response, "Content-Type") : type.toString();
            // a body that says it is too large is refused before its first byte (a compressed one may still grow)
            String length = header(response, "Content-Length");
            boolean successful = response.getCode() >= 200 && response.getCode() < 300;
            if (successful && length != null && header(response, "Content-Encoding") == null && declared(length) > max) {
                throw new TooLargeException(max);
            }
        }

        private static long declared(String length) {
            try {
                return Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                return -1; // read, and counted as it comes
            }
        }

        @Override
        protected int capacityIncrement() {
            return 64 * 1024;
        }

        @Override
        protected void data(ByteBuffer data, boolean endOfStream) throws IOException {
            if (head.getCode() < 200 || head.getCode() >= 300) return; // only a successful answer's body is kept
            if (body.size() + data.remaining() > max) throw new TooLargeException(max);
            byte[] chunk = new byte[data.remaining()];
            data.get(chunk);
            body.write(chunk);
        }

        @Override
        protected Hop buildResult() {
            FetchResponse answer = new FetchResponse(head.getCode(), body.toByteArray(), contentType,
                    header(head, "ETag"), header(head, "Last-Modified"), null, null, header(head, "Retry-After"),
                    protocol(head));
            return new Hop(answer, header(head, "Location"));
        }

        @Override
        public void releaseResources() {}
    }

    /** "HTTP/1.1" or "HTTP/2" (not "HTTP/2.0": HTTP/2 has no minor version). */
    private static String protocol(HttpResponse response) {
        if (response.getVersion() == null) return null;
        return response.getVersion().getMajor() >= 2 ? "HTTP/" + response.getVersion().getMajor() : response.getVersion().format();
    }

    private static String header(HttpResponse response, String name) {
        Header h = response.getFirstHeader(name);
        return h == null ? null : h.getValue();
    }

    private static String message(Throwable e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }

    private static final class TooLargeException extends IOException {
        TooLargeException(long max) {
            super("response is larger than the limit of " + max + " bytes");
        }
    }
}
