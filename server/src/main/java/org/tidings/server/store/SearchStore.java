package org.tidings.server.store;

import static org.tidings.server.store.Columns.fromDb;
import static org.tidings.server.store.Columns.text;
import static org.tidings.server.store.Columns.toDb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the search index reads: the articles changed since a moment ({@code article.changed_at}), with their source. */
@Repository
public class SearchStore {

    public record Change(long id, Instant changedAt) {}

    /** An article as stored, with what its source says of it; {@code regions} are its own region codes, or null. */
    public record Row(long id, long sourceId, String publisher, String title, String text, String lead, String lang,
            String sourceLanguage, String section, String sourceSection, String regions, String sourceRegion,
            Instant publishedAt, Long storyId, Long duplicateOf) {}

    public record Topic(String slug, String label) {}

    private final JdbcClient jdbc;

    public SearchStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} changes after ({@code time}, {@code afterId}) by change then id: a page of a walk through them. */
    public List<Change> changedAfter(Instant time, long afterId, int limit) {
        return jdbc.sql("""
                SELECT id, changed_at FROM article
                WHERE changed_at >= :t AND (changed_at > :t OR id > :id)
                ORDER BY changed_at, id
                LIMIT :limit""")
                .param("t", toDb(time)).param("id", afterId).param("limit", limit)
                .query((rs, n) -> new Change(rs.getLong("id"), fromDb(rs, "changed_at"))).list();
    }

    /** These articles as they are now; an id that is gone is simply missing. */
    public List<Row> articles(Collection<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return jdbc.sql("""
                SELECT a.id, a.source_id, s.name AS publisher, a.title, a.body_text, a.lead, a.lang, s.language AS source_language,
                       a.section, s.section AS source_section, a.regions, s.region AS source_region, a.published_at,
                       a.story_id, a.duplicate_of
                FROM article a JOIN source s ON s.id = a.source_id WHERE a.id IN (:ids)""")
                .param("ids", ids).query(SearchStore::row).list();
    }

    public Map<Long, List<Topic>> topics(Collection<Long> ids) {
        Map<Long, List<Topic>> topics = new HashMap<>();
        if (ids.isEmpty()) return topics;
        jdbc.sql("SELECT article_id, slug, label FROM article_topic WHERE article_id IN (:ids) ORDER BY article_id, slug")
                .param("ids", ids)
                .query((ResultSet rs) -> {
                    topics.computeIfAbsent(rs.getLong("article_id"), k -> new ArrayList<>())
                            .add(new Topic(rs.getString("slug"), rs.getString("label")));
                });
        return topics;
    }

    public List<Long> sourceIds() {
        return jdbc.sql("SELECT id FROM source").query(Long.class).list();
    }

    /**
     * Sources whose articles are kept but listed to no one: switched off, or a reader's private feed not yet published.
     * What a search leaves out for a reader who is not signed in, and the related block for everyone.
     */
    public List<Long> disabledSourceIds() {
        return jdbc.sql("SELECT id FROM source WHERE enabled = FALSE OR published = FALSE").query(Long.class).list();
    }

    /**
     * What a search leaves out for this signed-in reader: the {@link #disabledSourceIds() unlisted sources} less those
     * the reader subscribes to, as the reader's own feeds show them (so a private feed's subscribers find its articles).
     * Whether a source is private is read here at each search, not from the index: publishing or unsubscribing shows or
     * hides its articles at once, with nothing to index again.
     */
    public List<Long> hiddenSourceIds(long reader) {
        return jdbc.sql("""
                SELECT s.id FROM source s WHERE (s.enabled = FALSE OR s.published = FALSE)
                AND NOT EXISTS (SELECT 1 FROM subscription sub WHERE sub.account_id = :reader AND sub.source_id = s.id)""")
                .param("reader", reader).query(Long.class).list();
    }

    /** {@link #hiddenSourceIds(long)} for a signed-in reader, {@link #disabledSourceIds()} (one query less) for anyone else. */
    public List<Long> hiddenSourceIds(OptionalLong reader) {
        return reader.isPresent() ? hiddenSourceIds(reader.getAsLong()) : disabledSourceIds();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("source_id"), rs.getString("publisher"), rs.getString("title"),
                text(rs, "body_text"), text(rs, "lead"), rs.getString("lang"), rs.getString("source_language"),
                rs.getString("section"), rs.getString("source_section"), rs.getString("regions"), rs.getString("source_region"),
                fromDb(rs, "published_at"), rs.getObject("story_id", Long.class), rs.getObject("duplicate_of", Long.class));
    }
}
