package org.tidings.server.store;

import static org.tidings.server.store.Timestamps.fromDb;
import static org.tidings.server.store.Timestamps.toDb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The articles table. Saving is idempotent: an entry is found again by its key within its source
 * or by its URL, so a re-fetched, re-ordered or re-identified entry updates the article it was
 * rather than adding a copy, and two processes racing on one entry store it once (the unique
 * constraints decide, {@code ON CONFLICT DO NOTHING} absorbs the loser).
 */
@Repository
public class ArticleStore {

    /** What saving one entry did. */
    public enum Outcome { INSERTED, UPDATED, UNCHANGED }

    private static final String VIEW_COLUMNS = """
            a.id, a.source_id, s.name AS source_name, s.site_url AS source_site_url, a.url, a.title,
            a.summary, a.content, a.author, a.image_url, a.published_at, a.updated_at""";

    private final JdbcClient jdbc;
    private final Clock clock;

    public ArticleStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Outcome save(long sourceId, ArticleDraft draft) {
        // two lookups, each on its own unique index: an OR of the two would scan the table on H2
        Optional<Existing> existing = jdbc.sql("SELECT id, content_hash FROM article WHERE source_id = :sourceId AND entry_key = :entryKey")
                .param("sourceId", sourceId)
                .param("entryKey", draft.entryKey())
                .query(ArticleStore::existing)
                .optional()
                .or(() -> jdbc.sql("SELECT id, content_hash FROM article WHERE url = :url")
                        .param("url", draft.url())
                        .query(ArticleStore::existing)
                        .optional());
        if (existing.isPresent()) {
            return existing.get().contentHash().equals(draft.contentHash()) ? Outcome.UNCHANGED : update(existing.get().id(), draft);
        }
        int inserted = jdbc.sql("""
                INSERT INTO article (source_id, entry_key, url, title, summary, content, author, image_url,
                                     published_at, updated_at, first_seen_at, content_hash)
                VALUES (:sourceId, :entryKey, :url, :title, :summary, :content, :author, :imageUrl,
                        :published, :updated, :now, :contentHash)
                ON CONFLICT DO NOTHING""")
                .params(params(draft))
                .param("sourceId", sourceId)
                .param("published", toDb(draft.publishedAt()))
                .param("updated", toDb(draft.updatedAt()))
                .param("now", toDb(clock.instant()))
                .update();
        return inserted == 1 ? Outcome.INSERTED : Outcome.UNCHANGED;
    }

    private Outcome update(long id, ArticleDraft draft) {
        jdbc.sql("""
                UPDATE article SET title = :title, summary = :summary, content = :content, author = :author,
                       image_url = :imageUrl, updated_at = :updated, content_hash = :contentHash
                WHERE id = :id""")
                .params(params(draft))
                .param("updated", toDb(draft.updatedAt() != null ? draft.updatedAt() : clock.instant()))
                .param("id", id)
                .update();
        return Outcome.UPDATED;
    }

    /** The newest articles of enabled sources, newest first. */
    public List<ArticleView> latest(int limit, int offset) {
        return jdbc.sql("SELECT " + VIEW_COLUMNS + """
                 FROM article a JOIN source s ON s.id = a.source_id
                WHERE s.enabled = TRUE
                ORDER BY a.published_at DESC, a.id DESC
                LIMIT :limit OFFSET :offset""")
                .param("limit", limit)
                .param("offset", offset)
                .query(ArticleStore::map).list();
    }

    public Optional<ArticleView> findById(long id) {
        return jdbc.sql("SELECT " + VIEW_COLUMNS + " FROM article a JOIN source s ON s.id = a.source_id WHERE a.id = :id")
                .param("id", id).query(ArticleStore::map).optional();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM article").query(Long.class).single();
    }

    public long countBySource(long sourceId) {
        return jdbc.sql("SELECT COUNT(*) FROM article WHERE source_id = :id").param("id", sourceId)
                .query(Long.class).single();
    }

    private static Map<String, Object> params(ArticleDraft d) {
        Map<String, Object> p = new HashMap<>();
        p.put("entryKey", d.entryKey());
        p.put("url", d.url());
        p.put("title", d.title());
        p.put("summary", d.summary());
        p.put("content", d.content());
        p.put("author", d.author());
        p.put("imageUrl", d.imageUrl());
        p.put("contentHash", d.contentHash());
        return p;
    }

    private record Existing(long id, String contentHash) {}

    private static Existing existing(ResultSet rs, int row) throws SQLException {
        return new Existing(rs.getLong("id"), rs.getString("content_hash"));
    }

    private static ArticleView map(ResultSet rs, int row) throws SQLException {
        return new ArticleView(
                rs.getLong("id"),
                rs.getLong("source_id"),
                rs.getString("source_name"),
                rs.getString("source_site_url"),
                rs.getString("url"),
                rs.getString("title"),
                rs.getString("summary"),
                rs.getString("content"),
                rs.getString("author"),
                rs.getString("image_url"),
                fromDb(rs, "published_at"),
                fromDb(rs, "updated_at"));
    }
}
