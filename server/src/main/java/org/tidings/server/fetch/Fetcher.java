package org.tidings.server.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;
import org.tidings.server.config.TidingsProperties;

/**
 * The one HTTP client of Tidings: every feed and page goes through it, so every fetch gets the
 * same limits (size after decompression, redirects, connect/read/total time), the same
 * identifying User-Agent, conditional GET, and the SSRF guard on every connection.
 */
public final class Fetcher implements AutoCloseable {

    private final CloseableHttpClient client;
    private final TidingsProperties.Fetch settings;
    private final HostLimiter hosts;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("fetch-deadline").factory());

    public Fetcher(TidingsProperties.Fetch settings) {
        this.settings = settings;
        this.hosts = new HostLimiter(settings.perHostConcurrency(), settings.perHostDelay());
        NetworkGuard guard = new NetworkGuard(settings.allowedNetworks());
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new GuardedResolver(guard))
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
    }

    static String userAgent(TidingsProperties.Fetch settings) {
        return settings.contactUrl().isBlank() ? settings.userAgent()
                : settings.userAgent() + " (+" + settings.contactUrl() + ")";
    }

    /**
     * GETs {@code uri}, conditionally when {@code etag} or {@code lastModified} is given, following
     * up to the configured number of redirects (each hop checked like the first). Any final HTTP
     * status is returned; only failures to get an answer at all throw. When every hop was a
     * permanent redirect (301, 308), {@link FetchResponse#movedTo()} says where the resource now lives.
     */
    public FetchResponse get(URI uri, String accept, String etag, String lastModified) throws FetchException {
        long deadline = System.nanoTime() + settings.totalTimeout().toNanos();
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
        HttpGet request = new HttpGet(uri);
        if (accept != null) request.addHeader("Accept", accept);
        if (etag != null) request.addHeader("If-None-Match", etag);
        if (lastModified != null) request.addHeader("If-Modified-Since", lastModified);
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) throw totalTimeout(null);
        ScheduledFuture<?> cancel = deadlines.schedule(request::cancel, remaining, TimeUnit.NANOSECONDS);
        try (HostLimiter.Permit turn = hosts.acquire(uri.getHost())) {
            return client.execute(request, this::read);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw totalTimeout(e);
        } catch (TooLargeException e) {
            throw new FetchException(FetchException.Kind.TOO_LARGE, e.getMessage(), e);
        } catch (NetworkGuard.RefusedAddressException e) {
            throw new FetchException(FetchException.Kind.REFUSED, e.getMessage(), e);
        } catch (UnknownHostException e) {
            throw new FetchException(FetchException.Kind.UNREACHABLE, "unknown host: " + e.getMessage(), e);
        } catch (SocketTimeoutException e) {
            throw new FetchException(FetchException.Kind.TIMEOUT, "timed out: " + e.getMessage(), e);
        } catch (ClientProtocolException e) {
            throw new FetchException(FetchException.Kind.PROTOCOL, "protocol error: " + message(e), e);
        } catch (InterruptedIOException e) {
            throw totalTimeout(e);
        } catch (IOException e) {
            if (request.isCancelled()) throw totalTimeout(e);
            throw new FetchException(FetchException.Kind.UNREACHABLE, message(e), e);
        } finally {
            cancel.cancel(false);
        }
    }

    private FetchException totalTimeout(Exception cause) {
        return new FetchException(FetchException.Kind.TIMEOUT,
                "took longer than " + settings.totalTimeout().toSeconds() + "s in all", cause);
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

    private Hop read(ClassicHttpResponse response) throws IOException {
        int status = response.getCode();
        HttpEntity entity = response.getEntity();
        byte[] body = new byte[0];
        if (status >= 200 && status < 300 && entity != null) {
            body = readCapped(entity, settings.maxBytes().toBytes());
        }
        FetchResponse answer = new FetchResponse(status, body,
                entity == null ? header(response, "Content-Type") : entity.getContentType(),
                header(response, "ETag"), header(response, "Last-Modified"), null, null, header(response, "Retry-After"));
        return new Hop(answer, header(response, "Location"));
    }

    private static byte[] readCapped(HttpEntity entity, long max) throws IOException {
        if (entity.getContentLength() > max) throw new TooLargeException(entity.getContentLength(), max);
        try (InputStream in = entity.getContent()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (bytes.length > max) throw new TooLargeException(-1, max);
            return bytes;
        }
    }

    private static String header(ClassicHttpResponse response, String name) {
        Header h = response.getFirstHeader(name);
        return h == null ? null : h.getValue();
    }

    private static String message(Exception e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    @Override
    public void close() throws IOException {
        deadlines.shutdownNow();
        client.close();
    }

    private static final class TooLargeException extends IOException {
        TooLargeException(long length, long max) {
            super(length > 0 ? "response of " + length + " bytes is larger than the limit of " + max + " bytes"
                    : "response is larger than the limit of " + max + " bytes");
        }
    }

    /** Resolves names as usual, then refuses every address the guard does not allow. */
    private static final class GuardedResolver extends SystemDefaultDnsResolver {
        private final NetworkGuard guard;

        GuardedResolver(NetworkGuard guard) {
            this.guard = guard;
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            InetAddress[] addresses = super.resolve(host);
            for (InetAddress address : addresses) guard.check(host, address);
            return addresses;
        }
    }
}
