package org.tidings.server.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;
import org.tidings.server.config.Version;
import org.tidings.server.search.SearchIndex;
import org.tidings.server.store.DatabaseOutage;
import org.tidings.server.store.EmbeddedDatabase;

/**
 * Takes a backup of this server's embedded database and search index while it runs, into a directory of its own:
 * {@code search/} (the index as committed when the backup begins), {@code database.zip} (H2's copy of the database as of one moment, taken
 * after the index's: the index is then never ahead of the database, and the restored server brings it up to date from
 * its watermark as after a restart) and {@code manifest.properties}, written last once the copy has been opened and
 * counted.
 */
@Component
public class Backups {

    private static final Logger log = LoggerFactory.getLogger(Backups.class);
    static final String SEARCH = "search";
    private static final String CHECK = ".check";

    private final EmbeddedDatabase database;
    /** Null when the articles are searched on an OpenSearch cluster, which is backed up with its own snapshots. */
    private final SearchIndex index;
    private final Clock clock;

    public Backups(EmbeddedDatabase database, ObjectProvider<SearchIndex> index, Clock clock) {
        this.database = database;
        this.index = index.getIfAvailable();
        this.clock = clock;
    }

    /** Whether this server's data can be backed up by Tidings (not PostgreSQL's, which pg_dump backs up; not the demo's). */
    public boolean possible() {
        return database.onDisk();
    }

    /** Writes a backup into {@code dir} (new or empty); on failure nothing is left in it. One backup at a time. */
    public synchronized BackupManifest take(Path dir) {
        if (!possible()) {
            throw new BackupRefused("this server's database is not the embedded one in its data directory: back PostgreSQL up"
                    + " with pg_dump (README, \"Backups\"); the demo keeps nothing.");
        }
        dir = dir.toAbsolutePath().normalize();
        if (holdsFiles(dir)) throw new BackupRefused(dir + " is not empty: give a new or empty directory for the backup.");
        long started = System.nanoTime();
        try {
            Files.createDirectories(dir);
            if (index != null) index.copyCommitted(dir.resolve(SEARCH));
            long indexCopied = System.nanoTime();
            Path zip = dir.resolve(DatabaseArchive.FILE);
            database.backupTo(zip);
            long databaseCopied = System.nanoTime();
            DatabaseArchive.extract(zip, dir.resolve(CHECK));
            EmbeddedDatabase.Contents contents = EmbeddedDatabase.contentsOf(dir.resolve(CHECK));
            FileSystemUtils.deleteRecursively(dir.resolve(CHECK));
            BackupManifest manifest = BackupManifest.of(dir, Version.current(), clock.instant(), contents);
            manifest.write(dir);
            log.atInfo().addKeyValue("event", "backup_taken").addKeyValue("dir", dir).addKeyValue("articles", contents.articles())
                    .addKeyValue("bytes", manifest.size()).addKeyValue("seconds", seconds(started, System.nanoTime()))
                    .addKeyValue("index_seconds", seconds(started, indexCopied))
                    .addKeyValue("database_seconds", seconds(indexCopied, databaseCopied))
                    .log("backup of {} articles written to {}", contents.articles(), dir);
            return manifest;
        } catch (IOException | RuntimeException e) {
            removeContents(dir);
            String reason = e instanceof UncheckedIOException u ? u.getCause().getMessage() : e.getMessage();
            if (DatabaseOutage.diskFull(e)) reason = "the disk is full";
            throw new BackupRefused("the backup failed (" + reason + "); nothing was kept in " + dir + ".", e);
        }
    }

    private static double seconds(long from, long to) {
        return Math.round((to - from) / 1e8) / 10.0;
    }

    static boolean holdsFiles(Path dir) {
        if (!Files.isDirectory(dir)) return Files.exists(dir);
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void removeContents(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : (Iterable<Path>) entries::iterator) FileSystemUtils.deleteRecursively(entry);
        } catch (IOException e) {
            log.atWarn().addKeyValue("event", "backup_cleanup_failed").addKeyValue("dir", dir)
                    .log("could not remove the unfinished backup in {}: {}", dir, e.getMessage());
        }
    }
}
