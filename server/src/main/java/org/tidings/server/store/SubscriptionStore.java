package org.tidings.server.store;

import static org.tidings.server.store.Columns.fromDb;
import static org.tidings.server.store.Columns.toDb;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Readers' own feeds and what they have read: one source row however many readers subscribe to its feed, a
 * subscription per reader (with the reader's own title and label), and a row per article a reader has read (an article
 * without one is unread). Starred is the reader's saved articles ({@code saved_article}).
 */
@Repository
public class SubscriptionStore {

    /** A reader's subscription as the reader's lists show it, with its unread count. */
    public record Subscribed(long sourceId, String feedUrl, String title, String siteUrl, String label, boolean published,
            Instant createdAt, long unread, Instant newest) {}

    /** Which articles a stream, or "mark all as read", takes from those the reader may see. */
    public sealed interface Scope {
        /** Every subscription's. */
        record Everything() implements Scope {}

        /** One source's, subscribed to or published on the edition. */
        record OfSource(long sourceId) implements Scope {}

        /** The subscriptions the reader filed under a label. */
        record OfLabel(String label) implements Scope {}

        /** The reader's subscriptions' articles on a topic (its slug). */
        record OfTopic(String slug) implements Scope {}

        /** The reader's subscriptions' articles in a section. */
        record OfSection(String section) implements Scope {}

        /** The reader's saved (starred) articles, of any source. */
        record Starred() implements Scope {}

        /** The articles the reader has read, of any source. */
        record Read() implements Scope {}
    }

    /** How a stream is read: which state is left out or required, a time window, the order, where the last page ended. */
    public record Query(Scope scope, Boolean read, Instant newerThan, Instant olderThan, boolean oldestFirst,
            Instant afterPublished, Long afterId, int limit) {}

    /** An article as a feed reader shows it, with the reader's state. */
    public record Item(long id, String title, String url, String author, Instant publishedAt, Instant updatedAt,
            Instant firstSeenAt, String lead, String bodyHtml, long sourceId, String feedUrl, String sourceTitle,
            String siteUrl, String label, boolean read, boolean starred) {}

    private static final String ITEM = """
            SELECT a.id, a.title, a.url, a.author, a.published_at, a.updated_at, a.first_seen_at, a.lead, a.body_html,
                   s.id AS source_id, s.feed_url, COALESCE(sub.title, s.name) AS source_title, s.site_url, sub.label,
                   CASE WHEN r.article_id IS NULL THEN FALSE ELSE TRUE END AS is_read,
                   CASE WHEN v.article_id IS NULL THEN FALSE ELSE TRUE END AS starred
            FROM article a JOIN source s ON s.id = a.source_id
            LEFT JOIN subscription sub ON sub.source_id = a.source_id AND sub.account_id = :a
            LEFT JOIN article_read r ON r.article_id = a.id AND r.account_id = :a
            LEFT JOIN saved_article v ON v.article_id = a.id AND v.account_id = :a
            """;
    /** What a reader may see: their subscriptions' articles, and the edition's. */
    private static final String VISIBLE = "(sub.account_id IS NOT NULL OR (s.enabled = TRUE AND s.published = TRUE))";

    private final JdbcClient jdbc;
    private final Clock clock;

    public SubscriptionStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Subscribes the reader; false when already subscribed (the title and label are then left as they were). */
    public boolean subscribe(long account, long sourceId, String title, String label) {
        return jdbc.sql("""
                INSERT INTO subscription (account_id, source_id, title, label, created_at)
                SELECT :a, :s, :title, :label, :now FROM source WHERE id = :s
                AND NOT EXISTS (SELECT 1 FROM subscription WHERE account_id = :a AND source_id = :s)""")
                .param("a", account).param("s", sourceId).param("title", Columns.cut(blankToNull(title), 300))
                .param("label", Columns.cut(blankToNull(label), 100)).param("now", toDb(clock.instant())).update() > 0;
    }

    public boolean unsubscribe(long account, long sourceId) {
        return jdbc.sql("DELETE FROM subscription WHERE account_id = :a AND source_id = :s")
                .param("a", account).param("s", sourceId).update() > 0;
    }

    /** The reader's own name for the feed; blank goes back to the publisher's. */
    public boolean rename(long account, long sourceId, String title) {
        return jdbc.sql("UPDATE subscription SET title = :t WHERE account_id = :a AND source_id = :s")
                .param("t", Columns.cut(blankToNull(title), 300)).param("a", account).param("s", sourceId).update() > 0;
    }

    /** Files the subscription under a label (a folder); null takes it out of any. */
    public boolean label(long account, long sourceId, String label) {
        return jdbc.sql("UPDATE subscription SET label = :l WHERE account_id = :a AND source_id = :s")
                .param("l", Columns.cut(blankToNull(label), 100)).param("a", account).param("s", sourceId).update() > 0;
    }

    public boolean isSubscribed(long account, long sourceId) {
        return jdbc.sql("SELECT COUNT(*) FROM subscription WHERE account_id = :a AND source_id = :s")
                .param("a", account).param("s", sourceId).query(Long.class).single() > 0;
    }

