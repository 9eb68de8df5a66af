package org.tidings.server.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Tidings in a process of its own, started as {@code ./tidings serve} starts it, on this test's class path: for tests
 * that kill it as a crash would ({@link #kill()}, SIGKILL) and start it again on the same data directory.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Duration START = Duration.ofSeconds(90);

    /**
     * The JVM of a test's server: the client compiler alone and the serial collector, half the processor time to start,
     * which is most of what the tests spend; the server's work in them is small.
     */
    private static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final Process process;
    private final int port;
    private final Path log;
    /** Where in the log {@link #awaitLog} reads next: this run's lines only, each once. */
    private long read;
    private final ByteArrayOutputStream partLine = new ByteArrayOutputStream();

    private ServerProcess(Process process, int port, Path log, long start) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.read = start;
    }

    /** Starts Tidings on {@code dataDir} with the settings of {@link RunningServer#start} and these, and waits until it is ready. */
    public static ServerProcess start(Path dataDir, String... settings) throws Exception {
        return start(QUICK_START, dataDir, settings);
    }

    /** As {@link #start(Path, String...)}, with these options for the process's JVM instead, e.g. {@code -Xmx1g}. */
    public static ServerProcess start(List<String> jvmOptions, Path dataDir, String... settings) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.tidings.server.cli.Tidings", "serve",
                "--logging.level.root=WARN"));
        command.addAll(List.of(RunningServer.settings(dataDir, port, settings)));
        // one log for every start on this data directory, the crashed ones' included
        Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        long start = Files.exists(log) ? Files.size(log) : 0;
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        ServerProcess server = new ServerProcess(process, port, log, start);
        server.awaitReady();
        return server;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** The operating system's id of the process: for {@code jcmd} and {@code /proc}. */
    public long pid() {
        return process.pid();
    }

    /** The file that receives everything the process writes (its log lines, and anything else on stdout or stderr). */
    public Path log() {
        return log;
    }

    public Browser browser() {
        return new Browser("http://127.0.0.1:" + port);
    }

    /**
     * Waits for the next line of this run's log that {@code pattern} finds, reading on from the line the last call
     * returned; returns it. Lines come as the server writes them (a few milliseconds late at most), so a test can act
     * on an event at once: kill the process right after a round of a stage, say (the {@code Stage} logger at DEBUG).
     */
    public String awaitLog(Pattern pattern, Duration within) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            try (SeekableByteChannel channel = Files.newByteChannel(log)) {
                channel.position(read);
                ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
                int n;
                while ((n = channel.read(buffer)) > 0) {
                    for (int i = 0; i < n; i++) {
                        read++;
                        byte b = buffer.get(i);
                        if (b != '\n') {
                            partLine.write(b);
                            continue;
                        }
                        String line = partLine.toString(StandardCharsets.UTF_8);
                        partLine.reset();
                        if (pattern.matcher(line).find()) return line;
                    }
                    buffer.clear();
                }
            }
            if (System.nanoTime() > deadline) throw new IllegalStateException("no line of the log matched " + pattern + " within " + within);
            if (!process.isAlive()) throw new IllegalStateException("Tidings stopped: exit " + process.exitValue());
            Thread.sleep(2);
        }
    }

    /** Ends the process as a crash or {@code kill -9} would: no shutdown hook, nothing flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    private void awaitReady() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("Tidings stopped while starting: exit " + process.exitValue());
            try {
                var ready = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) return;
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        kill();
        throw new IllegalStateException("Tidings was not ready within " + START);
    }

    @Override
    public void close() {
        try {
            kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
