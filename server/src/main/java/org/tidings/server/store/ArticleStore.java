package org.tidings.server.store;

import static org.tidings.server.store.Timestamps.fromDb;
import static org.tidings.server.store.Timestamps.toDb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

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

    static final String VIEW_COLUMNS = """
            a.id, a.source_id, s.name AS source_name, s.site_url AS source_site_url, a.url, a.title,
            a.summary, a.content, a.author, a.image_url, a.published_at, a.updated_at,
            a.full_text_status, a.full_html, a.byline, a.lang, a.story_id""";

    private final JdbcClient jdbc;
    private final Clock clock;

    public ArticleStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** An article whose page is to be fetched for its full text. */
    public record FullTextJob(long id, String url, int attempts) {}

    /** What extraction found on an article's page. */
    public record FullText(String status, String html, String byline, String lang, String imageUrl) {}

    /**
     * Saves one entry of a source's feed; a new article of a source with full text on is queued
     * for its page to be fetched.
     */
    public Outcome save(long sourceId, ArticleDraft draft, boolean wantsFullText) {
        // two lookups, each on its own unique index: an OR of the two would scan the table on H2
        Optional<Existing> existing = jdbc.sql("SELECT id, content_hash FROM article WHERE source_id = :sourceId AND entry_key = :entryKey")
                .param("sourceId", sourceId)
                .param("entryKey", draft.entryKey())
                .query(ArticleStore::existing)
                .optional()
                .or(() -> draft.url() == null ? Optional.empty()
                        : jdbc.sql("SELECT id, content_hash FROM article WHERE url = :url")
                                .param("url", draft.url())
                                .query(ArticleStore::existing)
                                .optional());
        if (existing.isPresent()) {
            return existing.get().contentHash().equals(draft.contentHash()) ? Outcome.UNCHANGED : update(existing.get().id(), draft);
        }
        int inserted = jdbc.sql("""
                INSERT INTO article (source_id, entry_key, url, title, summary, content, author, image_url,
                                     published_at, updated_at, first_seen_at, content_hash, full_text_status, changed_at)
                VALUES (:sourceId, :entryKey, :url, :title, :summary, :content, :author, :imageUrl,
                        :published, :updated, :now, :contentHash, :fullTextStatus, :now)
                ON CONFLICT DO NOTHING""")
                .params(params(draft))
                .param("sourceId", sourceId)
                .param("fullTextStatus", wantsFullText && draft.url() != null ? "pending" : null)
                .param("published", toDb(draft.publishedAt()))
                .param("updated", toDb(draft.updatedAt()))
                .param("now", toDb(clock.instant()))
                .update();
        return inserted == 1 ? Outcome.INSERTED : Outcome.UNCHANGED;
    }

    private Outcome update(long id, ArticleDraft draft) {
        jdbc.sql("""
                UPDATE article SET title = :title, summary = :summary, content = :content, author = :author,
                       image_url = :imageUrl, updated_at = :updated, content_hash = :contentHash, changed_at = :now, enriched_at = NULL
                WHERE id = :id""")
                .params(params(draft))
                .param("now", toDb(clock.instant()))
                .param("updated", toDb(draft.updatedAt() != null ? draft.updatedAt() : clock.instant()))
                .param("id", id)
                .update();
        return Outcome.UPDATED;
    }

    /**
     * Claims up to {@code limit} articles whose page is waiting to be fetched, for the length of
     * the lease; rows another process holds are skipped.
     */
    @Transactional
    public List<FullTextJob> claimFullText(Duration lease, int limit) {
        Instant now = clock.instant();
        List<FullTextJob> jobs = jdbc.sql("""
                SELECT id, url, full_text_attempts FROM article
                WHERE full_text_status = 'pending' AND (full_text_lease_until IS NULL OR full_text_lease_until < :now)
                ORDER BY id
                LIMIT :limit
                FOR UPDATE SKIP LOCKED""")
                .param("now", toDb(now)).param("limit", limit)
                .query((rs, row) -> new FullTextJob(rs.getLong("id"), rs.getString("url"), rs.getInt("full_text_attempts")))
                .list();
        if (!jobs.isEmpty()) {
            jdbc.sql("UPDATE article SET full_text_lease_until = :until WHERE id IN (:ids)")
                    .param("until", toDb(now.plus(lease)))
                    .param("ids", jobs.stream().map(FullTextJob::id).toList())
                    .update();
        }
        return jobs;
    }

    /** Stores what extraction found and ends the job. */
    public void onFullText(long id, FullText found) {
        jdbc.sql("""
                UPDATE article SET full_text_status = :status, full_html = :html, byline = :byline, lang = :lang,
                       image_url = COALESCE(image_url, :image), extracted_at = :now, full_text_error = NULL,
                       full_text_lease_until = NULL, changed_at = :now, enriched_at = NULL
                WHERE id = :id""")
                .param("status", found.status()).param("html", found.html()).param("byline", found.byline())
                .param("lang", found.lang()).param("image", found.imageUrl()).param("now", toDb(clock.instant()))
                .param("id", id)
                .update();
    }

    /**
     * Records a failed attempt: the job is tried again after {@code retryAfter} until it has had
     * {@code maxAttempts}, then it ends with {@code finalStatus}; the feed's text stays shown.
     */
    public void onFullTextFailed(long id, String error, String finalStatus, int maxAttempts, Duration retryAfter) {
        jdbc.sql("""
                UPDATE article SET full_text_attempts = full_text_attempts + 1, full_text_error = :error,
                       full_text_status = CASE WHEN full_text_attempts + 1 >= :max THEN :final ELSE full_text_status END,
                       full_text_lease_until = :retry
                WHERE id = :id""")
                .param("error", error == null ? null : error.substring(0, Math.min(500, error.length())))
                .param("max", maxAttempts).param("final", finalStatus)
                .param("retry", toDb(clock.instant().plus(retryAfter))).param("id", id)
                .update();
    }

    /** The newest articles of enabled sources, newest first; copies of other articles are left out. */
    public List<ArticleView> latest(int limit, int offset) {
        return jdbc.sql("SELECT " + VIEW_COLUMNS + """
                 FROM article a JOIN source s ON s.id = a.source_id
                WHERE s.enabled = TRUE AND a.duplicate_of IS NULL
                ORDER BY a.published_at DESC, a.id DESC
                LIMIT :limit OFFSET :offset""")
                .param("limit", limit)
                .param("offset", offset)
                .query(ArticleStore::map).list();
    }

    /**
     * The rest of an article's story: other publishers' reports first, then the same publisher's,
     * newest first within each; copies left out.
     */
    public List<ArticleView> coverage(ArticleView article, int limit) {
        if (article.storyId() == null) return List.of();
        return jdbc.sql("SELECT " + VIEW_COLUMNS + """
                 FROM article a JOIN source s ON s.id = a.source_id
                WHERE a.story_id = :story AND a.id <> :id AND a.duplicate_of IS NULL AND s.enabled = TRUE
                ORDER BY CASE WHEN a.source_id = :source THEN 1 ELSE 0 END, a.published_at DESC, a.id DESC
                LIMIT :limit""")
                .param("story", article.storyId()).param("id", article.id()).param("source", article.sourceId())
                .param("limit", limit)
                .query(ArticleStore::map).list();
    }

    /** Copies of an article (syndicated or republished), for "also published by". */
    public List<ArticleView> copiesOf(long id) {
        return jdbc.sql("SELECT " + VIEW_COLUMNS + " FROM article a JOIN source s ON s.id = a.source_id WHERE a.duplicate_of = :id ORDER BY a.published_at")
                .param("id", id).query(ArticleStore::map).list();
    }

    /** A story's articles in order of publication (its timeline), copies left out. */
    public List<ArticleView> story(long storyId) {
        return jdbc.sql("SELECT " + VIEW_COLUMNS + """
                 FROM article a JOIN source s ON s.id = a.source_id
                WHERE a.story_id = :story AND a.duplicate_of IS NULL
                ORDER BY a.published_at, a.id""")
                .param("story", storyId).query(ArticleStore::map).list();
    }

    public Optional<ArticleView> findById(long id) {
        return jdbc.sql("SELECT " + VIEW_COLUMNS + " FROM article a JOIN source s ON s.id = a.source_id WHERE a.id = :id")
                .param("id", id).query(ArticleStore::map).optional();
    }

    /** These articles, in the order of {@code ids}; ids of articles that no longer exist are skipped. */
    public List<ArticleView> findByIds(List<Long> ids) {
        return inOrder(ids, "");
    }

    /** These articles, in the order of {@code ids}, less copies of others and articles of disabled sources. */
    public List<ArticleView> listed(List<Long> ids) {
        return inOrder(ids, " AND a.duplicate_of IS NULL AND s.enabled = TRUE");
    }

    private List<ArticleView> inOrder(List<Long> ids, String condition) {
        if (ids.isEmpty()) return List.of();
        var found = new java.util.HashMap<Long, ArticleView>();
        for (ArticleView a : jdbc.sql("SELECT " + VIEW_COLUMNS + " FROM article a JOIN source s ON s.id = a.source_id WHERE a.id IN (:ids)"
                + condition).param("ids", ids).query(ArticleStore::map).list()) {
            found.put(a.id(), a);
        }
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM article").query(Long.class).single();
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

    static ArticleView map(ResultSet rs, int row) throws SQLException {
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
                fromDb(rs, "updated_at"),
                rs.getString("full_text_status"),
                rs.getString("full_html"),
                rs.getString("byline"),
                rs.getString("lang"),
                (Long) rs.getObject("story_id", Long.class));
    }
}