    /** The reader's subscriptions by title, each with its unread count and newest article. */
    public List<Subscribed> subscriptions(long account) {
        return jdbc.sql("""
                SELECT s.id, s.feed_url, COALESCE(sub.title, s.name) AS title, s.site_url, sub.label, s.published,
                       sub.created_at, COALESCE(u.unread, 0) AS unread, u.newest
                FROM subscription sub JOIN source s ON s.id = sub.source_id
                LEFT JOIN (SELECT a.source_id, COUNT(*) AS unread, MAX(a.published_at) AS newest
                           FROM subscription mine JOIN article a ON a.source_id = mine.source_id
                           WHERE mine.account_id = :a
                             AND NOT EXISTS (SELECT 1 FROM article_read r WHERE r.account_id = :a AND r.article_id = a.id)
                           GROUP BY a.source_id) u ON u.source_id = s.id
                WHERE sub.account_id = :a
                ORDER BY LOWER(COALESCE(sub.title, s.name)), s.id""")
                .param("a", account)
                .query((rs, row) -> new Subscribed(rs.getLong("id"), rs.getString("feed_url"), rs.getString("title"),
                        rs.getString("site_url"), rs.getString("label"), rs.getBoolean("published"), fromDb(rs, "created_at"),
                        rs.getLong("unread"), fromDb(rs, "newest")))
                .list();
    }

    /** The reader's labels, in order. */
    public List<String> labels(long account) {
        return jdbc.sql("SELECT DISTINCT label FROM subscription WHERE account_id = :a AND label IS NOT NULL ORDER BY label")
                .param("a", account).query(String.class).list();
    }

    /** The source a reader may read by its feed's address: one of the reader's subscriptions, or the edition's. */
    public Optional<Long> visibleSource(long account, String feedUrl) {
        return jdbc.sql("""
                SELECT s.id FROM source s LEFT JOIN subscription sub ON sub.source_id = s.id AND sub.account_id = :a
                WHERE s.feed_url = :url AND""" + " " + VISIBLE)
                .param("a", account).param("url", feedUrl).query(Long.class).optional();
    }

    /** A page of a stream, in the query's order. */
    public List<Item> items(long account, Query q) {
        StringBuilder sql = new StringBuilder(ITEM).append(" WHERE ");
        List<Object[]> params = new ArrayList<>();
        sql.append(scope(q.scope(), params));
        if (q.read() != null) sql.append(q.read() ? " AND r.article_id IS NOT NULL" : " AND r.article_id IS NULL");
        if (q.newerThan() != null) {
            sql.append(" AND a.published_at >= :newer");
            params.add(new Object[] {"newer", toDb(q.newerThan())});
        }
        if (q.olderThan() != null) {
            sql.append(" AND a.published_at < :older");
            params.add(new Object[] {"older", toDb(q.olderThan())});
        }
        String cmp = q.oldestFirst() ? ">" : "<";
        if (q.afterPublished() != null && q.afterId() != null) {
            sql.append(" AND (a.published_at ").append(cmp).append(" :cp OR (a.published_at = :cp AND a.id ").append(cmp).append(" :cid))");
            params.add(new Object[] {"cp", toDb(q.afterPublished())});
            params.add(new Object[] {"cid", q.afterId()});
        }
        String dir = q.oldestFirst() ? " ASC" : " DESC";
        sql.append(" ORDER BY a.published_at").append(dir).append(", a.id").append(dir).append(" LIMIT :limit");
        JdbcClient.StatementSpec spec = jdbc.sql(sql.toString()).param("a", account).param("limit", q.limit());
        for (Object[] p : params) spec = spec.param((String) p[0], p[1]);
        return spec.query(SubscriptionStore::item).list();
    }

    /** These articles, as far as the reader may see them, in the order asked. */
    public List<Item> items(long account, List<Long> ids) {
        if (ids.isEmpty()) return List.of();
        List<Item> found = jdbc.sql(ITEM + " WHERE a.id IN (:ids) AND " + VISIBLE).param("a", account).param("ids", ids)
                .query(SubscriptionStore::item).list();
        return ids.stream().distinct().flatMap(id -> found.stream().filter(i -> i.id() == id)).toList();
    }

    /** How many of the reader's subscriptions' articles are unread, per source, with the newest one's time. */
    public record Unread(long sourceId, String feedUrl, String label, long count, Instant newest) {}

    public List<Unread> unread(long account) {
        return jdbc.sql("""
                SELECT s.id, s.feed_url, sub.label, COUNT(*) AS n, MAX(a.published_at) AS newest
                FROM subscription sub JOIN source s ON s.id = sub.source_id JOIN article a ON a.source_id = sub.source_id
                WHERE sub.account_id = :a
                  AND NOT EXISTS (SELECT 1 FROM article_read r WHERE r.account_id = :a AND r.article_id = a.id)
                GROUP BY s.id, s.feed_url, sub.label""")
                .param("a", account)
                .query((rs, row) -> new Unread(rs.getLong("id"), rs.getString("feed_url"), rs.getString("label"),
                        rs.getLong("n"), fromDb(rs, "newest")))
                .list();
    }

