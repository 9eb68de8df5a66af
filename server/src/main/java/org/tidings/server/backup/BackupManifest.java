package org.tidings.server.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.tidings.server.store.EmbeddedDatabase;

/**
 * What a backup holds ({@code manifest.properties}, written last: a backup without it is incomplete): the version of
 * Tidings and of the database schema that made it, how many articles, comments and accounts its database holds, and
 * the size and SHA-256 checksum of each of its files.
 */
public record BackupManifest(String tidingsVersion, Instant takenAt, EmbeddedDatabase.Contents contents, Map<String, FileSum> files) {

    static final String FILE = "manifest.properties";
    private static final String FILE_KEY = "file.";

    /** A file's size in bytes and its SHA-256, in hexadecimal. */
    record FileSum(long size, String sha256) {

        static FileSum of(Path file) throws IOException {
            MessageDigest digest;
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            long size = 0;
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buffer = new byte[1 << 16];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    digest.update(buffer, 0, n);
                    size += n;
                }
            }
            return new FileSum(size, HexFormat.of().formatHex(digest.digest()));
        }
    }

    /** The manifest of the backup in {@code dir}: every file in it (sub-directories as {@code search/_0.cfs}) summed. */
    static BackupManifest of(Path dir, String tidingsVersion, Instant takenAt, EmbeddedDatabase.Contents contents) throws IOException {
        Map<String, FileSum> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
                files.put(dir.relativize(file).toString().replace('\\', '/'), FileSum.of(file));
            }
        }
        return new BackupManifest(tidingsVersion, takenAt, contents, files);
    }

    public int schemaVersion() {
        return contents.schemaVersion();
    }

    /** Bytes of the backup's files together. */
    public long size() {
        return files.values().stream().mapToLong(FileSum::size).sum();
    }

    /** "1,204 articles, 37 comments, 5 accounts (database schema 12, 3.2 MB)", for the operator. */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "%,d articles, %,d comments, %,d accounts (Tidings %s, database schema %d, %.1f MB)",
                contents.articles(), contents.comments(), contents.accounts(), tidingsVersion, contents.schemaVersion(), size() / 1e6);
    }

    /** Writes {@link #FILE} into {@code dir}, whole or not at all. */
    void write(Path dir) throws IOException {
        StringBuilder text = new StringBuilder("# A backup of Tidings: restore it with ./tidings restore DIR (README, \"Backups\")\n");
        text.append("tidings.version=").append(tidingsVersion).append('\n');
        text.append("taken.at=").append(takenAt).append('\n');
        text.append("schema.version=").append(contents.schemaVersion()).append('\n');
        text.append("articles=").append(contents.articles()).append('\n');
        text.append("comments=").append(contents.comments()).append('\n');
        text.append("accounts=").append(contents.accounts()).append('\n');
        files.forEach((name, sum) -> text.append(FILE_KEY).append(name).append('=').append(sum.size()).append(' ')
                .append(sum.sha256()).append('\n'));
        Path partial = dir.resolve(FILE + ".partial");
        Files.writeString(partial, text, StandardCharsets.UTF_8);
        Files.move(partial, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE);
    }

    /** The manifest of the backup in {@code dir}; refused when it is missing or unreadable. */
    static BackupManifest read(Path dir) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(dir.resolve(FILE), StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            throw new BackupRefused(dir + " is not a complete Tidings backup: it has no " + FILE + " (a backup that was"
                    + " interrupted has none). Nothing was changed.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Map<String, FileSum> files = new TreeMap<>();
            for (String key : p.stringPropertyNames()) {
                if (!key.startsWith(FILE_KEY)) continue;
                String[] sum = p.getProperty(key).trim().split(" ");
                files.put(key.substring(FILE_KEY.length()), new FileSum(Long.parseLong(sum[0]), sum[1]));
            }
            EmbeddedDatabase.Contents contents = new EmbeddedDatabase.Contents(number(p, "schema.version").intValue(),
                    number(p, "articles"), number(p, "comments"), number(p, "accounts"));
            return new BackupManifest(required(p, "tidings.version"), Instant.parse(required(p, "taken.at")), contents, files);
        } catch (RuntimeException e) {
            throw new BackupRefused(dir.resolve(FILE) + " is damaged (" + e.getMessage() + "): this backup cannot be restored. Nothing was changed.", e);
        }
    }

    private static String required(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) throw new IllegalArgumentException("no " + key);
        return value.trim();
    }

    private static Long number(Properties p, String key) {
        return Long.valueOf(required(p, key));
    }
}
