package org.tidings.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.springframework.util.FileSystemUtils;

/**
 * A real OpenSearch node on 127.0.0.1, from Maven Central's test distribution that the build unpacks into
 * {@code target/opensearch} ({@code TIDINGS_OPENSEARCH_HOME}), with a small heap and its data in a temporary folder
 * (or, for a benchmark, a larger heap and a folder kept between runs: {@link #kept}).
 * OpenSearch refuses to run as root: as root it runs as the unprivileged user {@value #USER} ({@code .ci/run} makes it).
 * {@link #shared()} is one node for the whole test run, started when first asked for; {@link #cluster} starts nodes
 * that form one cluster. When a node cannot start, its tests are skipped, unless {@code TIDINGS_REQUIRE_OPENSEARCH=true}
 * (as in CI), where they fail instead.
 */
public final class OpenSearchNode implements AutoCloseable {

    public static final String USER = "tidings-search";
    private static final String KEPT = "kept";
    /** A node starts in about 30 s on this machine; more while other tests run. */
    private static final Duration START = Duration.ofSeconds(150);
    /** A kept node may have millions of documents to open, on a machine busy with other work. */
    private static final Duration KEPT_START = Duration.ofMinutes(10);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static OpenSearchNode shared;

    private final String name;
    private final int httpPort;
    private final int transportPort;
    private final Path dir;
    private final List<String> settings;
    private final String heap;
    private Process process;

    private OpenSearchNode(String name, int httpPort, int transportPort, Path dir, List<String> settings, String heap) {
        this.name = name;
        this.httpPort = httpPort;
        this.transportPort = transportPort;
        this.dir = dir;
        this.settings = settings;
        this.heap = heap;
    }

    /** The node shared by the test run's OpenSearch tests (stopped when the run ends); keep its indexes apart by prefix. */
    public static synchronized OpenSearchNode shared() {
        if (shared == null) {
            OpenSearchNode node = prepare("shared", freePort(), freePort(), List.of("discovery.type=single-node"));
            node.start();
            node.awaitHealth("yellow");
            Runtime.getRuntime().addShutdownHook(new Thread(node::close));
            shared = node;
        }
        return shared;
    }

