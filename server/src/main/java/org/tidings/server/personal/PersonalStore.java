package org.tidings.server.personal;

import static java.util.stream.Collectors.toList;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A reader's own rows: follows, mutes, saved articles and reading history. Every method takes the
 * reader's account id and touches only that reader's rows: no statement here reads or changes a
 * row without {@code account_id = :account}.
 */
@Repository
public class PersonalStore {

    /** One followed or muted thing. */
    public record Entry(Interest kind, String target, String label, Instant at) {}

    /** An article the reader saved or read, and when. */
    public record Marked(long articleId, Instant at) {}

    /** A recent article as "For you" ranks it. */
    record Recent(long articleId, Long storyId, long sourceId, String publisher, String section, String title,
            String lead, Instant published) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    PersonalStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // --- follows and mutes: the same shape in two tables ---

    void follow(long account, Interest kind, String target, String label) {
        add("reader_follow", account, kind, target, label);
    }

    void unfollow(long account, Interest kind, String target) {
        remove("reader_follow", account, kind, target);
    }

    List<Entry> follows(long account) {
        return list("reader_follow", account);
    }

    void mute(long account, Interest kind, String target, String label) {
        add("reader_mute", account, kind, target, label);
    }

    void unmute(long account, Interest kind, String target) {
        remove("reader_mute", account, kind, target);
    }

    List<Entry> mutes(long account) {
        return list("reader_mute", account);
    }

    private void add(String table, long account, Interest kind, String target, String label) {
        jdbc.sql("INSERT INTO " + table + " (account_id, kind, target, label, created_at) VALUES (:a, :k, :t, :l, :now) "
                        + "ON CONFLICT DO NOTHING")
                .param("a", account).param("k", kind.stored()).param("t", target)
                .param("l", label.length() > 200 ? label.substring(0, 200) : label).param("now", now()).update();
    }

    private void remove(String table, long account, Interest kind, String target) {
        jdbc.sql("DELETE FROM " + table + " WHERE account_id = :a AND kind = :k AND target = :t")
                .param("a", account).param("k", kind.stored()).param("t", target).update();
    }

    private List<Entry> list(String table, long account) {
        return jdbc.sql("SELECT kind, target, label, created_at FROM " + table + " WHERE account_id = :a ORDER BY kind, label, target")
                .param("a", account)
                .query((rs, row) -> new Entry(Interest.parse(rs.getString("kind")).orElseThrow(), rs.getString("target"),
                        rs.getString("label"), instant(rs, "created_at")))
                .list();
    }

    // --- saved articles ---

    /** Saves an existing article; false when there is no such article. */
    boolean save(long account, long articleId) {
        jdbc.sql("INSERT INTO saved_article (account_id, article_id, saved_at) SELECT :a, id, :now FROM article WHERE id = :id "
                        + "ON CONFLICT DO NOTHING")
                .param("a", account).param("id", articleId).param("now", now()).update();
        return isSaved(account, articleId);
    }

    void unsave(long account, long articleId) {
        jdbc.sql("DELETE FROM saved_article WHERE account_id = :a AND article_id = :id").param("a", account).param("id", articleId).update();
    }

    boolean isSaved(long account, long articleId) {
        return jdbc.sql("SELECT COUNT(*) FROM saved_article WHERE account_id = :a AND article_id = :id")
                .param("a", account).param("id", articleId).query(Long.class).single() > 0;
    }

    List<Marked> saved(long account, int limit) {
        return marked("SELECT article_id, saved_at AS at FROM saved_article WHERE account_id = :a ORDER BY saved_at DESC, article_id DESC LIMIT :limit",
                account, limit);
    }

    // --- reading history ---

    /** Remembers that the reader opened this article now, if the reader keeps a history. */
    void recordRead(long account, long articleId) {
        OffsetDateTime now = now();
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

    List<Marked> history(long account, int limit) {
        return marked("SELECT article_id, read_at AS at FROM reading_history WHERE account_id = :a ORDER BY read_at DESC, article_id DESC LIMIT :limit",
                account, limit);
    }

    void clearHistory(long account) {
        jdbc.sql("DELETE FROM reading_history WHERE account_id = :a").param("a", account).update();
    }

    /** Sources of the articles the reader opened since {@code since}, with how many of their articles were opened. */
    List<long[]> sourcesRead(long account, Instant since) {
        return jdbc.sql("""
                SELECT a.source_id, COUNT(*) AS n FROM reading_history h JOIN article a ON a.id = h.article_id
                WHERE h.account_id = :a AND h.read_at >= :since GROUP BY a.source_id""")
                .param("a", account).param("since", since.atOffset(ZoneOffset.UTC))
                .query((rs, row) -> new long[] {rs.getLong("source_id"), rs.getLong("n")}).list();
    }

    /** Stories of the articles the reader opened since {@code since}. */
    List<Long> storiesRead(long account, Instant since) {
        return jdbc.sql("""
                SELECT DISTINCT a.story_id FROM reading_history h JOIN article a ON a.id = h.article_id
                WHERE h.account_id = :a AND h.read_at >= :since AND a.story_id IS NOT NULL""")
                .param("a", account).param("since", since.atOffset(ZoneOffset.UTC)).query(Long.class).list();
    }

    /** Ids among {@code articleIds} the reader has opened. */
    List<Long> readAmong(long account, List<Long> articleIds) {
        if (articleIds.isEmpty()) return List.of();
        return jdbc.sql("SELECT article_id FROM reading_history WHERE account_id = :a AND article_id IN (:ids)")
                .param("a", account).param("ids", articleIds).query(Long.class).list();
    }

    // --- what "For you" picks from ---

    /**
     * Articles of enabled sources published since {@code since}, copies left out, newest first, at
     * most {@code limit}. {@code section} is the article's section when the enrichment stored one
     * ({@code withArticleSection}), else its source's.
     */
    List<Recent> recent(Instant since, int limit, boolean withArticleSection) {
        String section = withArticleSection ? "COALESCE(a.section, s.section)" : "s.section";
        return jdbc.sql("SELECT a.id, a.story_id, a.source_id, s.name, " + section + " AS section, a.title, a.lead, a.published_at"
                        + """
                 FROM article a JOIN source s ON s.id = a.source_id
                WHERE s.enabled = TRUE AND a.duplicate_of IS NULL AND a.published_at >= :since
                ORDER BY a.published_at DESC, a.id DESC LIMIT :limit""")
                .param("since", since.atOffset(ZoneOffset.UTC)).param("limit", limit)
                .query((rs, row) -> new Recent(rs.getLong("id"), (Long) rs.getObject("story_id", Long.class), rs.getLong("source_id"),
                        rs.getString("name"), rs.getString("section"), rs.getString("title"), rs.getString("lead"),
                        instant(rs, "published_at")))
                .list();
    }

    /** Forgets everything of this reader's (the account is being deleted). */
    void erase(long account) {
        for (String table : List.of("reader_follow", "reader_mute", "saved_article", "reading_history")) {
            jdbc.sql("DELETE FROM " + table + " WHERE account_id = :a").param("a", account).update();
        }
    }

    private List<Marked> marked(String sql, long account, int limit) {
        return jdbc.sql(sql).param("a", account).param("limit", limit)
                .query((rs, row) -> new Marked(rs.getLong("article_id"), instant(rs, "at"))).list().stream().collect(toList());
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
