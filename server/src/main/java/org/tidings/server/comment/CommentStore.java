package org.tidings.server.comment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Comments, reactions, reports, suspensions and the moderation log, in plain SQL. Nothing here is
 * cached: a comment a moderator hides is gone from the next page any reader loads.
 */
@Repository
class CommentStore {

    static final String LIKE = "like";

    /** A comment as stored, with its author's name (null when the account is gone) and its likes. */
    record Stored(long id, long articleId, Long parentId, Long rootId, Long authorId, String author, String body,
            CommentStatus status, Instant createdAt, Instant editedAt, int likes, boolean liked) {

        boolean authorGone() {
            return author == null;
        }

        long threadId() {
            return rootId == null ? id : rootId;
        }
    }

    /** The signed-in reader as comments see them: id, name, role, whether suspended, when the account was made. */
    record Member(long id, String username, String role, boolean suspended, Instant createdAt) {}

    /** A comment waiting for a moderator, with what it is waiting for. */
    record Queued(Stored comment, String articleTitle, int openReports, String reasons, boolean authorSuspended) {}

    private static final String COLUMNS = """
            c.id, c.article_id, c.parent_id, c.root_id, c.author_id, COALESCE(a.display_name, a.username) AS author, c.body, c.status,
            c.created_at, c.edited_at,
            (SELECT COUNT(*) FROM comment_reaction r WHERE r.comment_id = c.id AND r.kind = 'like') AS likes,
            (SELECT COUNT(*) FROM comment_reaction r WHERE r.comment_id = c.id AND r.kind = 'like' AND r.account_id = :viewer) AS liked
            """;
    /**
     * The author's account, when there is one. A missing row is a deleted account.
     * (With the accounts' soft deletion, {@code account.deleted_at}, add {@code AND a.deleted_at IS NULL}.)
     */
    private static final String AUTHOR_JOIN = " LEFT JOIN account a ON a.id = c.author_id AND a.deleted_at IS NULL ";

    private final JdbcClient jdbc;
    private final Clock clock;

    CommentStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Member> member(String username) {
        return jdbc.sql("""
                SELECT a.id, a.username, a.role, a.created_at,
                       (SELECT COUNT(*) FROM account_suspension s WHERE s.account_id = a.id) AS suspended
                FROM account a WHERE a.username = :u AND a.deleted_at IS NULL""")
                .param("u", username)
                .query((rs, row) -> new Member(rs.getLong("id"), rs.getString("username"), rs.getString("role"),
                        rs.getLong("suspended") > 0, instant(rs, "created_at")))
                .optional();
    }

    boolean articleExists(long articleId) {
        return jdbc.sql("SELECT COUNT(*) FROM article WHERE id = :id").param("id", articleId).query(Long.class).single() > 0;
    }

