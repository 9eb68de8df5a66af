package org.tidings.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's nginx as a load balancer in front of Tidings processes on loopback, configured as the README's "When one
 * box is not enough" shows: round robin, idempotent requests that fail on one process (connection refused or reset,
 * a timeout, a 502/503/504) retried on the next, never a POST. Started as a child process with a configuration and
 * temporary folders of its own under {@code dir}.
 *
 * <p>When nginx is missing the test is skipped, unless {@code TIDINGS_REQUIRE_NGINX=true} (CI), when it fails.
 */
public final class Balancer implements AutoCloseable {

    private static final Path NGINX = Path.of("/usr/sbin/nginx");

    private final Process process;
    private final int port;
    private final Path errorLog;

    private Balancer(Process process, int port, Path errorLog) {
        this.process = process;
        this.port = port;
        this.errorLog = errorLog;
    }

    /** Starts nginx on a free loopback port, balancing over {@code upstreams} ({@code 127.0.0.1:PORT} each). */
    public static Balancer start(Path dir, List<String> upstreams) throws IOException, InterruptedException {
        requireNginx();
        Files.createDirectories(dir);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path conf = dir.resolve("nginx.conf");
        Files.writeString(conf, configuration(dir, port, upstreams), StandardCharsets.UTF_8);
        Path out = dir.resolve("nginx.out");
        Process process = new ProcessBuilder(NGINX.toString(), "-p", dir.toString(), "-c", conf.toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        Balancer balancer = new Balancer(process, port, dir.resolve("error.log"));
        balancer.awaitListening(out);
        return balancer;
    }

    /** The configuration: the README's example, with this test's ports and folders. */
    static String configuration(Path dir, int port, List<String> upstreams) {
        StringBuilder servers = new StringBuilder();
        for (String upstream : upstreams) servers.append("    server ").append(upstream).append(" max_fails=1 fail_timeout=10s;\n");
        // a worker started by root runs as "nobody", who cannot enter the test's private temporary folder
        String user = "root".equals(System.getProperty("user.name")) ? "user root;\n" : "";
        return user + """
                worker_processes 1;
                error_log %1$s/error.log warn;
                pid %1$s/nginx.pid;
                events { worker_connections 512; }
                http {
                  access_log off;
                  client_body_temp_path %1$s/client_body;
                  proxy_temp_path %1$s/proxy;
                  fastcgi_temp_path %1$s/fastcgi;
                  uwsgi_temp_path %1$s/uwsgi;
                  scgi_temp_path %1$s/scgi;
                  upstream tidings {
                %2$s  }
                  server {
                    listen 127.0.0.1:%3$d;
                    client_max_body_size 10m;
                    location / {
                      proxy_pass http://tidings;
                      proxy_set_header Host $http_host;
                      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                      proxy_set_header X-Forwarded-Proto $scheme;
                      proxy_next_upstream error timeout http_502 http_503 http_504;
                      proxy_next_upstream_tries 3;
                      proxy_connect_timeout 2s;
                      proxy_read_timeout 60s;
                    }
                  }
                }
                """.formatted(dir, servers, port);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public Browser browser() {
        return new Browser(url(""));
    }

    private void awaitListening(Path out) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx stopped: " + Files.readString(out) + read(errorLog));
            }
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        close();
        throw new IllegalStateException("nginx did not listen within 20 s: " + read(errorLog));
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireNginx() {
        if (Files.isExecutable(NGINX)) return;
        String message = "nginx missing (" + NGINX + "): apt-get install nginx";
        if ("true".equalsIgnoreCase(System.getenv("TIDINGS_REQUIRE_NGINX"))) throw new IllegalStateException(message);
        Assumptions.abort(message);
    }

    @Override
    public void close() {
        process.destroy(); // SIGTERM: nginx's fast shutdown
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
