package org.tidings.server.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@link ClusterCommand} end to end (JSON lines in and out), twice, over items written by core's
 * {@code org.tidings.story.StorySpeedHarness} (its third argument).
 *
 * <p>Run: {@code bench/run server org.tidings.server.cli.ClusterCommandSpeed /tmp/items.jsonl}
 */
public final class ClusterCommandSpeed {

    public static void main(String[] args) throws IOException {
        byte[] jsonl = Files.readAllBytes(Path.of(args[0]));
        long items = jsonl.length == 0 ? 0 : new String(jsonl).lines().count();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int run = 0; run < 2; run++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            int status = ClusterCommand.run(List.of(), new ByteArrayInputStream(jsonl),
                    new PrintStream(OutputStream.nullOutputStream()), System.err);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
            System.out.printf("cluster command run %d: status %d, %.0f items/s wall (%.2f s), %.0f items/s of CPU time (JSON in and out)%n",
                    run + 1, status, items / seconds, seconds, items / cpuSeconds);
        }
    }
}