    /**
     * Marks these articles read (those that exist); returns how many were unread. A mark made at the same moment by
     * another request of the reader's (two tabs, an app's retry) wins, and this one counts nothing.
     */
    public int markRead(long account, List<Long> ids) {
        if (ids.isEmpty()) return 0;
        return jdbc.sql("""
                INSERT INTO article_read (account_id, article_id, read_at)
                SELECT :a, a.id, :now FROM article a WHERE a.id IN (:ids)
                AND NOT EXISTS (SELECT 1 FROM article_read r WHERE r.account_id = :a AND r.article_id = a.id)
                ON CONFLICT DO NOTHING""")
                .param("a", account).param("ids", ids).param("now", toDb(clock.instant())).update();
    }

    public int markUnread(long account, List<Long> ids) {
        if (ids.isEmpty()) return 0;
        return jdbc.sql("DELETE FROM article_read WHERE account_id = :a AND article_id IN (:ids)")
                .param("a", account).param("ids", ids).update();
    }

    /** Marks read every article of the scope that reached Tidings up to {@code upTo}; returns how many were unread. */
    public int markAllRead(long account, Scope scope, Instant upTo) {
        List<Object[]> params = new ArrayList<>();
        String where = scope(scope, params);
        JdbcClient.StatementSpec spec = jdbc.sql("""
                INSERT INTO article_read (account_id, article_id, read_at)
                SELECT :a, a.id, :now FROM article a JOIN source s ON s.id = a.source_id
                LEFT JOIN subscription sub ON sub.source_id = a.source_id AND sub.account_id = :a
                LEFT JOIN article_read r ON r.article_id = a.id AND r.account_id = :a
                LEFT JOIN saved_article v ON v.article_id = a.id AND v.account_id = :a
                WHERE r.article_id IS NULL AND a.first_seen_at <= :upTo AND""" + " " + where + " ON CONFLICT DO NOTHING")
                .param("a", account).param("now", toDb(clock.instant())).param("upTo", toDb(upTo));
        for (Object[] p : params) spec = spec.param((String) p[0], p[1]);
        return spec.update();
    }

    /**
     * Whether the article is of a reader's private feed that this reader (null: an anonymous one) does not subscribe to:
     * such an article is not found for them, on its page or through the API.
     */
    public boolean hiddenFrom(long articleId, Long account) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM article a JOIN source s ON s.id = a.source_id
                WHERE a.id = :id AND s.published = FALSE
                AND NOT EXISTS (SELECT 1 FROM subscription sub WHERE sub.source_id = s.id AND sub.account_id = :a)""")
                .param("id", articleId).param("a", account == null ? -1L : account).query(Long.class).single() > 0;
    }

    public boolean isRead(long account, long articleId) {
        return jdbc.sql("SELECT COUNT(*) FROM article_read WHERE account_id = :a AND article_id = :id")
                .param("a", account).param("id", articleId).query(Long.class).single() > 0;
    }

    /** Forgets the reader's subscriptions and read marks (the account is being deleted). */
    public void eraseAll(long account) {
        jdbc.sql("DELETE FROM subscription WHERE account_id = :a").param("a", account).update();
        jdbc.sql("DELETE FROM article_read WHERE account_id = :a").param("a", account).update();
    }

    private static String scope(Scope scope, List<Object[]> params) {
        return switch (scope) {
            case Scope.Everything e -> "sub.account_id IS NOT NULL";
            case Scope.OfSource s -> {
                params.add(new Object[] {"source", s.sourceId()});
                yield "a.source_id = :source AND " + VISIBLE;
            }
            case Scope.OfLabel l -> {
                params.add(new Object[] {"label", l.label()});
                yield "sub.label = :label";
            }
            case Scope.OfTopic t -> {
                params.add(new Object[] {"topic", t.slug()});
                yield "sub.account_id IS NOT NULL AND EXISTS (SELECT 1 FROM article_topic t WHERE t.article_id = a.id AND t.slug = :topic)";
            }
            case Scope.OfSection s -> {
                params.add(new Object[] {"section", s.section()});
                yield "sub.account_id IS NOT NULL AND COALESCE(a.section, s.section) = :section";
            }
            case Scope.Starred s -> "v.article_id IS NOT NULL AND " + VISIBLE;
            case Scope.Read r -> "r.article_id IS NOT NULL AND " + VISIBLE;
        };
    }

    private static Item item(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Item(rs.getLong("id"), rs.getString("title"), rs.getString("url"), rs.getString("author"),
                fromDb(rs, "published_at"), fromDb(rs, "updated_at"), fromDb(rs, "first_seen_at"), Columns.text(rs, "lead"),
                rs.getString("body_html"), rs.getLong("source_id"), rs.getString("feed_url"), rs.getString("source_title"),
                rs.getString("site_url"), rs.getString("label"), rs.getBoolean("is_read"), rs.getBoolean("starred"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
