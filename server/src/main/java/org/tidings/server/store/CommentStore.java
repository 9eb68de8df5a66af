package org.tidings.server.store;

import static org.tidings.server.store.Columns.fromDb;
import static org.tidings.server.store.Columns.toDb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Comments, reactions, reports, suspensions and the moderation log; uncached, so a hidden comment is gone at once. */
@Repository
public class CommentStore {

    /** A comment as stored, with its author's name (null when the account is gone) and its likes. */
    public record Stored(long id, long articleId, Long parentId, Long rootId, Long authorId, String author, String body,
            CommentStatus status, Instant createdAt, Instant editedAt, int likes, boolean liked) {

        public boolean authorGone() {
            return author == null;
        }

        public long threadId() {
            return rootId == null ? id : rootId;
        }
    }

    /** The signed-in reader as comments see them. */
    public record Member(long id, String username, String role, boolean suspended, Instant createdAt) {}

    /** A comment waiting for a moderator, with what it is waiting for. */
    public record Queued(Stored comment, String articleTitle, int openReports, String reasons, boolean authorSuspended) {}

    private static final String COLUMNS = """
            c.id, c.article_id, c.parent_id, c.root_id, c.author_id, COALESCE(a.display_name, a.username) AS author, c.body, c.status,
            c.created_at, c.edited_at,
            (SELECT COUNT(*) FROM comment_reaction r WHERE r.comment_id = c.id AND r.kind = 'like') AS likes,
            (SELECT COUNT(*) FROM comment_reaction r WHERE r.comment_id = c.id AND r.kind = 'like' AND r.account_id = :viewer) AS liked
            """;
    private static final String AUTHOR_JOIN = " LEFT JOIN account a ON a.id = c.author_id AND a.deleted_at IS NULL ";

    private final JdbcClient jdbc;
    private final Clock clock;

    public CommentStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Member> member(String username) {
        return jdbc.sql("""
                SELECT a.id, a.username, a.role, a.created_at,
                       (SELECT COUNT(*) FROM account_suspension s WHERE s.account_id = a.id) AS suspended
                FROM account a WHERE a.username = :u AND a.deleted_at IS NULL""")
                .param("u", username)
                .query((rs, row) -> new Member(rs.getLong("id"), rs.getString("username"), rs.getString("role"),
                        rs.getLong("suspended") > 0, fromDb(rs, "created_at")))
                .optional();
    }

    public boolean articleExists(long articleId) {
        return jdbc.sql("SELECT COUNT(*) FROM article WHERE id = :id").param("id", articleId).query(Long.class).single() > 0;
    }

