package org.tidings.server.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A small filesystem of a test's own, to fill up: a size-limited tmpfs mounted on a directory, which only root may do.
 * Without root (or where mounting is not allowed) its tests are skipped, unless {@code TIDINGS_REQUIRE_SMALL_DISK=true}
 * (as in CI, which runs as root), where they fail instead.
 */
public final class SmallDisk implements AutoCloseable {

    private final Path root;
    private final Path filler;

    private SmallDisk(Path root) {
        this.root = root;
        this.filler = root.resolve("filler");
    }

    /** Mounts a tmpfs of {@code megabytes} on {@code dir} (an empty directory). */
    public static SmallDisk mount(Path dir, int megabytes) {
        String refused = run(List.of("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tidings-small-disk", dir.toString()));
        if (refused != null) {
            String message = "cannot mount a small filesystem (root is needed): " + refused;
            if ("true".equalsIgnoreCase(System.getenv("TIDINGS_REQUIRE_SMALL_DISK"))) {
                throw new IllegalStateException(message + " (TIDINGS_REQUIRE_SMALL_DISK=true)");
            }
            Assumptions.abort(message);
        }
        return new SmallDisk(dir);
    }

    public Path path() {
        return root;
    }

    /** Takes every free byte with a file of its own, until the filesystem says it is full. */
    public void fill() throws IOException {
        try (OutputStream out = Files.newOutputStream(filler)) {
            byte[] block = new byte[64 * 1024];
            while (true) out.write(block);
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("No space left")) throw full;
        }
    }

    /** Bytes that may still be written. */
    public long usable() throws IOException {
        return Files.getFileStore(root).getUsableSpace();
    }

    /** Gives the space {@link #fill} took back. */
    public void free() throws IOException {
        Files.deleteIfExists(filler);
    }

    /** Unmounts it, with whatever was written there; lazily if something still has a file open. */
    @Override
    public void close() {
        if (run(List.of("umount", root.toString())) != null) run(List.of("umount", "-l", root.toString()));
    }

    /** Runs a command; null when it succeeded, else what it said. */
    private static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return String.join(" ", command) + " did not finish";
            }
            return p.exitValue() == 0 ? null : String.join(" ", command) + ": exit " + p.exitValue() + " " + said;
        } catch (IOException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
