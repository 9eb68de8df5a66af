package org.tidings.server.store;

import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How a claim keeps processes that share a database from taking the same rows. PostgreSQL skips the
 * rows another transaction holds and locks only the rows it returns ({@code FOR UPDATE SKIP LOCKED}).
 * H2 locks, by writing it, every row that meets the condition before it sorts and limits them: a
 * claim of 100 among 20,000 waiting articles took a second and wrote 400 MB. So on H2 a claim reads
 * the rows without a lock, and the lease update, made only where the row is still free, decides.
 */
final class RowClaims {

    private final JdbcClient jdbc;
    private volatile String lockClause;

    RowClaims(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The condition that {@code column} names an earlier instance of a worker's slot ({@code config/WorkerIdentity}):
     * it begins with the slot's prefix and is not the worker itself. Bind it with {@link #bindEarlier}.
     */
    static String earlierInstance(String column) {
        return "LEFT(" + column + ", :slotLength) = :slotPrefix AND " + column + " <> :self";
    }

    static JdbcClient.StatementSpec bindEarlier(JdbcClient.StatementSpec statement, String slotPrefix, String self) {
        return statement.param("slotLength", slotPrefix.length()).param("slotPrefix", slotPrefix).param("self", self);
    }

    /** The end of a claim's {@code SELECT} on this database: the lock clause on PostgreSQL, nothing elsewhere. */
    String skipLocked() {
        String clause = lockClause;
        if (clause == null) {
            ResultSetExtractor<String> product = rs -> rs.getStatement().getConnection().getMetaData().getDatabaseProductName();
            String database = jdbc.sql("SELECT 1").query(product);
            lockClause = clause = "PostgreSQL".equals(database) ? "FOR UPDATE SKIP LOCKED" : "";
        }
        return clause;
    }
}
