package org.tidings.server.store;

import static org.tidings.server.store.Columns.toDb;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pipeline's state: which articles wait for which stage, the claims that let processes share a stage's work,
 * and named leases of work one process at a time may do. A stage stores its result and hands the article on in one
 * statement (the stores append {@link Job#HAND_ON} and {@link Job#STILL_HELD} to their own), so no crash falls
 * between the two, and a result computed from an older text never overwrites a newer one.
 */
@Repository
public class PipelineStore {

    /** An article claimed for a stage, at the {@code revision} it had then: a result is stored only while it is unchanged. */
    public record Job(long id, int revision, ArticleStage stage) {

        /** The assignments of an {@code UPDATE article} that hand the article to {@code :next}. */
        static final String HAND_ON = "stage = :next, stage_lease_until = NULL";
        /** The condition of an {@code UPDATE article} that holds while the article is as claimed; bind both with {@link #bind}. */
        static final String STILL_HELD = "id = :id AND revision = :revision AND stage = :stage";

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, ArticleStage next) {
            return statement.param("id", id).param("revision", revision).param("stage", stage.column())
                    .param("next", next.column());
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public PipelineStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Claims up to {@code limit} articles waiting for {@code stage}, skipping rows held or locked elsewhere. The story
     * stage takes them in order of publication (a story grows in the order its reports came out), the others by id.
     */
    @Transactional
    public List<Job> claim(ArticleStage stage, Duration lease, int limit) {
        Instant now = clock.instant();
        List<Job> jobs = jdbc.sql("""
                SELECT id, revision FROM article
                WHERE stage = :stage AND (stage_lease_until IS NULL OR stage_lease_until < :now)
                ORDER BY %s LIMIT :limit
                FOR UPDATE SKIP LOCKED""".formatted(stage == ArticleStage.STORY ? "published_at, id" : "id"))
                .param("stage", stage.column()).param("now", toDb(now)).param("limit", limit)
                .query((rs, row) -> new Job(rs.getLong("id"), rs.getInt("revision"), stage)).list();
        if (!jobs.isEmpty()) {
            jdbc.sql("UPDATE article SET stage_lease_until = :until WHERE id IN (:ids)")
                    .param("until", toDb(now.plus(lease))).param("ids", jobs.stream().map(Job::id).toList())
                    .update();
        }
        return jobs;
    }

    /** Hands the article on to {@code next} without a result of this stage; false when it changed since the claim. */
    public boolean handOn(Job job, ArticleStage next) {
        return job.bind(jdbc.sql("UPDATE article SET " + Job.HAND_ON + " WHERE " + Job.STILL_HELD), next).update() == 1;
    }

    public long waiting(ArticleStage stage) {
        return jdbc.sql("SELECT COUNT(*) FROM article WHERE stage = :stage").param("stage", stage.column())
                .query(Long.class).single();
    }

    /** Takes or keeps the named lease for work one process at a time may do (the story desk); true while {@code owner} holds it. */
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
}
