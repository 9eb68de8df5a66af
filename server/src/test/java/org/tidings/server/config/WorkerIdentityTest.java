package org.tidings.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.server.testing.Settings;

/** A process's name in claims: the same slot when started again, never the slot of a process running at once. */
class WorkerIdentityTest {

    @TempDir
    Path data;

    private TidingsProperties on(Path dataDir, String... keys) {
        Map<String, String> settings = new java.util.HashMap<>(Map.of("tidings.data-dir", dataDir.toString()));
        for (int i = 0; i < keys.length; i += 2) settings.put(keys[i], keys[i + 1]);
        return Settings.with(settings);
    }

    @Test
    void aProcessStartedAgainOnItsDataDirectoryHasItsSlotAndANewInstance() throws Exception {
        String first, second;
        String firstSlot, secondSlot;
        try (WorkerIdentity before = new WorkerIdentity(on(data))) {
            first = before.id();
            firstSlot = before.slotPrefix();
        }
        try (WorkerIdentity after = new WorkerIdentity(on(data))) {
            second = after.id();
            secondSlot = after.slotPrefix();
        }
        assertThat(secondSlot).isEqualTo(firstSlot).endsWith("#");
        assertThat(first).startsWith(firstSlot);
        assertThat(second).startsWith(secondSlot).isNotEqualTo(first);
        assertThat(Files.readString(data.resolve("workers/1")).strip() + "#").isEqualTo(firstSlot);
    }

    @Test
    void twoProcessesOnOneDataDirectoryAtOnceNeverShareASlot() throws Exception {
        try (WorkerIdentity writer = new WorkerIdentity(on(data)); WorkerIdentity reader = new WorkerIdentity(on(data))) {
            assertThat(reader.slotPrefix()).isNotEqualTo(writer.slotPrefix());
            assertThat(reader.id()).doesNotStartWith(writer.slotPrefix());
            assertThat(writer.id()).doesNotStartWith(reader.slotPrefix());
        }
    }

    @Test
    void aProcessRunningOnTheDataDirectoryKeepsItsSlotAndAProcessKilledLeavesItsSlotFree() throws Exception {
        Process other = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), SlotHolder.class.getName(), data.toString()).start();
        try {
            String othersSlot = new java.io.BufferedReader(new java.io.InputStreamReader(other.getInputStream())).readLine();
            assertThat(othersSlot).as("the other process's slot").endsWith("#");
            try (WorkerIdentity here = new WorkerIdentity(on(data))) {
                assertThat(here.slotPrefix()).as("not while it runs").isNotEqualTo(othersSlot);
                other.destroyForcibly().waitFor();
                try (WorkerIdentity next = new WorkerIdentity(on(data))) {
                    assertThat(next.slotPrefix()).as("free once it is killed").isEqualTo(othersSlot);
                }
            }
        } finally {
            other.destroyForcibly();
        }
    }

    /** Another process on the data directory: says its slot, then runs until killed. */
    public static final class SlotHolder {
        public static void main(String[] args) throws Exception {
            WorkerIdentity identity = new WorkerIdentity(Settings.with(Map.of("tidings.data-dir", args[0])));
            System.out.println(identity.slotPrefix());
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    @Test
    void aSlotFreedByItsProcessIsTheNextProcesssOwn() throws Exception {
        WorkerIdentity first = new WorkerIdentity(on(data));
        try (WorkerIdentity second = new WorkerIdentity(on(data))) {
            String firstSlot = first.slotPrefix();
            first.close(); // as the operating system ends the lock of a process killed with -9
            try (WorkerIdentity third = new WorkerIdentity(on(data))) {
                assertThat(third.slotPrefix()).isEqualTo(firstSlot).isNotEqualTo(second.slotPrefix());
            }
        }
    }

    @Test
    void aConfiguredWorkerIdIsTheSlot() throws Exception {
        try (WorkerIdentity configured = new WorkerIdentity(on(data, "tidings.scheduler.worker-id", "web-2"))) {
            assertThat(configured.slotPrefix()).isEqualTo("web-2#");
            assertThat(configured.id()).matches("web-2#[0-9a-f]{8}");
        }
        assertThat(data.resolve("workers")).doesNotExist();
        assertThatThrownBy(() -> new WorkerIdentity(on(data, "tidings.scheduler.worker-id", "web#2")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'#'");
    }

    @Test
    void theDemoInMemoryWritesNothing() throws Exception {
        try (WorkerIdentity demo = new WorkerIdentity(on(data, "tidings.demo", "true"))) {
            assertThat(demo.id()).contains("#");
        }
        assertThat(data.resolve("workers")).doesNotExist();
    }
}
