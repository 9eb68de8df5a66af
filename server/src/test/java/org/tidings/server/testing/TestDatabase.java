package org.tidings.server.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The databases the store is tested on: H2 always, PostgreSQL whenever it is reachable. Each
 * test gets a database of its own (a fresh in-memory H2, or a fresh schema on PostgreSQL).
 *
 * <p>PostgreSQL is found at {@code TIDINGS_TEST_PG_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}) as {@code TIDINGS_TEST_PG_USER} (default
 * {@code postgres}) with {@code TIDINGS_TEST_PG_PASSWORD}. When it cannot be reached its tests are
 * skipped, unless {@code TIDINGS_REQUIRE_POSTGRES=true} (as in CI), where they fail instead.
 */
public enum TestDatabase {
    H2, POSTGRES;

    public static final String PG_URL = env("TIDINGS_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String PG_USER = env("TIDINGS_TEST_PG_USER", "postgres");
    public static final String PG_PASSWORD = env("TIDINGS_TEST_PG_PASSWORD", "");

    public static Stream<TestDatabase> all() {
        return Stream.of(values());
    }

    /** A new, empty database of this kind: its JDBC URL, user and password. */
    public Fresh create() {
        return switch (this) {
            case H2 -> new Fresh("jdbc:h2:mem:t" + UUID.randomUUID().toString().replace("-", "")
                    + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "");
            case POSTGRES -> freshSchema();
        };
    }

    /**
     * Spring arguments that give a Tidings server a database of this kind: none for H2 (the
     * server's own file under its data directory), a fresh schema on PostgreSQL; then the given
     * settings.
     */
    public String[] serverArguments(String... settings) {
        String[] database = this == H2 ? new String[0] : create().serverArguments();
        return Stream.concat(Stream.of(database), Stream.of(settings)).toArray(String[]::new);
    }

    /** A new database of this kind with the migrations applied. */
    public DataSource migrated() {
        Fresh db = create();
        DataSource ds = db.dataSource();
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        return ds;
    }

    private static final java.util.Set<String> CREATED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropCreatedSchemas));
    }

    /** Schemas this test run made are dropped when it ends, so the shared database does not fill up. */
    private static void dropCreatedSchemas() {
        if (CREATED.isEmpty()) return;
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD)) {
            for (String schema : CREATED) c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            System.err.println("could not drop test schemas: " + e.getMessage());
        }
    }

    private static Fresh freshSchema() {
        requirePostgres();
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD)) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
            CREATED.add(schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a schema on " + PG_URL, e);
        }
        String sep = PG_URL.contains("?") ? "&" : "?";
        return new Fresh(PG_URL + sep + "currentSchema=" + schema, PG_USER, PG_PASSWORD);
    }

    /** Skips the calling test when PostgreSQL is unreachable, or fails it when CI requires PostgreSQL. */
    public static void requirePostgres() {
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD)) {
            c.isValid(2);
        } catch (SQLException e) {
            String message = "PostgreSQL is not reachable at " + PG_URL + " as " + PG_USER + ": " + e.getMessage();
            if ("true".equalsIgnoreCase(System.getenv("TIDINGS_REQUIRE_POSTGRES"))) {
                throw new IllegalStateException(message + " (TIDINGS_REQUIRE_POSTGRES=true)", e);
            }
            Assumptions.abort(message);
        }
    }

    /** Connection settings of one fresh database. */
    public record Fresh(String url, String user, String password) {

        public DataSource dataSource() {
            DriverManagerDataSource ds = new DriverManagerDataSource(url, user, password);
            return ds;
        }

        /** Spring arguments that point a Tidings server at this database. */
        public String[] serverArguments() {
            return new String[] {"--tidings.database.url=" + url, "--tidings.database.username=" + user,
                    "--tidings.database.password=" + password};
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