    /** {@code size} nodes forming one cluster, started together; green or yellow once all have joined. */
    public static List<OpenSearchNode> cluster(int size) {
        List<Integer> transports = IntStream.range(0, size).mapToObj(i -> freePort()).toList();
        String seeds = transports.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
        String managers = IntStream.range(0, size).mapToObj(i -> "node-" + i).collect(Collectors.joining(","));
        String clusterName = "tidings-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        List<OpenSearchNode> nodes = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            nodes.add(prepare("node-" + i, freePort(), transports.get(i), List.of("cluster.name=" + clusterName,
                    "discovery.seed_hosts=" + seeds, "cluster.initial_cluster_manager_nodes=" + managers)));
        }
        nodes.forEach(OpenSearchNode::start);
        CompletableFuture.allOf(nodes.stream().map(n -> CompletableFuture.runAsync(() -> n.awaitNodes(size)))
                .toArray(CompletableFuture[]::new)).join();
        return nodes;
    }

    /**
     * A single node whose data is kept in {@code dir} between runs (a benchmark's index), with a heap of {@code heap}
     * ({@code 2g}); its settings are copied afresh from the distribution at each start. Started and healthy when
     * returned (within ten minutes); {@link #stop} and {@link #close} leave the data.
     */
    public static OpenSearchNode kept(Path dir, String heap) {
        try {
            FileSystemUtils.deleteRecursively(dir.resolve("config"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        OpenSearchNode node = prepare(KEPT, freePort(), freePort(), List.of("discovery.type=single-node"), dir, heap);
        node.start();
        node.awaitHealth("yellow");
        return node;
    }

    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    public String name() {
        return name;
    }

    private static OpenSearchNode prepare(String name, int httpPort, int transportPort, List<String> settings) {
        try {
            return prepare(name, httpPort, transportPort, settings, Files.createTempDirectory("tidings-opensearch-" + name + "-"), "256m");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OpenSearchNode prepare(String name, int httpPort, int transportPort, List<String> settings, Path dir, String heap) {
        String home = System.getenv("TIDINGS_OPENSEARCH_HOME");
        if (home == null || !Files.isExecutable(Path.of(home, "bin", "opensearch"))) {
            unavailable("no OpenSearch distribution at TIDINGS_OPENSEARCH_HOME=" + home + " (the build unpacks it into target/opensearch)", null);
        }
        try {
            describeAnalysisModule(Path.of(home));
            Path config = dir.resolve("config");
            FileSystemUtils.copyRecursively(Path.of(home, "config"), config);
            // the distribution writes its logs and heap dumps beside itself; here they go to the node's own folder
            String options = Files.readString(config.resolve("jvm.options"))
                    .replace("logs/", dir.resolve("logs") + "/").replace("HeapDumpPath=data", "HeapDumpPath=" + dir.resolve("data"))
                    .replaceAll("(?m)^-Xm[sx]1g$", "");
            Files.writeString(config.resolve("jvm.options"), options);
            Files.createDirectories(dir.resolve("data"));
            Files.createDirectories(dir.resolve("logs"));
            if (root()) run("chown", "-R", USER + ":", dir.toString());
            return new OpenSearchNode(name, httpPort, transportPort, dir, settings, heap);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The language analyzers' module: the build copies Maven Central's {@code analysis-common} jar beside the test
     * distribution's modules; a module is loaded from its folder with a descriptor, which the jar does not carry.
     */
    private static void describeAnalysisModule(Path home) throws IOException {
        Path module = home.resolve("modules").resolve("analysis-common");
        Path descriptor = module.resolve("plugin-descriptor.properties");
        if (!Files.isDirectory(module) || Files.exists(descriptor)) return;
        String version = home.getFileName().toString().replaceFirst("^opensearch-", "");
        Files.writeString(descriptor, String.join("\n",
                "description=Language analyzers and token filters (analysis-common)",
                "version=" + version,
                "name=analysis-common",
                "classname=org.opensearch.analysis.common.CommonAnalysisModulePlugin",
                "java.version=21",
                "opensearch.version=" + version, ""));
    }

    /** Starts the node (again, on the same data, after {@link #stop}); does not wait for it to answer. */
    public synchronized void start() {
        String home = System.getenv("TIDINGS_OPENSEARCH_HOME");
        List<String> command = new ArrayList<>();
        if (root()) command.addAll(List.of("runuser", "-u", USER, "--"));
        command.addAll(List.of("env", "OPENSEARCH_JAVA_HOME=" + System.getProperty("java.home"),
                "OPENSEARCH_PATH_CONF=" + dir.resolve("config"), "OPENSEARCH_JAVA_OPTS=-Xms" + heap + " -Xmx" + heap,
                Path.of(home, "bin", "opensearch").toString(),
                "-Enode.name=" + name, "-Enetwork.host=127.0.0.1", "-Ehttp.port=" + httpPort, "-Etransport.port=" + transportPort,
                "-Epath.data=" + dir.resolve("data"), "-Epath.logs=" + dir.resolve("logs"),
                // the test machine's disk may be fuller than a production node's: shards are placed all the same
                "-Ecluster.routing.allocation.disk.threshold_enabled=false"));
        settings.forEach(s -> command.add("-E" + s));
        try {
            process = new ProcessBuilder(command).directory(Path.of(home).toFile())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("console.log").toFile()).start();
        } catch (IOException e) {
            unavailable("OpenSearch could not be started: " + e.getMessage(), e);
        }
    }

    /** Waits until the cluster this node is in is at least {@code status} (yellow: every primary shard is placed). */
    public void awaitHealth(String status) {
        Duration within = name.equals(KEPT) ? KEPT_START : START;
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (process != null && !process.isAlive()) break;
            try {
                HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/_cluster/health?wait_for_status="
                        + status + "&timeout=2s")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) return;
            } catch (IOException e) {
                sleep(); // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        String log = consoleTail();
        close();
        unavailable("OpenSearch node " + name + " did not become " + status + " within " + within.toSeconds() + " s:\n" + log, null);
    }

    private void awaitNodes(int size) {
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/_cluster/health?wait_for_nodes="
                        + size + "&timeout=2s")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) return;
            } catch (IOException e) {
                sleep();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        unavailable("OpenSearch node " + name + " did not see " + size + " nodes within " + START.toSeconds() + " s:\n" + consoleTail(), null);
    }

    /** Stops the node as an operator would (SIGTERM to its process and the JVM under it) and waits until it has ended. */
    public void stop() {
        stop(false);
    }

    private synchronized void stop(boolean kill) {
        if (process == null) return;
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(kill ? ProcessHandle::destroyForcibly : ProcessHandle::destroy);
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
        process = null;
    }

    /** Ends the node at once and deletes its folder, data and all (a {@link #kept} node's folder stays). */
    @Override
    public void close() {
        stop(true);
        if (!name.equals(KEPT)) FileSystemUtils.deleteRecursively(dir.toFile());
    }

    private String consoleTail() {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("console.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no console log)";
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void run(String... command) throws IOException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) unavailable(String.join(" ", command) + " failed (is there a user " + USER + "? .ci/run adds it): " + out, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void unavailable(String message, Throwable cause) {
        if ("true".equalsIgnoreCase(System.getenv("TIDINGS_REQUIRE_OPENSEARCH"))) {
            throw new IllegalStateException(message + " (TIDINGS_REQUIRE_OPENSEARCH=true)", cause);
        }
        Assumptions.abort(message);
    }
}
