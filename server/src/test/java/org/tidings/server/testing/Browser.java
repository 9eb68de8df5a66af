package org.tidings.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser-like HTTP client for one reader: keeps its cookies, fills in CSRF tokens, never follows redirects. */
public final class Browser {

    /** The server's address, without a slash at the end: {@code http://127.0.0.1:PORT}. */
    private final String base;
    private final CookieManager cookies;
    private final HttpClient http;
    private final Map<String, String> headers = new LinkedHashMap<>();

    Browser(RunningServer server) {
        this(server.url(""));
    }

    /** A browser of the Tidings server at {@code base}, e.g. one running in a process of its own. */
    public Browser(String base) {
        this(base, new CookieManager());
    }

    private Browser(String base, CookieManager cookies) {
        this.base = base;
        this.cookies = cookies;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * The same reader, with the same cookies, at another server of the same host ({@code http://127.0.0.1:PORT}):
     * another process behind a balancer, or the same one restarted on another port. A browser sends a host's cookies
     * to any of its ports.
     */
    public Browser at(String otherBase) {
        return new Browser(otherBase, cookies);
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    /**
     * Sends this header with every later request, e.g. {@code X-Forwarded-For} to appear to come
     * from another address through the (trusted, loopback) proxy.
     */
    public Browser withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** The value of this browser's cookie of that name, or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    /** A GET with request headers of the reader's browser, e.g. {@code Accept-Language}. */
    public HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        headers.forEach(request::header);
        return send(request.build());
    }

    /** Posts a form; {@code csrfFrom} is a page whose first form's CSRF token is sent along (null: none). */
    public HttpResponse<String> post(String path, Map<String, String> form, String csrfFrom) {
        Map<String, String> fields = new LinkedHashMap<>(form);
        if (csrfFrom != null) fields.put("_csrf", csrfToken(get(csrfFrom).body()));
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Posts one file as multipart/form-data, with the CSRF token of {@code csrfFrom}'s first form. */
    public HttpResponse<String> postFile(String path, String field, String filename, byte[] content, String csrfFrom) {
        String boundary = "----tidings" + System.nanoTime();
        String token = csrfToken(get(csrfFrom).body());
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** Signs in as the administrator of {@link #start}. */
    public void signInAsAdmin() {
        signIn("admin", "correct horse battery staple");
    }

    /** Signs in through the login form; fails the test when the server refuses. */
    public void signIn(String username, String password) {
        HttpResponse<String> r = post("/login", Map.of("username", username, "password", password), "/login");
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
        if (!headers.isEmpty()) {
            HttpRequest.Builder withHeaders = HttpRequest.newBuilder(request, (n, v) -> true);
            headers.forEach(withHeaders::header);
            request = withHeaders.build();
        }
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

}
