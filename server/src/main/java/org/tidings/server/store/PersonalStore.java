package org.tidings.server.store;

import static org.tidings.server.store.Columns.cut;
import static org.tidings.server.store.Columns.fromDb;
import static org.tidings.server.store.Columns.toDb;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A reader's own rows: follows, mutes, saved articles and reading history. No statement here reads or changes a row
 * without {@code account_id = :a}.
 */
@Repository
public class PersonalStore {

    /** The reader's two lists of interests, of the same shape: what they follow ({@code reader_follow}), and what they muted. */
    public enum Choice {
        FOLLOW, MUTE;

        private String table() {
            return "reader_" + name().toLowerCase(Locale.ROOT);
        }
    }

    public record Entry(Interest kind, String target, String label, Instant at) {}

    /** An article the reader saved or read, and when. */
    public record Marked(long articleId, Instant at) {}

    /** A recent article as "For you" ranks it; {@code section} is its own, else its source's. */
    public record Recent(long articleId, Long storyId, long sourceId, String publisher, String section, String title,
            String lead, Instant published) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    public PersonalStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void add(long account, Choice choice, Interest kind, String target, String label) {
        jdbc.sql("INSERT INTO " + choice.table() + " (account_id, kind, target, label, created_at) VALUES (:a, :k, :t, :l, :now) "
                        + "ON CONFLICT DO NOTHING")
                .param("a", account).param("k", kind.stored()).param("t", target).param("l", cut(label, Interest.MAX_TARGET))
                .param("now", toDb(clock.instant())).update();
    }

    public void remove(long account, Choice choice, Interest kind, String target) {
        jdbc.sql("DELETE FROM " + choice.table() + " WHERE account_id = :a AND kind = :k AND target = :t")
                .param("a", account).param("k", kind.stored()).param("t", target).update();
    }

    public List<Entry> list(long account, Choice choice) {
        return jdbc.sql("SELECT kind, target, label, created_at FROM " + choice.table()
                        + " WHERE account_id = :a ORDER BY kind, label, target").param("a", account)
                .query((rs, row) -> new Entry(Interest.parse(rs.getString("kind")).orElseThrow(), rs.getString("target"),
                        rs.getString("label"), fromDb(rs, "created_at")))
                .list();
    }

    public List<Entry> follows(long account) {
        return list(account, Choice.FOLLOW);
    }

    public List<Entry> mutes(long account) {
        return list(account, Choice.MUTE);
    }

    /** Saves an existing article; false when there is no such article. */
    public boolean save(long account, long articleId) {
        jdbc.sql("INSERT INTO saved_article (account_id, article_id, saved_at) SELECT :a, id, :now FROM article WHERE id = :id "
                        + "ON CONFLICT DO NOTHING")
                .param("a", account).param("id", articleId).param("now", toDb(clock.instant())).update();
        return isSaved(account, articleId);
    }

    public void unsave(long account, long articleId) {
        jdbc.sql("DELETE FROM saved_article WHERE account_id = :a AND article_id = :id").param("a", account).param("id", articleId).update();
    }

    public boolean isSaved(long account, long articleId) {
        return jdbc.sql("SELECT COUNT(*) FROM saved_article WHERE account_id = :a AND article_id = :id")
                .param("a", account).param("id", articleId).query(Long.class).single() > 0;
    }

    public List<Marked> saved(long account, int limit) {
        return marked("SELECT article_id, saved_at AS at FROM saved_article WHERE account_id = :a ORDER BY saved_at DESC, article_id DESC LIMIT :limit",
                account, limit);
    }

    /** Remembers that the reader opened this article now, if the reader keeps a history. */
    public void recordRead(long account, long articleId) {
        var now = toDb(clock.instant());
        int updated = jdbc.sql("""
                UPDATE reading_history SET read_at = :now WHERE account_id = :a AND article_id = :id
                AND EXISTS (SELECT 1 FROM account WHERE id = :a AND history_enabled = TRUE)""")
                .param("now", now).param("a", account).param("id", articleId).update();
        if (updated > 0) return;
        jdbc.sql("""
                INSERT INTO reading_history (account_id, article_id, read_at)
                SELECT :a, :id, :now FROM account WHERE id = :a AND history_enabled = TRUE
                AND EXISTS (SELECT 1 FROM article WHERE id = :id)
                ON CONFLICT DO NOTHING""")
                .param("a", account).param("id", articleId).param("now", now).update();
    }

    public List<Marked> history(long account, int limit) {
        return marked("SELECT article_id, read_at AS at FROM reading_history WHERE account_id = :a ORDER BY read_at DESC, article_id DESC LIMIT :limit",
                account, limit);
    }

    public void clearHistory(long account) {
        jdbc.sql("DELETE FROM reading_history WHERE account_id = :a").param("a", account).update();
    }

    /** Sources of the articles the reader opened since {@code since}, with how many of their articles were opened. */
    public List<long[]> sourcesRead(long account, Instant since) {
        return jdbc.sql("""
                SELECT a.source_id, COUNT(*) AS n FROM reading_history h JOIN article a ON a.id = h.article_id
                WHERE h.account_id = :a AND h.read_at >= :since GROUP BY a.source_id""")
                .param("a", account).param("since", toDb(since))
                .query((rs, row) -> new long[] {rs.getLong("source_id"), rs.getLong("n")}).list();
    }

    public List<Long> storiesRead(long account, Instant since) {
        return jdbc.sql("""
                SELECT DISTINCT a.story_id FROM reading_history h JOIN article a ON a.id = h.article_id
                WHERE h.account_id = :a AND h.read_at >= :since AND a.story_id IS NOT NULL""")
                .param("a", account).param("since", toDb(since)).query(Long.class).list();
    }

    public List<Long> readAmong(long account, List<Long> articleIds) {
        if (articleIds.isEmpty()) return List.of();
        return jdbc.sql("SELECT article_id FROM reading_history WHERE account_id = :a AND article_id IN (:ids)")
                .param("a", account).param("ids", articleIds).query(Long.class).list();
    }

    /** What "For you" picks from: articles of enabled sources published since {@code since}, copies left out, newest first. */
    public List<Recent> recent(Instant since, int limit) {
        return jdbc.sql("""
                SELECT a.id, a.story_id, a.source_id, s.name, COALESCE(a.section, s.section) AS section, a.title, a.lead,
                       a.published_at
                FROM article a JOIN source s ON s.id = a.source_id
                WHERE s.enabled = TRUE AND s.published = TRUE AND a.duplicate_of IS NULL AND a.published_at >= :since
                ORDER BY a.published_at DESC, a.id DESC LIMIT :limit""")
                .param("since", toDb(since)).param("limit", limit)
                .query((rs, row) -> new Recent(rs.getLong("id"), rs.getObject("story_id", Long.class), rs.getLong("source_id"),
                        rs.getString("name"), rs.getString("section"), rs.getString("title"), rs.getString("lead"),
                        fromDb(rs, "published_at")))
                .list();
    }

    /** Forgets everything of this reader's (the account is being deleted). */
    public void erase(long account) {
        for (String table : List.of("reader_follow", "reader_mute", "saved_article", "reading_history")) {
            jdbc.sql("DELETE FROM " + table + " WHERE account_id = :a").param("a", account).update();
        }
    }

    private List<Marked> marked(String sql, long account, int limit) {
        return jdbc.sql(sql).param("a", account).param("limit", limit)
                .query((rs, row) -> new Marked(rs.getLong("article_id"), fromDb(rs, "at"))).list();
    }
}