    long insert(long articleId, Long parentId, Long rootId, long authorId, String body, CommentStatus status) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO comment (article_id, parent_id, root_id, author_id, body, status, created_at)
                VALUES (:article, :parent, :root, :author, :body, :status, :now)""")
                .param("article", articleId).param("parent", parentId).param("root", rootId).param("author", authorId)
                .param("body", body).param("status", status.code()).param("now", toDb(clock.instant()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<Stored> find(long id, long viewerId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM comment c " + AUTHOR_JOIN + " WHERE c.id = :id")
                .param("id", id).param("viewer", viewerId).query(CommentStore::stored).optional();
    }

    /**
     * The comments of one article a viewer may see, oldest first: visible, deleted and hidden ones
     * (the last two only become text-less placeholders, and only while they have replies), the
     * viewer's own held ones, and for a moderator everything.
     */
    List<Stored> forArticle(long articleId, long viewerId, boolean moderator) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM comment c " + AUTHOR_JOIN + """
                 WHERE c.article_id = :article
                   AND (c.status IN ('visible', 'deleted', 'hidden') OR (c.status = 'held' AND c.author_id = :viewer) OR :moderator = TRUE)
                 ORDER BY c.created_at, c.id""")
                .param("article", articleId).param("viewer", viewerId).param("moderator", moderator)
                .query(CommentStore::stored).list();
    }

    /** The latest visible comments on any of these articles, newest first: a story's conversation. */
    List<Stored> latestOn(Collection<Long> articleIds, int limit) {
        if (articleIds.isEmpty()) return List.of();
        return jdbc.sql("SELECT " + COLUMNS + " FROM comment c " + AUTHOR_JOIN + """
                 WHERE c.article_id IN (:articles) AND c.status = 'visible'
                 ORDER BY c.created_at DESC, c.id DESC LIMIT :limit""")
                .param("articles", articleIds).param("viewer", -1L).param("limit", limit)
                .query(CommentStore::stored).list();
    }

    /** Visible comments per article, for many articles in one query; articles without comments are absent. */
    Map<Long, Integer> visibleCounts(Collection<Long> articleIds) {
        Map<Long, Integer> counts = new HashMap<>();
        if (articleIds.isEmpty()) return counts;
        jdbc.sql("SELECT article_id, COUNT(*) AS n FROM comment WHERE status = 'visible' AND article_id IN (:ids) GROUP BY article_id")
                .param("ids", articleIds)
                .query(rs -> {
                    counts.put(rs.getLong("article_id"), rs.getInt("n"));
                });
        return counts;
    }

    long visibleCommentsBy(long authorId) {
        return jdbc.sql("SELECT COUNT(*) FROM comment WHERE author_id = :a AND status = 'visible'")
                .param("a", authorId).query(Long.class).single();
    }

    void edit(long id, String body, CommentStatus status) {
        jdbc.sql("UPDATE comment SET body = :body, status = :status, edited_at = :now WHERE id = :id")
                .param("body", body).param("status", status.code()).param("now", toDb(clock.instant())).param("id", id)
                .update();
    }

    void setStatus(long id, CommentStatus status) {
        jdbc.sql("UPDATE comment SET status = :status WHERE id = :id").param("status", status.code()).param("id", id).update();
    }

    /** Likes if the reader did not, unlikes if they did; true when the comment is now liked. */
    @Transactional
    boolean toggleLike(long commentId, long accountId) {
        int removed = jdbc.sql("DELETE FROM comment_reaction WHERE comment_id = :c AND account_id = :a AND kind = 'like'")
                .param("c", commentId).param("a", accountId).update();
        if (removed > 0) return false;
        jdbc.sql("""
                INSERT INTO comment_reaction (comment_id, account_id, kind, created_at) VALUES (:c, :a, 'like', :now)
                ON CONFLICT DO NOTHING""")
                .param("c", commentId).param("a", accountId).param("now", toDb(clock.instant())).update();
        return true;
    }

    /** Records a reader's report; false when this reader had reported it already. */
    boolean report(long commentId, long accountId, String reason) {
        return jdbc.sql("""
                INSERT INTO comment_report (comment_id, account_id, reason, created_at) VALUES (:c, :a, :r, :now)
                ON CONFLICT DO NOTHING""")
                .param("c", commentId).param("a", accountId).param("r", reason).param("now", toDb(clock.instant()))
                .update() == 1;
    }

    void resolveReports(long commentId) {
        jdbc.sql("UPDATE comment_report SET resolved_at = :now WHERE comment_id = :c AND resolved_at IS NULL")
                .param("now", toDb(clock.instant())).param("c", commentId).update();
    }

    /** Held comments and comments with open reports, oldest first. */
    List<Queued> queue(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                , ar.title AS article_title,
                  (SELECT COUNT(*) FROM comment_report r WHERE r.comment_id = c.id AND r.resolved_at IS NULL) AS open_reports,
                  (SELECT COUNT(*) FROM account_suspension s WHERE s.account_id = c.author_id) AS suspended
                FROM comment c """ + " " + AUTHOR_JOIN + """
                 JOIN article ar ON ar.id = c.article_id
                WHERE c.status = 'held'
                   OR (c.status IN ('visible', 'hidden')
                       AND EXISTS (SELECT 1 FROM comment_report r WHERE r.comment_id = c.id AND r.resolved_at IS NULL))
                ORDER BY c.created_at, c.id LIMIT :limit""")
                .param("viewer", -1L).param("limit", limit)
                .query((rs, row) -> new Queued(stored(rs, row), rs.getString("article_title"), rs.getInt("open_reports"),
                        null, rs.getLong("suspended") > 0))
                .list()
                .stream()
                .map(q -> new Queued(q.comment(), q.articleTitle(), q.openReports(), reasons(q.comment().id()), q.authorSuspended()))
                .toList();
    }

    private String reasons(long commentId) {
        return String.join(" ", jdbc.sql("""
                SELECT reason FROM comment_report WHERE comment_id = :c AND resolved_at IS NULL GROUP BY reason ORDER BY reason""")
                .param("c", commentId).query(String.class).list());
    }

    /** Suspends an account; false when it was suspended already. */
    boolean suspend(long accountId, long moderatorId, String reason) {
        return jdbc.sql("""
                INSERT INTO account_suspension (account_id, reason, suspended_by, created_at) VALUES (:a, :r, :m, :now)
                ON CONFLICT DO NOTHING""")
                .param("a", accountId).param("r", reason).param("m", moderatorId).param("now", toDb(clock.instant()))
                .update() == 1;
    }

    boolean lift(long accountId) {
        return jdbc.sql("DELETE FROM account_suspension WHERE account_id = :a").param("a", accountId).update() == 1;
    }

    void log(long moderatorId, String action, Long commentId, Long accountId, String note) {
        jdbc.sql("""
                INSERT INTO moderation_action (acted_at, moderator_id, action, comment_id, account_id, note)
                VALUES (:now, :m, :action, :c, :a, :note)""")
                .param("now", toDb(clock.instant())).param("m", moderatorId).param("action", action)
                .param("c", commentId).param("a", accountId).param("note", note).update();
    }

    /** The moderation log, newest first. */
    List<Map<String, Object>> actions(int limit) {
        return jdbc.sql("SELECT acted_at, moderator_id, action, comment_id, account_id, note FROM moderation_action "
                + "ORDER BY id DESC LIMIT :limit").param("limit", limit).query().listOfRows();
    }

    long count(CommentStatus status) {
        return jdbc.sql("SELECT COUNT(*) FROM comment WHERE status = :s").param("s", status.code()).query(Long.class).single();
    }

    private static Stored stored(ResultSet rs, int row) throws SQLException {
        return new Stored(rs.getLong("id"), rs.getLong("article_id"), nullableLong(rs, "parent_id"), nullableLong(rs, "root_id"),
                nullableLong(rs, "author_id"), rs.getString("author"), rs.getString("body"),
                CommentStatus.of(rs.getString("status")), instant(rs, "created_at"), instant(rs, "edited_at"),
                rs.getInt("likes"), rs.getLong("liked") > 0);
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime toDb(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