    public long insert(long articleId, Long parentId, Long rootId, long authorId, String body, CommentStatus status) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO comment (article_id, parent_id, root_id, author_id, body, status, created_at)
                VALUES (:article, :parent, :root, :author, :body, :status, :now)""")
                .param("article", articleId).param("parent", parentId).param("root", rootId).param("author", authorId)
                .param("body", body).param("status", status.code()).param("now", toDb(clock.instant()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<Stored> find(long id, long viewerId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM comment c " + AUTHOR_JOIN + " WHERE c.id = :id")
                .param("id", id).param("viewer", viewerId).query(CommentStore::stored).optional();
    }

    /**
     * The comments of an article a viewer may see, oldest first: visible, deleted and hidden ones (shown as
     * text-less placeholders while they have replies), the viewer's own held ones; everything for a moderator.
     */
    public List<Stored> forArticle(long articleId, long viewerId, boolean moderator) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM comment c " + AUTHOR_JOIN + """
                 WHERE c.article_id = :article
                   AND (c.status IN ('visible', 'deleted', 'hidden') OR (c.status = 'held' AND c.author_id = :viewer) OR :moderator = TRUE)
                 ORDER BY c.created_at, c.id""")
                .param("article", articleId).param("viewer", viewerId).param("moderator", moderator)
                .query(CommentStore::stored).list();
    }

    /** The latest visible comments on any of these articles, newest first: a story's conversation. */
    public List<Stored> latestOn(Collection<Long> articleIds, int limit) {
        if (articleIds.isEmpty()) return List.of();
        return jdbc.sql("SELECT " + COLUMNS + " FROM comment c " + AUTHOR_JOIN + """
                 WHERE c.article_id IN (:articles) AND c.status = 'visible'
                 ORDER BY c.created_at DESC, c.id DESC LIMIT :limit""")
                .param("articles", articleIds).param("viewer", -1L).param("limit", limit)
                .query(CommentStore::stored).list();
    }

    /** Visible comments per article, for many articles in one query; articles without comments are absent. */
    public Map<Long, Integer> visibleCounts(Collection<Long> articleIds) {
        Map<Long, Integer> counts = new HashMap<>();
        if (articleIds.isEmpty()) return counts;
        jdbc.sql("SELECT article_id, COUNT(*) AS n FROM comment WHERE status = 'visible' AND article_id IN (:ids) GROUP BY article_id")
                .param("ids", articleIds)
                .query(rs -> { counts.put(rs.getLong("article_id"), rs.getInt("n")); });
        return counts;
    }

    public long visibleCommentsBy(long authorId) {
        return jdbc.sql("SELECT COUNT(*) FROM comment WHERE author_id = :a AND status = 'visible'")
                .param("a", authorId).query(Long.class).single();
    }

    public void edit(long id, String body, CommentStatus status) {
        jdbc.sql("UPDATE comment SET body = :body, status = :status, edited_at = :now WHERE id = :id")
                .param("body", body).param("status", status.code()).param("now", toDb(clock.instant())).param("id", id)
                .update();
    }

    public void setStatus(long id, CommentStatus status) {
        jdbc.sql("UPDATE comment SET status = :status WHERE id = :id").param("status", status.code()).param("id", id).update();
    }

    /** Likes if the reader did not, unlikes if they did; true when the comment is now liked. */
    @Transactional
    public boolean toggleLike(long commentId, long accountId) {
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
    public boolean report(long commentId, long accountId, String reason) {
        return jdbc.sql("""
                INSERT INTO comment_report (comment_id, account_id, reason, created_at) VALUES (:c, :a, :r, :now)
                ON CONFLICT DO NOTHING""")
                .param("c", commentId).param("a", accountId).param("r", reason).param("now", toDb(clock.instant()))
                .update() == 1;
    }

    public void resolveReports(long commentId) {
        jdbc.sql("UPDATE comment_report SET resolved_at = :now WHERE comment_id = :c AND resolved_at IS NULL")
                .param("now", toDb(clock.instant())).param("c", commentId).update();
    }

    /** What waits for a moderator: a held comment, or a comment with a report no moderator has answered. */
    private static final String WAITING = """
            (c.status = 'held'
             OR (c.status IN ('visible', 'hidden')
                 AND EXISTS (SELECT 1 FROM comment_report r WHERE r.comment_id = c.id AND r.resolved_at IS NULL)))""";

    /** How many comments wait for a moderator: the length of {@link #queue}. */
    public int waiting() {
        return jdbc.sql("SELECT COUNT(*) FROM comment c WHERE " + WAITING).query(Integer.class).single();
    }

    /** Held comments and comments with open reports, oldest first. */
    public List<Queued> queue(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                , ar.title AS article_title,
                  (SELECT COUNT(*) FROM comment_report r WHERE r.comment_id = c.id AND r.resolved_at IS NULL) AS open_reports,
                  (SELECT COUNT(*) FROM account_suspension s WHERE s.account_id = c.author_id) AS suspended
                FROM comment c """ + AUTHOR_JOIN + """
                 JOIN article ar ON ar.id = c.article_id
                WHERE """ + WAITING + """

                ORDER BY c.created_at, c.id LIMIT :limit""")
                .param("viewer", -1L).param("limit", limit)
                .query((rs, row) -> new Queued(stored(rs, row), rs.getString("article_title"), rs.getInt("open_reports"),
                        null, rs.getLong("suspended") > 0))
                .list().stream()
                .map(q -> new Queued(q.comment(), q.articleTitle(), q.openReports(), reasons(q.comment().id()), q.authorSuspended()))
                .toList();
    }

    private String reasons(long commentId) {
        return String.join(" ", jdbc.sql("""
                SELECT reason FROM comment_report WHERE comment_id = :c AND resolved_at IS NULL GROUP BY reason ORDER BY reason""")
                .param("c", commentId).query(String.class).list());
    }

    /** Suspends an account; false when it was suspended already. */
    public boolean suspend(long accountId, long moderatorId, String reason) {
        return jdbc.sql("""
                INSERT INTO account_suspension (account_id, reason, suspended_by, created_at) VALUES (:a, :r, :m, :now)
                ON CONFLICT DO NOTHING""")
                .param("a", accountId).param("r", reason).param("m", moderatorId).param("now", toDb(clock.instant()))
                .update() == 1;
    }

    public boolean lift(long accountId) {
        return jdbc.sql("DELETE FROM account_suspension WHERE account_id = :a").param("a", accountId).update() == 1;
    }

    public void log(long moderatorId, String action, Long commentId, Long accountId, String note) {
        jdbc.sql("""
                INSERT INTO moderation_action (acted_at, moderator_id, action, comment_id, account_id, note)
                VALUES (:now, :m, :action, :c, :a, :note)""")
                .param("now", toDb(clock.instant())).param("m", moderatorId).param("action", action)
                .param("c", commentId).param("a", accountId).param("note", note).update();
    }

    /** A reader's comments (less those they deleted), likes and reports, as plain maps for their export. */
    public Map<String, Object> exportOf(long accountId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("comments", jdbc.sql("""
                SELECT id, article_id, parent_id, body, status, created_at, edited_at FROM comment
                 WHERE author_id = :a AND status <> 'deleted' ORDER BY created_at, id""")
                .param("a", accountId).query((rs, n) -> row("id", rs.getLong("id"), "articleId", rs.getLong("article_id"),
                        "replyTo", rs.getObject("parent_id"), "text", rs.getString("body"), "status", rs.getString("status"),
                        "at", String.valueOf(fromDb(rs, "created_at")), "edited", Objects.toString(fromDb(rs, "edited_at"), null)))
                .list());
        data.put("likes", jdbc.sql("SELECT comment_id, created_at FROM comment_reaction WHERE account_id = :a ORDER BY created_at")
                .param("a", accountId).query((rs, n) -> row("commentId", rs.getLong("comment_id"),
                        "at", String.valueOf(fromDb(rs, "created_at")))).list());
        data.put("reports", jdbc.sql("SELECT comment_id, reason, created_at FROM comment_report WHERE account_id = :a ORDER BY created_at")
                .param("a", accountId).query((rs, n) -> row("commentId", rs.getLong("comment_id"), "reason", rs.getString("reason"),
                        "at", String.valueOf(fromDb(rs, "created_at")))).list());
        return data;
    }

    /** The reader's comments become "deleted" placeholders (replies by others stay in place); their likes and reports go. */
    public void eraseAuthor(long accountId) {
        jdbc.sql("UPDATE comment SET body = '', status = 'deleted' WHERE author_id = :a").param("a", accountId).update();
        jdbc.sql("DELETE FROM comment_reaction WHERE account_id = :a").param("a", accountId).update();
        jdbc.sql("DELETE FROM comment_report WHERE account_id = :a").param("a", accountId).update();
    }

    private static Map<String, Object> row(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) m.put((String) pairs[i], pairs[i + 1]);
        return m;
    }

    private static Stored stored(ResultSet rs, int row) throws SQLException {
        return new Stored(rs.getLong("id"), rs.getLong("article_id"), rs.getObject("parent_id", Long.class),
                rs.getObject("root_id", Long.class), rs.getObject("author_id", Long.class), rs.getString("author"), rs.getString("body"),
                CommentStatus.of(rs.getString("status")), fromDb(rs, "created_at"), fromDb(rs, "edited_at"),
                rs.getInt("likes"), rs.getLong("liked") > 0);
    }
}
