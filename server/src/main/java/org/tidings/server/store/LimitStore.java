package org.tidings.server.store;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Token buckets in the database (migration V17), so that a limit holds across every process on it. Each bucket is
 * one row keeping, as the generic cell rate algorithm does, the time at which it is full again: a turn is taken by
 * one conditional update, so two processes taking at once never both take the last token. Times are microseconds.
 */
@Repository
public class LimitStore {

    private final JdbcClient sql;

    public LimitStore(JdbcClient sql) {
        this.sql = sql;
    }

    /**
     * Takes a turn from {@code holder}'s bucket of limit {@code bucket}, which fills by one every {@code every} and
     * holds {@code burst} turns: zero, or how long until there is one (then nothing is taken).
     */
    public long take(String bucket, String holder, long now, long every, int burst) {
        long tolerance = every * (burst - 1);
        for (int attempt = 0; attempt < 2; attempt++) {
            int taken = sql.sql("""
                    UPDATE rate_limit SET full_at = GREATEST(full_at, :now) + :every
                    WHERE bucket = :bucket AND holder = :holder AND GREATEST(full_at, :now) - :now <= :tolerance""")
                    .param("now", now).param("every", every).param("bucket", bucket).param("holder", holder)
                    .param("tolerance", tolerance).update();
            if (taken == 1) return 0;
            // no row: a full bucket; a row the update did not take from: an empty one (or one made meanwhile)
            int made = sql.sql("INSERT INTO rate_limit (bucket, holder, full_at) VALUES (:bucket, :holder, :fullAt) "
                            + "ON CONFLICT DO NOTHING")
                    .param("bucket", bucket).param("holder", holder).param("fullAt", now + every).update();
            if (made == 1) return 0;
            Long fullAt = sql.sql("SELECT full_at FROM rate_limit WHERE bucket = :bucket AND holder = :holder")
                    .param("bucket", bucket).param("holder", holder).query(Long.class).optional().orElse(null);
            if (fullAt != null && Math.max(fullAt, now) - now > tolerance) return Math.max(fullAt, now) - now - tolerance;
        }
        return 0; // the bucket emptied and filled between our statements twice over: it has room
    }

    /** Returns a turn taken for an action that another limit refused. */
    public void giveBack(String bucket, String holder, long every) {
        sql.sql("UPDATE rate_limit SET full_at = full_at - :every WHERE bucket = :bucket AND holder = :holder")
                .param("every", every).param("bucket", bucket).param("holder", holder).update();
    }

    /** Deletes the buckets that are full again by {@code now}: they hold nothing to remember. */
    public int forgetFull(long now) {
        return sql.sql("DELETE FROM rate_limit WHERE full_at <= :now").param("now", now).update();
    }
}
