package org.tidings.server.store;

import static java.util.stream.Collectors.toMap;
import static org.tidings.server.store.Columns.fromDb;
import static org.tidings.server.store.Columns.toDb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tidings.server.store.PipelineStore.Job;

/** Which article belongs to which story, as the story desk decides (pages read stories through the {@link Archive}). */
@Repository
public class StoryStore {

    /** What the story desk reads of an article, with its story if it has one already. */
    public record Clusterable(long id, String title, String lead, String canonicalUrl, String publisher,
            Instant published, String lang, Long storyId, boolean placed) {}

    private static final String CLUSTERABLE = """
            SELECT a.id, a.title, a.lead, COALESCE(a.canonical_url, a.url) AS address, s.name AS publisher, a.published_at,
                   a.lang, a.story_id, a.clustered_at
            FROM article a JOIN source s ON s.id = a.source_id""";

    private final JdbcClient jdbc;
    private final Clock clock;

    public StoryStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The articles of these jobs, in the jobs' order (of publication). */
    public List<Clusterable> clusterable(List<Job> jobs) {
        if (jobs.isEmpty()) return List.of();
        Map<Long, Clusterable> byId = jdbc.sql(CLUSTERABLE + " WHERE a.id IN (:ids)").param("ids", jobs.stream().map(Job::id).toList())
                .query(StoryStore::map).list().stream().collect(toMap(Clusterable::id, c -> c));
        return jobs.stream().map(j -> byId.get(j.id())).filter(Objects::nonNull).toList();
    }

    /** Articles already placed in stories, published since {@code from}, in order: to rebuild the desk. */
    public List<Clusterable> placedSince(Instant from) {
        return jdbc.sql(CLUSTERABLE + " WHERE a.clustered_at IS NOT NULL AND a.published_at >= :from ORDER BY a.published_at, a.id")
                .param("from", toDb(from)).query(StoryStore::map).list();
    }

    /**
     * Places the job's article in its story, as a copy of {@code duplicateOf} when it is one, and hands it to {@code
     * next} in the same statement unless it changed since the claim (an edit sends it back to enrichment; its story stays).
     */
    public void assign(Job job, long storyId, Long duplicateOf, ArticleStage next) {
        job.bind(jdbc.sql("""
                UPDATE article SET story_id = :story, duplicate_of = :dup, clustered_at = :now, changed_at = :now,
                       stage = CASE WHEN %s THEN :next ELSE stage END
                WHERE id = :id""".formatted(Job.HELD)), next)
                .param("story", storyId).param("dup", duplicateOf).param("now", toDb(clock.instant()))
                .update();
    }

    /** Copies of {@code original}, an earlier version that came after them, name it; the index then drops them from lists. */
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

    private static Clusterable map(ResultSet rs, int row) throws SQLException {
        return new Clusterable(rs.getLong("id"), rs.getString("title"), rs.getString("lead"), rs.getString("address"),
                rs.getString("publisher"), fromDb(rs, "published_at"), rs.getString("lang"),
                rs.getObject("story_id", Long.class), rs.getObject("clustered_at") != null);
    }
}
