package org.tidings.server.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tidings.server.testing.RunningServer;

/**
 * Requests the web server refuses before Tidings sees them (a NUL in the path, an oversized header or form) still get
 * a page that no other site may frame and that runs no script: the same protection as every page of Tidings.
 */
class ServerErrorPagesTest {

    @TempDir
    static Path dataDir;
    static RunningServer server;

    @BeforeAll
    static void start() {
        server = RunningServer.start(dataDir, "--tidings.scheduler.enabled=false");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"nul-in-path", "encoded-slash", "huge-header", "huge-form", "bad-version"})
    void refusedRequestsAreAnsweredWithAProtectedPage(String kind) throws IOException {
        String response = send(kind);
        String head = response.substring(0, Math.max(0, response.indexOf("\r\n\r\n"))).toLowerCase(Locale.ROOT);
        assertThat(head).as(kind).matches("(?s)http/1\\.1 [45]\\d\\d .*");
        // Tidings' own error page (a form too large is refused by the servlet) or the web server's: protected alike
        assertThat(head).as(kind).contains("content-security-policy: default-src ", "frame-ancestors 'none'",
                "x-frame-options: deny", "x-content-type-options: nosniff").doesNotContain("unsafe-inline");
        assertThat(response).as(kind).doesNotContain("etc/passwd", "%2F", "org.eclipse", "badMessage");
    }

    private static String send(String kind) throws IOException {
        URI base = URI.create(server.url("/"));
        String host = "Host: 127.0.0.1:" + base.getPort() + "\r\n";
        byte[] request = switch (kind) {
            case "nul-in-path" -> ("GET /article/%00 HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            case "encoded-slash" -> ("GET /static/..%2F..%2Fetc/passwd HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            case "huge-header" -> ("GET / HTTP/1.1\r\n" + host + "X-Filler: " + "a".repeat(64 * 1024) + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            case "huge-form" -> {
                String body = "username=" + "a".repeat(3 * 1024 * 1024);
                yield ("POST /login HTTP/1.1\r\n" + host + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                        + body.length() + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII);
            }
            case "bad-version" -> ("GET / HTTP/7.3\r\n" + host + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            default -> throw new IllegalArgumentException(kind);
        };
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException closedEarly) {
                // the server may answer and close before the whole body is sent: its answer is still there to read
            }
            return response(socket.getInputStream());
        }
    }

    /** One response, read up to the end of its body: a connection the server keeps open is not waited on. */
    private static String response(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) return head.toString();
            head.append((char) b);
        }
        Matcher length = Pattern.compile("(?im)^content-length:\\s*(\\d+)").matcher(head);
        byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : in.readAllBytes();
        return head + new String(body, StandardCharsets.UTF_8);
    }
}
