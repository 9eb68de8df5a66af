package org.tidings.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * The database's connections (HikariCP), and how long a caller waits for one. A reader's request, and anything else
 * by default, waits briefly ({@code tidings.database.request-wait}): while the database is away the page says so at
 * once (503) instead of hanging for the pool's whole wait. The pipeline's work waits {@link #patiently}: it rides out
 * a busy pool or a short outage rather than failing half-way, with a feed fetched and its claim held.
 */
public final class ConnectionPool extends HikariDataSource {

    /** How long patient work waits for a connection: about the time PostgreSQL takes to restart. */
    static final Duration PATIENT = Duration.ofSeconds(30);
    /** How long a connection that has been idle may take to show it still works before it is replaced. */
    static final Duration VALIDATION = Duration.ofSeconds(1);

    /** The embedded database's code for "the database has been closed". */
    private static final int H2_CLOSED = 90098;

    private static final ThreadLocal<Boolean> PATIENCE = ThreadLocal.withInitial(() -> false);

    private final long briefMillis;

    ConnectionPool(HikariConfig config, Duration brief) {
        super(withOutageRules(config));
        this.briefMillis = brief.toMillis();
        ((Replacement) config.getExceptionOverride()).pool = this;
    }

    private static HikariConfig withOutageRules(HikariConfig config) {
        config.setConnectionTimeout(PATIENT.toMillis());
        config.setValidationTimeout(VALIDATION.toMillis());
        config.setExceptionOverride(new Replacement());
        return config;
    }

    /**
     * A connection that failed for a reason the database's state explains is replaced rather than handed to its next
     * caller to fail again. When the embedded database closes itself (it does when its file cannot be written, on a
     * full disk) every connection to it is gone: all are replaced, and the first new one opens it again.
     */
    private static final class Replacement implements SQLExceptionOverride {
        private volatile ConnectionPool pool;

        @java.lang.Override
        public SQLExceptionOverride.Override adjudicate(SQLException e) {
            if (e.getErrorCode() == H2_CLOSED && pool != null && pool.getHikariPoolMXBean() != null) {
                pool.getHikariPoolMXBean().softEvictConnections();
            }
            return DatabaseOutage.explains(e) ? SQLExceptionOverride.Override.MUST_EVICT : SQLExceptionOverride.Override.CONTINUE_EVICT;
        }
    }

    /** A connection, after the wait of the calling thread: brief, unless it runs {@link #patiently}. */
    @Override
    public Connection getConnection() throws SQLException {
        // the pool is started by the constructor, so it is there until closed (when the pool's own method says so)
        if (PATIENCE.get() || !(getHikariPoolMXBean() instanceof HikariPool pool) || isClosed()) return super.getConnection();
        return pool.getConnection(briefMillis);
    }

    /** Runs {@code work} with this thread waiting for connections as long as the pool does, not briefly. */
    public static int patiently(IntSupplier work) {
        boolean before = PATIENCE.get();
        PATIENCE.set(true);
        try {
            return work.getAsInt();
        } finally {
            PATIENCE.set(before);
        }
    }

    /** {@link #patiently(IntSupplier)} for work that returns nothing. */
    public static void patiently(Runnable work) {
        patiently(() -> {
            work.run();
            return 0;
        });
    }
}
