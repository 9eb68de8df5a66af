package org.tidings.server.store;

import com.zaxxer.hikari.HikariConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tidings.server.config.TidingsProperties;

/**
 * The database, from {@code tidings.database.*}: an H2 file under the data directory by default (in memory, afresh,
 * for the demo), PostgreSQL when a URL says so. Flyway migrates either with the same scripts.
 */
@Configuration(proxyBeanMethods = false)
public class StoreConfiguration {

    /** H2 options that make it behave like PostgreSQL where our SQL depends on it. */
    static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * PostgreSQL's time to open a connection and to log in: a database that does not answer is given up on and tried
     * again, rather than holding the pool's one thread that opens connections.
     */
    static final Duration PG_CONNECT = Duration.ofSeconds(5);
    /**
     * PostgreSQL's longest silence on a connection while a statement runs: a connection whose server went away without
     * a word (a host gone, a network cut) fails then instead of holding its thread for ever. Longer than any statement
     * Tidings sends is expected to take; a {@code socketTimeout} in the URL overrides it.
     */
    static final Duration PG_SILENCE = Duration.ofSeconds(60);

    @Bean
    DataSource dataSource(TidingsProperties properties) {
        TidingsProperties.Database db = properties.database();
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("tidings");
        String url = jdbcUrl(properties);
        pool.setJdbcUrl(url);
        pool.setMaximumPoolSize(db.poolSize());
        if (!db.url().isBlank()) {
            pool.setUsername(db.username().isBlank() ? null : db.username());
            pool.setPassword(db.password().isBlank() ? null : db.password());
        }
        if (url.startsWith("jdbc:postgresql:")) {
            // in seconds; the URL's own parameters take precedence over these
            pool.addDataSourceProperty("connectTimeout", String.valueOf(PG_CONNECT.toSeconds()));
            pool.addDataSourceProperty("loginTimeout", String.valueOf(PG_CONNECT.toSeconds()));
            pool.addDataSourceProperty("socketTimeout", String.valueOf(PG_SILENCE.toSeconds()));
        }
        return new ConnectionPool(pool, db.requestWait());
    }

    static String jdbcUrl(TidingsProperties properties) {
        String url = properties.database().url();
        if (!url.isBlank()) return url;
        // a fresh database for each demo server, even several in one JVM (as in the tests); it lives as long as the pool
        if (properties.databaseInMemory()) return "jdbc:h2:mem:tidings-demo-" + UUID.randomUUID() + H2_OPTIONS;
        Path file = properties.dataDir().toAbsolutePath().normalize().resolve("db").resolve("tidings");
        // a commit is written to the file before it is confirmed (H2 otherwise writes a second later): a crash of
        // this process loses no confirmed write (what the operating system has not yet written survives it too)
        return "jdbc:h2:file:" + file + H2_OPTIONS + ";WRITE_DELAY=0";
    }
}
