package org.tidings.server.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on 127.0.0.1 for tests: each path answers with what the test put there,
 * and every request is recorded (path, User-Agent, conditional headers).
 */
public final class FixtureServer implements AutoCloseable {

    /** What a path answers. */
    @FunctionalInterface
    public interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    /** One request as the server saw it. */
    public record Request(String path, String userAgent, String ifNoneMatch, String ifModifiedSince) {}

    private final HttpServer server;
    private final Map<String, Handler> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public FixtureServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::dispatch);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public FixtureServer route(String path, Handler handler) {
        routes.put(path, handler);
        return this;
    }

    /** Serves {@code body} with {@code contentType} and status 200 at {@code path}. */
    public FixtureServer serve(String path, String contentType, String body) {
        return route(path, exchange -> respond(exchange, 200, contentType, body.getBytes(StandardCharsets.UTF_8)));
    }

    public int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public static void respond(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        var headers = exchange.getRequestHeaders();
        requests.add(new Request(path, headers.getFirst("User-Agent"), headers.getFirst("If-None-Match"),
                headers.getFirst("If-Modified-Since")));
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        Handler handler = routes.get(path);
        try {
            if (handler == null) respond(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
            else handler.handle(exchange);
        } finally {
            exchange.close();
        }
    }

    /** An address on a publisher whose server has stopped: connections to it are refused. */
    public static String stopped(String path) {
        try (FixtureServer gone = new FixtureServer()) {
            return gone.url(path);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
