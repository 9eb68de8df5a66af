package org.tidings.server.store;

import static org.tidings.server.store.Columns.text;

import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tidings.article.ArticleText;

/**
 * The articles as the reader's pages read them: one article, its body, its copies, its story's
 * timeline and other reports, and articles named by id (the lists of many are {@link ListingStore}'s).
 */
@Repository
public class Archive {

    private final JdbcClient jdbc;

    public Archive(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ArticleView> findById(long id) {
        return jdbc.sql(ArticleView.SELECT + " WHERE a.id = :id").param("id", id).query(ArticleView::read).optional();
    }

    /** The article's text; one the back-fill has not reached yet gets the body the same rule makes of what it had. */
    public Optional<ArticleText> body(long id) {
        Optional<ArticleText> stored = jdbc.sql("SELECT body_html, body_text, lead, excerpt FROM article WHERE id = :id AND stage <> 'backfill'")
                .param("id", id)
                .query((rs, row) -> new ArticleText(text(rs, "body_html"), text(rs, "body_text"), text(rs, "lead"),
                        rs.getBoolean("excerpt")))
                .optional();
        return stored.isPresent() ? stored : jdbc.sql(ArticleStore.LEGACY + " WHERE id = :id").param("id", id)
                .query((rs, row) -> ArticleStore.legacy(rs, null).text()).optional();
    }

    public Map<Long, String> texts(List<Long> ids) {
        Map<Long, String> texts = new HashMap<>();
        if (ids.isEmpty()) return texts;
        jdbc.sql("SELECT id, body_text FROM article WHERE id IN (:ids)").param("ids", ids)
                .query((ResultSet rs) -> { texts.put(rs.getLong("id"), text(rs, "body_text")); });
        return texts;
    }

    /** Copies of an article (syndicated or republished), for "also published by". */
    public List<ArticleView> copiesOf(long id) {
        return jdbc.sql(ArticleView.SELECT + " WHERE a.duplicate_of = :id ORDER BY a.published_at").param("id", id)
                .query(ArticleView::read).list();
    }

    /** A story's articles in order of publication (its timeline), copies left out. */
    public List<ArticleView> timeline(long storyId) {
        return jdbc.sql(ArticleView.SELECT + " WHERE a.story_id = :story AND a.duplicate_of IS NULL ORDER BY a.published_at, a.id")
                .param("story", storyId).query(ArticleView::read).list();
    }

    /** The rest of the article's story: others' reports, then its publisher's, each newest first; no copies or disabled sources. */
    public List<ArticleView> coverage(ArticleView article, int limit) {
        if (article.storyId() == null) return List.of();
        return jdbc.sql(ArticleView.SELECT + """
                 WHERE a.story_id = :story AND a.id <> :id AND a.duplicate_of IS NULL AND s.enabled = TRUE AND s.published = TRUE
                ORDER BY CASE WHEN a.source_id = :source THEN 1 ELSE 0 END, a.published_at DESC, a.id DESC
                LIMIT :limit""")
                .param("story", article.storyId()).param("id", article.id()).param("source", article.sourceId())
                .param("limit", limit)
                .query(ArticleView::read).list();
    }

    /** These articles, in the order of {@code ids}; ids of articles that no longer exist are skipped. */
    public List<ArticleView> findByIds(List<Long> ids) {
        return inOrder(ids, "");
    }

    /** These articles, in the order of {@code ids}, less copies of others and articles of disabled sources. */
    public List<ArticleView> listed(List<Long> ids) {
        return inOrder(ids, " AND a.duplicate_of IS NULL AND s.enabled = TRUE AND s.published = TRUE");
    }

    private List<ArticleView> inOrder(List<Long> ids, String condition) {
        if (ids.isEmpty()) return List.of();
        Map<Long, ArticleView> found = new HashMap<>();
        jdbc.sql(ArticleView.SELECT + " WHERE a.id IN (:ids)" + condition).param("ids", ids).query(ArticleView::read).list()
                .forEach(a -> found.put(a.id(), a));
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }
}
