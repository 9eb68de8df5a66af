package org.tidings.server.store;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure that the state of the database explains (it is down, out of reach, or its disk is full) from a
 * defect: the first is a passing condition, answered with a 503 and one line in the log, and gone by itself when the
 * database is back; the second is a 500 and a stack trace.
 */
public final class DatabaseOutage {

    /** What the pool says of a connection it has already given up on (a broken one), without a SQL state. */
    private static final String CLOSED = "Connection is closed";
    /** Causes looked at, at most: an exception's chain is short, a cycle in one is not followed for ever. */
    private static final int DEPTH = 16;

    private DatabaseOutage() {}

    /** Whether the database being away, or out of space, explains {@code failure}. */
    public static boolean explains(Throwable failure) {
        for (Throwable t : chain(failure)) {
            if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessResourceException
                    || t instanceof CannotCreateTransactionException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException || t instanceof SQLRecoverableException
                    || t instanceof SQLException sql && CLOSED.equals(sql.getMessage())) return true;
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // PostgreSQL: 08 connection exception, 53 insufficient resources (disk full, out of connections),
                // 57P0 the server shutting down or starting
                if (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P0")) return true;
            }
        }
        return diskFull(failure);
    }

    /** Whether {@code failure} comes from a full disk: the embedded database's file or PostgreSQL's could not grow. */
    public static boolean diskFull(Throwable failure) {
        for (Throwable t : chain(failure)) {
            if (t instanceof SQLException sql && "53100".equals(sql.getSQLState())) return true;
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            // the operating system's words, carried up by the embedded database and the search index alike
            if ((t instanceof IOException || t.getClass().getName().startsWith("org.h2."))
                    && (message.contains("no space left on device") || message.contains("not enough space on the disk"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The failure, its causes, the exceptions chained to each SQL exception, and the failure that a failed rollback
     * hides (the rollback of a transaction whose connection broke fails too).
     */
    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> all = new ArrayList<>();
        ArrayDeque<Throwable> todo = new ArrayDeque<>();
        if (failure != null) todo.add(failure);
        while (!todo.isEmpty() && all.size() < DEPTH) {
            Throwable t = todo.poll();
            if (all.stream().anyMatch(seen -> seen == t)) continue;
            all.add(t);
            if (t.getCause() != null) todo.add(t.getCause());
            if (t instanceof SQLException sql && sql.getNextException() != null) todo.add(sql.getNextException());
            if (t instanceof TransactionSystemException tx && tx.getApplicationException() != null) todo.add(tx.getApplicationException());
        }
        return all;
    }
}
