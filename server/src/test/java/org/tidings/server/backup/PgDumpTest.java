package org.tidings.server.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tidings.server.testing.FixtureServer;
import org.tidings.server.testing.RunningServer;
import org.tidings.server.testing.TestDatabase;

/**
 * The README's PostgreSQL backup, run as written: the real {@code pg_dump --format=custom} of a running server's
 * database, {@code pg_restore} into a new database, and a server on it (with a new, empty data directory: the search
 * index is rebuilt from the database) finds the same articles, comments and accounts.
 */
class PgDumpTest {

    @TempDir
    Path work;

    @Test
    void aDumpOfARunningServerRestoresIntoANewDatabaseWithTheSameRows() throws Exception {
        TestDatabase.requirePostgres();
        String pgDump = binary("pg_dump");
        String pgRestore = binary("pg_restore");
        TestDatabase.Fresh source = TestDatabase.POSTGRES.create();
        String schema = source.url().replaceAll(".*currentSchema=", "");
        Path dump = work.resolve("tidings.dump");
        List<String> articles;
        List<String> comments;
        List<String> accounts;
        try (FixtureServer publisher = new FixtureServer();
                RunningServer server = RunningServer.start(work.resolve("data"), source.serverArguments())) {
            SmallSite.fill(server, publisher);
            JdbcClient sql = server.bean(JdbcClient.class);
            articles = rows(sql, "SELECT id || ' ' || title FROM article ORDER BY id");
            comments = rows(sql, "SELECT id || ' ' || article_id || ' ' || body FROM comment ORDER BY id");
            accounts = rows(sql, "SELECT id || ' ' || username || ' ' || password_hash FROM account ORDER BY id");
            assertThat(comments).hasSize(1);
            assertThat(accounts).hasSize(2);

            // as the README says, with --schema only because each test has a schema of its own in the shared database
            run(pgDump, "--format=custom", "--no-owner", "--schema=" + schema, "--file=" + dump, "--dbname=" + libpq(TestDatabase.PG_URL));
        }
        assertThat(Files.size(dump)).isPositive();

        String restored = "tidings_restore_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(TestDatabase.PG_URL, TestDatabase.PG_USER, TestDatabase.PG_PASSWORD)) {
            c.createStatement().execute("CREATE DATABASE " + restored);
        }
        String restoredUrl = TestDatabase.PG_URL.replaceAll("/[^/?]+(\\?.*)?$", "/" + restored);
        try {
            run(pgRestore, "--no-owner", "--exit-on-error", "--dbname=" + libpq(restoredUrl), dump.toString());
            TestDatabase.Fresh copy = new TestDatabase.Fresh(restoredUrl + "?currentSchema=" + schema, TestDatabase.PG_USER,
                    TestDatabase.PG_PASSWORD);
            try (RunningServer again = RunningServer.start(work.resolve("restored-data"),
                    append(copy.serverArguments(), "--tidings.scheduler.enabled=false"))) {
                JdbcClient sql = again.bean(JdbcClient.class);
                assertThat(rows(sql, "SELECT id || ' ' || title FROM article ORDER BY id")).isEqualTo(articles);
                assertThat(rows(sql, "SELECT id || ' ' || article_id || ' ' || body FROM comment ORDER BY id")).isEqualTo(comments);
                assertThat(rows(sql, "SELECT id || ' ' || username || ' ' || password_hash FROM account ORDER BY id")).isEqualTo(accounts);
                again.browser().signIn(SmallSite.READER, SmallSite.PASSWORD);
                await().atMost(Duration.ofSeconds(30)).until(() -> again.get("/search?q=bridge").body().contains("reopens after repairs"));
            }
        } finally {
            try (Connection c = DriverManager.getConnection(TestDatabase.PG_URL, TestDatabase.PG_USER, TestDatabase.PG_PASSWORD)) {
                c.createStatement().execute("DROP DATABASE IF EXISTS " + restored + " WITH (FORCE)");
            }
        }
    }

    private static List<String> rows(JdbcClient sql, String query) {
        return sql.sql(query).query(String.class).list();
    }

    private static String[] append(String[] args, String... more) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** The JDBC URL as libpq's connection URI, with the test's user: what pg_dump and pg_restore take as --dbname. */
    private static String libpq(String jdbcUrl) {
        return jdbcUrl.replaceFirst("^jdbc:postgresql://", "postgresql://" + TestDatabase.PG_USER + "@").replaceFirst("\\?.*$", "");
    }

    /** A PostgreSQL program on the PATH, or the newest in /usr/lib/postgresql/N/bin. */
    private static String binary(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, name))) return Path.of(dir, name).toString();
        }
        File[] versions = new File("/usr/lib/postgresql").listFiles();
        if (versions != null) {
            return Arrays.stream(versions).map(v -> v.toPath().resolve("bin").resolve(name)).filter(Files::isExecutable)
                    .max(Comparator.comparing(Path::toString)).map(Path::toString).orElseGet(() -> missing(name));
        }
        return missing(name);
    }

    private static String missing(String name) {
        String message = name + " is not on the PATH nor in /usr/lib/postgresql/*/bin";
        if ("true".equalsIgnoreCase(System.getenv("TIDINGS_REQUIRE_POSTGRES"))) {
            throw new IllegalStateException(message + " (TIDINGS_REQUIRE_POSTGRES=true)");
        }
        Assumptions.abort(message);
        return name;
    }

    private static void run(String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (!TestDatabase.PG_PASSWORD.isEmpty()) builder.environment().put("PGPASSWORD", TestDatabase.PG_PASSWORD);
        Process p = builder.start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(String.join(" ", command) + " finished").isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + ": " + said).isZero();
    }
}
