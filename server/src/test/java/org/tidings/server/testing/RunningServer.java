package org.tidings.server.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.ConfigurableApplicationContext;
import org.tidings.server.TidingsApplication;

/**
 * A whole Tidings server started for a test, on a free port, talking real HTTP; with a browser-
 * like client that keeps cookies and can fill in CSRF tokens.
 */
public final class RunningServer implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private RunningServer(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * Starts a server with a test's settings: port 0, a data directory under {@code dataDir}, a
     * fast scheduler, fetching from 127.0.0.1 allowed, no default sources; {@code extra}
     * arguments override.
     */
    public static RunningServer start(Path dataDir, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--tidings.port=0",
                "--tidings.data-dir=" + dataDir,
                "--tidings.seed-default-sources=false",
                "--tidings.admin.password=correct horse battery staple",
                "--tidings.fetch.allowed-networks=127.0.0.1/32",
                "--tidings.scheduler.tick=200ms",
                "--spring.main.banner-mode=off"));
        args.addAll(List.of(extra));
        return new RunningServer(TidingsApplication.start(args.toArray(String[]::new)));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port") + path;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET().build());
    }

    /** Posts a form; {@code csrfFrom} is a page whose first form's CSRF token is sent along (null: none). */
    public HttpResponse<String> post(String path, Map<String, String> form, String csrfFrom) {
        Map<String, String> fields = new java.util.LinkedHashMap<>(form);
        if (csrfFrom != null) fields.put("_csrf", csrfToken(get(csrfFrom).body()));
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Signs in as the administrator of {@link #start}. */
    public void signInAsAdmin() {
        HttpResponse<String> r = post("/login", Map.of("username", "admin", "password", "correct horse battery staple"), "/login");
        if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("sign-in failed: " + r.statusCode() + " " + r.headers().map());
        }
    }

    public static String csrfToken(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        if (!m.find()) throw new IllegalStateException("no CSRF token in page");
        return m.group(1);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        context.close();
    }
}
