package org.tidings.server.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;
import org.tidings.server.search.SearchIndex;
import org.tidings.server.store.EmbeddedDatabase;
import org.tidings.server.testing.FixtureServer;
import org.tidings.server.testing.RunningServer;
import org.tidings.server.testing.SmallDisk;

/** A restore refuses bad input with a sentence that says what to do, and changes nothing; so does a backup. */
class RestoreTest {

    @TempDir
    static Path shared;
    static Path backup;
    static BackupManifest taken;

    @TempDir
    Path work;

    /** One backup of a server with two articles, a reader (and the administrator) and her comment. */
    @BeforeAll
    static void backUp() throws Exception {
        Path data = shared.resolve("data");
        try (FixtureServer publisher = new FixtureServer(); RunningServer server = RunningServer.start(data)) {
            SmallSite.fill(server, publisher);
            backup = shared.resolve("backup");
            taken = server.bean(Backups.class).take(backup);
        }
        assertThat(taken.contents()).isEqualTo(new EmbeddedDatabase.Contents(EmbeddedDatabase.SCHEMA_VERSION, 2, 1, 2));
    }

    @Test
    void aGoodBackupIsRestoredAndCountedAgain() throws IOException {
        Path data = work.resolve("data");
        BackupManifest restored = Restore.restore(backup, data);
        assertThat(restored.contents()).isEqualTo(taken.contents());
        assertThat(EmbeddedDatabase.contentsOf(data.resolve("db"))).isEqualTo(taken.contents());
        assertThat(names(data)).containsExactly("db", "search");
        try (SearchIndex index = SearchIndex.open(data.resolve("search"))) {
            assertThat(index.size()).as("the index's copy, not one to rebuild").isEqualTo(2);
            assertThat(index.watermark()).isAfter(Instant.EPOCH);
        }
    }

    @Test
    void aDataDirectoryThatHoldsDataIsLeftAlone() throws IOException {
        Path data = work.resolve("data");
        Restore.restore(backup, data);
        Files.writeString(data.resolve("db/marker"), "the operator's own");
        long size = Files.size(data.resolve("db/tidings.mv.db"));
        refused(backup, data, data + " already holds data (db/): restore into a new or empty data directory");
        assertThat(Files.size(data.resolve("db/tidings.mv.db"))).isEqualTo(size);
        assertThat(data.resolve("db/marker")).hasContent("the operator's own");
    }

    @Test
    void anInterruptedBackupWithoutItsManifestIsRefused() throws IOException {
        Path copy = copyOfBackup();
        Files.delete(copy.resolve("manifest.properties"));
        refused(copy, work.resolve("data"), "is not a complete Tidings backup: it has no manifest.properties");
    }

    @Test
    void aBackupWithAFileMissingIsRefused() throws IOException {
        Path copy = copyOfBackup();
        String segments = taken.files().keySet().stream().filter(f -> f.startsWith("search/segments_")).findFirst().orElseThrow();
        Files.delete(copy.resolve(segments));
        refused(copy, work.resolve("data"), "is incomplete: " + segments + " is missing");
    }

    @Test
    void aDamagedDatabaseFileIsRefusedByItsChecksum() throws IOException {
        Path copy = copyOfBackup();
        byte[] zip = Files.readAllBytes(copy.resolve("database.zip"));
        zip[zip.length / 2] ^= 0x5a;
        Files.write(copy.resolve("database.zip"), zip);
        refused(copy, work.resolve("data"), "is damaged: database.zip differs from the manifest's checksum");
    }

    @Test
    void aDatabaseThatDoesNotHoldWhatTheManifestSaysIsRefusedAfterOpeningIt() throws IOException {
        Path copy = copyOfBackup();
        edit(copy, "articles=2", "articles=3");
        refused(copy, work.resolve("data"), "the backup's database does not hold what its manifest says");
    }

    @Test
    void aBackupOfANewerTidingsIsRefused() throws IOException {
        Path copy = copyOfBackup();
        int newer = EmbeddedDatabase.SCHEMA_VERSION + 1;
        edit(copy, "schema.version=" + EmbeddedDatabase.SCHEMA_VERSION, "schema.version=" + newer);
        edit(copy, "tidings.version=" + taken.tidingsVersion(), "tidings.version=9.0.0");
        refused(copy, work.resolve("data"), "this backup was made by a newer Tidings (9.0.0, database schema " + newer
                + "); this one knows schemas up to " + EmbeddedDatabase.SCHEMA_VERSION + ": restore it with Tidings 9.0.0 or newer");
    }

    @Test
    void aFullDiskRefusesTheRestoreUntilThereIsRoom() throws IOException {
        try (SmallDisk disk = SmallDisk.mount(Files.createDirectories(work.resolve("disk")), 32)) {
            Path data = disk.path().resolve("data");
            disk.fill();
            refused(backup, data, "not enough room in " + data);
            disk.free();
            assertThat(Restore.restore(backup, data).contents()).isEqualTo(taken.contents());
            assertThat(EmbeddedDatabase.contentsOf(data.resolve("db"))).isEqualTo(taken.contents());
        }
    }

    @Test
    void aBackupIsOnlyWrittenIntoANewOrEmptyDirectoryAndNothingIsKeptOfOneThatFailed() throws Exception {
        Path data = work.resolve("data");
        Restore.restore(backup, data);
        Path full = Files.createDirectories(work.resolve("full"));
        Files.writeString(full.resolve("notes.txt"), "keep me");
        try (RunningServer server = RunningServer.start(data, "--tidings.scheduler.enabled=false")) {
            assertThatThrownBy(() -> server.bean(Backups.class).take(full)).isInstanceOf(BackupRefused.class)
                    .hasMessage(full + " is not empty: give a new or empty directory for the backup.");
            assertThat(names(full)).containsExactly("notes.txt");

            try (SmallDisk disk = SmallDisk.mount(Files.createDirectories(work.resolve("disk")), 8)) {
                Path target = Files.createDirectories(disk.path().resolve("backup"));
                disk.fill();
                assertThatThrownBy(() -> server.bean(Backups.class).take(target)).isInstanceOf(BackupRefused.class)
                        .hasMessage("the backup failed (the disk is full); nothing was kept in " + target + ".");
                assertThat(names(target)).isEmpty();
            }
        }
    }

    private static void refused(Path from, Path data, String sentence) throws IOException {
        List<String> before = names(data);
        assertThatThrownBy(() -> Restore.restore(from, data)).isInstanceOf(BackupRefused.class).hasMessageContaining(sentence)
                .hasMessageContaining("Nothing was changed.");
        assertThat(names(data)).as("nothing written into the data directory").isEqualTo(before);
    }

    private Path copyOfBackup() throws IOException {
        Path copy = work.resolve("copy");
        FileSystemUtils.copyRecursively(backup, copy);
        return copy;
    }

    private static void edit(Path copy, String from, String to) throws IOException {
        Path manifest = copy.resolve("manifest.properties");
        String text = Files.readString(manifest, StandardCharsets.UTF_8);
        assertThat(text).contains(from + "\n");
        Files.writeString(manifest, text.replace(from + "\n", to + "\n"), StandardCharsets.UTF_8);
    }

    /** The names in a directory, sorted; none when it does not exist. */
    private static List<String> names(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
