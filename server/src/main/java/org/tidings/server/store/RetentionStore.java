package org.tidings.server.store;

import static org.tidings.server.store.Columns.toDb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Deletes what is older than the operator keeps, one small batch per call, each statement short: no long lock, and
 * pages go on being served while it works. What a reader saved or commented on is never touched.
 */
@Repository
public class RetentionStore {

    /** Articles no reader saved or commented on: theirs stay whole. */
    private static final String UNCLAIMED = """
            NOT EXISTS (SELECT 1 FROM saved_article s WHERE s.article_id = a.id)
            AND NOT EXISTS (SELECT 1 FROM comment c WHERE c.article_id = a.id)""";

    private final JdbcClient sql;

    public RetentionStore(JdbcClient sql) {
        this.sql = sql;
    }

    /**
     * Deletes up to {@code batch} articles published before {@code cutoff}, oldest first, with their copies (a copy is
     * the same article from another address), topics, digests, reading history and AI outputs. A copy a reader saved
     * or commented on stays, as an article of its own. The ids of the articles deleted.
     */
    public List<Long> pruneArticles(Instant cutoff, int batch) {
        List<Long> ids = new ArrayList<>(sql.sql("SELECT a.id FROM article a WHERE a.published_at < :cutoff AND " + UNCLAIMED
                        + " ORDER BY a.published_at LIMIT :batch")
                .param("cutoff", toDb(cutoff)).param("batch", batch).query(Long.class).list());
        if (ids.isEmpty()) return List.of();
        ids.addAll(sql.sql("SELECT a.id FROM article a WHERE a.duplicate_of IN (:ids) AND " + UNCLAIMED)
                .param("ids", ids).query(Long.class).list());
        sql.sql("UPDATE article SET duplicate_of = NULL WHERE duplicate_of IN (:ids)").param("ids", ids).update();
        sql.sql("DELETE FROM ai_output WHERE subject = 'article' AND subject_id IN (:ids)").param("ids", ids).update();
        sql.sql("DELETE FROM article WHERE id IN (:ids)").param("ids", ids).update();
        return List.copyOf(new LinkedHashSet<>(ids)); // an old copy of an old article is selected twice
    }

    /**
     * Drops the full text of up to {@code batch} articles published between {@code from} and {@code cutoff}, oldest
     * first: each keeps its lead as its text (its page says the text is the publisher's), and its digest, whose
     * sentences were the full text's, goes. The number of articles pruned.
     */
    public int pruneFullTexts(Instant from, Instant cutoff, int batch, Instant now) {
        List<Long> ids = sql.sql("SELECT a.id FROM article a WHERE a.published_at >= :from AND a.published_at < :cutoff"
                        + " AND a.body_html IS NOT NULL AND " + UNCLAIMED + " ORDER BY a.published_at LIMIT :batch")
                .param("from", toDb(from)).param("cutoff", toDb(cutoff)).param("batch", batch).query(Long.class).list();
        if (ids.isEmpty()) return 0;
        sql.sql("DELETE FROM article_digest WHERE article_id IN (:ids)").param("ids", ids).update();
        return sql.sql("""
                UPDATE article SET body_html = NULL, body_text = lead, excerpt = TRUE, content = NULL, full_html = NULL,
                       revision = revision + 1, changed_at = :now
                WHERE id IN (:ids)""").param("ids", ids).param("now", toDb(now)).update();
    }

    /** Deletes up to about {@code batch} AI outputs written before {@code cutoff}, oldest first. The number deleted. */
    public int pruneAiOutputs(Instant cutoff, int batch) {
        Instant upTo = sql.sql("SELECT created_at FROM ai_output WHERE created_at < :cutoff ORDER BY created_at LIMIT :batch")
                .param("cutoff", toDb(cutoff)).param("batch", batch).query((rs, row) -> Columns.fromDb(rs, "created_at")).list()
                .stream().reduce((first, last) -> last).orElse(null);
        if (upTo == null) return 0;
        return sql.sql("DELETE FROM ai_output WHERE created_at <= :upTo").param("upTo", toDb(upTo)).update();
    }
}
