package org.tidings.server.store;

import static org.tidings.server.store.Timestamps.fromDb;
import static org.tidings.server.store.Timestamps.toDb;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stories in the articles table: who belongs to which story, and the story desk's lease. */
@Repository
public class StoryStore {

    /** What the story desk needs of an article. */
    public record Clusterable(long id, String title, String summary, String content, String url, String publisher,
            Instant published, String lang, Long storyId) {}

    private static final String CLUSTERABLE = """
            SELECT a.id, a.title, a.summary, a.content, a.url, s.name AS publisher, a.published_at, a.lang, a.story_id
            FROM article a JOIN source s ON s.id = a.source_id""";

    private final JdbcClient jdbc;
    private final Clock clock;

    public StoryStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** An article of a story, as the front page ranks stories. */
    public record Member(long storyId, long articleId, String title, String publisher, Instant published) {}

    /** The placed, non-copy articles of enabled sources published since {@code since}, by story and time. */
    public List<Member> recentMembers(Instant since) {
        return jdbc.sql("""
                SELECT a.story_id, a.id, a.title, s.name, a.published_at FROM article a JOIN source s ON s.id = a.source_id
                WHERE a.story_id IS NOT NULL AND a.duplicate_of IS NULL AND s.enabled = TRUE AND a.published_at >= :since
                ORDER BY a.story_id, a.published_at, a.id""")
                .param("since", toDb(since))
                .query((rs, row) -> new Member(rs.getLong("story_id"), rs.getLong("id"), rs.getString("title"),
                        rs.getString("name"), fromDb(rs, "published_at")))
                .list();
    }

    /** Takes or keeps the named lease for {@code owner}; true while {@code owner} holds it. */
    public boolean holdLease(String name, String owner, Duration lease) {
        Instant now = clock.instant();
        int taken = jdbc.sql("""
                INSERT INTO worker_lease (name, owner, lease_until) VALUES (:name, :owner, :until) ON CONFLICT DO NOTHING""")
                .param("name", name).param("owner", owner).param("until", toDb(now.plus(lease))).update();
        if (taken == 1) return true;
        return jdbc.sql("""
                UPDATE worker_lease SET owner = :owner, lease_until = :until
                WHERE name = :name AND (owner = :owner OR lease_until < :now)""")
                .param("name", name).param("owner", owner).param("until", toDb(now.plus(lease))).param("now", toDb(now))
                .update() == 1;
    }

    /** Articles already placed in stories, published since {@code from}, in order: to rebuild the desk. */
    public List<Clusterable> clusteredSince(Instant from) {
        return jdbc.sql(CLUSTERABLE + " WHERE a.clustered_at IS NOT NULL AND a.published_at >= :from ORDER BY a.published_at, a.id")
                .param("from", toDb(from)).query(StoryStore::map).list();
    }

    /** Articles not yet placed, oldest first. */
    public List<Clusterable> unclustered(int limit) {
        return jdbc.sql(CLUSTERABLE + " WHERE a.clustered_at IS NULL ORDER BY a.published_at, a.id LIMIT :limit")
                .param("limit", limit).query(StoryStore::map).list();
    }

    public void assign(long articleId, long storyId, Long duplicateOf) {
        jdbc.sql("UPDATE article SET story_id = :story, duplicate_of = :dup, clustered_at = :now, changed_at = :now WHERE id = :id")
                .param("story", storyId).param("dup", duplicateOf).param("now", toDb(clock.instant())).param("id", articleId)
                .update();
    }

    /**
     * Articles found to copy {@code original}, an earlier version that arrived after them, now name
     * it; their change time moves so that the search index takes them out of the lists.
     */
    public void repoint(List<Long> copies, long original) {
        if (copies.isEmpty()) return;
        jdbc.sql("UPDATE article SET duplicate_of = :original, changed_at = :now WHERE id IN (:copies)")
                .param("original", original).param("copies", copies).param("now", toDb(clock.instant())).update();
    }

    /** Stories that converged become one: their articles move to {@code into}. */
    public void merge(List<Long> stories, long into) {
        if (stories.isEmpty()) return;
        jdbc.sql("UPDATE article SET story_id = :into, changed_at = :now WHERE story_id IN (:from)")
                .param("into", into).param("from", stories).param("now", toDb(clock.instant())).update();
    }

    private static Clusterable map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Clusterable(rs.getLong("id"), rs.getString("title"), rs.getString("summary"), rs.getString("content"),
                rs.getString("url"), rs.getString("publisher"), fromDb(rs, "published_at"), rs.getString("lang"),
                (Long) rs.getObject("story_id", Long.class));
    }
}
