package org.tidings.server.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.tidings.server.store.EmbeddedDatabase;

/** The database in a backup: the zip file H2's {@code BACKUP} writes, holding the one database file {@code tidings.mv.db}. */
final class DatabaseArchive {

    static final String FILE = "database.zip";
    private static final String DATABASE_FILE = EmbeddedDatabase.NAME + ".mv.db";

    private DatabaseArchive() {}

    /** Writes the database file of {@code zip} into {@code dir}, where {@link EmbeddedDatabase#contentsOf} can open it. */
    static void extract(Path zip, Path dir) throws IOException {
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            Files.createDirectories(dir);
            try (InputStream in = archive.getInputStream(entry(archive, zip))) {
                Files.copy(in, dir.resolve(DATABASE_FILE));
            }
        }
    }

    /** Bytes the database takes once extracted. */
    static long extractedSize(Path zip) throws IOException {
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            return Math.max(0, entry(archive, zip).getSize());
        }
    }

    private static ZipEntry entry(ZipFile archive, Path zip) throws IOException {
        ZipEntry entry = archive.getEntry(DATABASE_FILE);
        if (entry == null) throw new IOException(zip.getFileName() + " holds no " + DATABASE_FILE);
        return entry;
    }
}
