package org.tidings.server.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.tidings.server.config.TidingsProperties;

/**
 * The embedded H2 database as files, for backups: a copy of the running database taken by H2 itself (consistent: H2
 * copies the file as of one moment while writes go on), and what a copy holds, read by opening it on its own.
 */
@Component
public class EmbeddedDatabase {

    /** The name of the database in its directory ({@code tidings.mv.db}): the data directory's {@code db/tidings}. */
    public static final String NAME = "tidings";

    /** The newest schema this build migrates to: the highest version among its migrations (SQL scripts and Java classes). */
    public static final int SCHEMA_VERSION = newestMigration();

    private final DataSource dataSource;
    private final boolean onDisk;

    public EmbeddedDatabase(DataSource dataSource, TidingsProperties properties) {
        this.dataSource = dataSource;
        this.onDisk = StoreConfiguration.jdbcUrl(properties).startsWith("jdbc:h2:file:");
    }

    /** Whether this server's database is the embedded one in files under the data directory (not PostgreSQL, not the demo's). */
    public boolean onDisk() {
        return onDisk;
    }

    /** Writes a copy of the whole database to {@code zip} (a new file), as of one moment, while the server goes on writing. */
    public void backupTo(Path zip) {
        if (!onDisk) throw new IllegalStateException("only the embedded database in files is backed up by Tidings");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("BACKUP TO '" + zip.toAbsolutePath().toString().replace("'", "''") + "'");
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("the database could not be copied: " + e.getMessage(), e));
        }
    }

    /** What a copy holds: its schema version and how many articles, comments and accounts. */
    public record Contents(int schemaVersion, long articles, long comments, long accounts) {}

    /**
     * Opens the database in {@code directory} ({@code tidings.mv.db}, copied out of a backup; nothing else may have it
     * open) and counts what it holds. Opening it makes it whole: H2 drops what was not committed when it was copied.
     */
    public static Contents contentsOf(Path directory) {
        String url = "jdbc:h2:file:" + directory.toAbsolutePath().normalize().resolve(NAME) + StoreConfiguration.H2_OPTIONS
                + ";IFEXISTS=TRUE";
        try (Connection c = DriverManager.getConnection(url, "", "") /* the user the server opens it as */; Statement s = c.createStatement()) {
            int schema;
            try (ResultSet rs = s.executeQuery(
                    "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
                schema = rs.next() ? Integer.parseInt(rs.getString(1)) : 0;
            }
            Contents contents = new Contents(schema, count(s, "article"), count(s, "comment"), count(s, "account"));
            s.execute("SHUTDOWN");
            return contents;
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("the database could not be read: " + e.getMessage(), e));
        }
    }

    private static long count(Statement s, String table) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int newestMigration() {
        Pattern version = Pattern.compile("V(\\d+)__.*\\.(sql|class)");
        try {
            Resource[] migrations = new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/V*__*");
            return Arrays.stream(migrations).map(r -> version.matcher(String.valueOf(r.getFilename())))
                    .filter(Matcher::matches).mapToInt(m -> Integer.parseInt(m.group(1))).max().orElse(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
