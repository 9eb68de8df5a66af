package org.tidings.server.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;
import org.tidings.server.store.DatabaseOutage;
import org.tidings.server.store.EmbeddedDatabase;

/**
 * Puts a backup back into a data directory where the server is stopped and that holds no data yet. Everything is
 * checked before anything is moved into place: the manifest, every file's size and checksum, the schema's version,
 * room on the disk; then the database and the index are written beside the data directory's own ({@code .restore-*}),
 * the database is opened and counted, and only then are both moved into place. A refusal leaves the data directory as
 * it was.
 */
public final class Restore {

    private static final Logger log = LoggerFactory.getLogger(Restore.class);
    static final String DATABASE = "db";
    /** Room kept free beyond the restored files: the database grows a little when it first opens. */
    private static final long MARGIN = 16L << 20;

    private Restore() {}

    /** Restores the backup in {@code backup} into {@code dataDir}; returns its manifest. */
    public static BackupManifest restore(Path backup, Path dataDir) {
        backup = backup.toAbsolutePath().normalize();
        dataDir = dataDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(backup)) throw new BackupRefused(backup + " is not a directory: give the directory a backup was written to.");
        BackupManifest manifest = BackupManifest.read(backup);
        if (manifest.schemaVersion() > EmbeddedDatabase.SCHEMA_VERSION) {
            throw new BackupRefused("this backup was made by a newer Tidings (" + manifest.tidingsVersion() + ", database schema "
                    + manifest.schemaVersion() + "); this one knows schemas up to " + EmbeddedDatabase.SCHEMA_VERSION
                    + ": restore it with Tidings " + manifest.tidingsVersion() + " or newer. Nothing was changed.");
        }
        for (String held : new String[] {DATABASE, Backups.SEARCH}) {
            if (Backups.holdsFiles(dataDir.resolve(held))) {
                throw new BackupRefused(dataDir + " already holds data (" + held + "/): restore into a new or empty data directory,"
                        + " or move this one aside first. Nothing was changed.");
            }
        }
        checkFiles(backup, manifest);
        Path staging = dataDir.resolve(".restore-" + UUID.randomUUID().toString().substring(0, 8));
        try {
            checkRoom(backup, manifest, dataDir);
            Files.createDirectories(dataDir);
            DatabaseArchive.extract(backup.resolve(DatabaseArchive.FILE), staging.resolve(DATABASE));
            FileSystemUtils.copyRecursively(backup.resolve(Backups.SEARCH), staging.resolve(Backups.SEARCH));
            EmbeddedDatabase.Contents found = EmbeddedDatabase.contentsOf(staging.resolve(DATABASE));
            if (!found.equals(manifest.contents())) {
                throw new BackupRefused("the backup's database does not hold what its manifest says (manifest: " + manifest.contents()
                        + "; database: " + found + "): the backup is damaged. Nothing was changed.");
            }
            for (String part : new String[] {DATABASE, Backups.SEARCH}) {
                Files.deleteIfExists(dataDir.resolve(part)); // an empty directory, checked above
                Files.move(staging.resolve(part), dataDir.resolve(part), StandardCopyOption.ATOMIC_MOVE);
            }
            return manifest;
        } catch (IOException | UncheckedIOException e) {
            if (DatabaseOutage.diskFull(e)) throw new BackupRefused("the disk of " + dataDir + " is full: make room and restore again. Nothing was changed.", e);
            throw new BackupRefused("the restore failed (" + e.getMessage() + "). Nothing was changed.", e);
        } finally {
            try {
                FileSystemUtils.deleteRecursively(staging);
            } catch (IOException e) {
                log.atWarn().addKeyValue("event", "restore_cleanup_failed").log("could not remove {}: {}", staging, e.getMessage());
            }
        }
    }

    /** Every file the manifest lists is there, of its size and checksum. */
    private static void checkFiles(Path backup, BackupManifest manifest) {
        if (!manifest.files().containsKey(DatabaseArchive.FILE)) {
            throw new BackupRefused("the backup in " + backup + " is incomplete: its manifest lists no " + DatabaseArchive.FILE + ".");
        }
        for (Map.Entry<String, BackupManifest.FileSum> listed : manifest.files().entrySet()) {
            Path file = backup.resolve(listed.getKey()).normalize();
            if (!file.startsWith(backup) || !Files.isRegularFile(file)) {
                throw new BackupRefused("the backup in " + backup + " is incomplete: " + listed.getKey() + " is missing. Nothing was changed.");
            }
            try {
                if (!BackupManifest.FileSum.of(file).equals(listed.getValue())) {
                    throw new BackupRefused("the backup in " + backup + " is damaged: " + listed.getKey()
                            + " differs from the manifest's checksum. Nothing was changed.");
                }
            } catch (IOException e) {
                throw new BackupRefused("the backup's " + listed.getKey() + " cannot be read (" + e.getMessage() + "). Nothing was changed.", e);
            }
        }
    }

    private static void checkRoom(Path backup, BackupManifest manifest, Path dataDir) throws IOException {
        long search = manifest.files().entrySet().stream().filter(f -> f.getKey().startsWith(Backups.SEARCH + "/"))
                .mapToLong(f -> f.getValue().size()).sum();
        long needed = DatabaseArchive.extractedSize(backup.resolve(DatabaseArchive.FILE)) + search + MARGIN;
        Path existing = dataDir;
        while (!Files.exists(existing)) existing = existing.getParent();
        FileStore disk = Files.getFileStore(existing);
        if (disk.getUsableSpace() < needed) {
            throw new BackupRefused("not enough room in " + dataDir + ": the restore needs " + megabytes(needed) + " MB, "
                    + megabytes(disk.getUsableSpace()) + " MB are free. Make room and restore again. Nothing was changed.");
        }
    }

    private static long megabytes(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }
}
