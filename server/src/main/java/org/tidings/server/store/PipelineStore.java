package org.tidings.server.store;

import static org.tidings.server.store.Columns.toDb;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
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
        static final String HAND_ON = "stage = :next, stage_lease_until = NULL, stage_lease_owner = NULL";
        /** The condition of an {@code UPDATE article} that holds while the article is as claimed; bind both with {@link #bind}. */
        static final String STILL_HELD = "id = :id AND revision = :revision AND stage = :stage";
        /** {@link #STILL_HELD} of the row the statement updates, whatever else it updates. */
        static final String HELD = "revision = :revision AND stage = :stage";

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, ArticleStage next) {
            return statement.param("id", id).param("revision", revision).param("stage", stage.column())
                    .param("next", next.column());
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final RowClaims claims;

    public PipelineStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.claims = new RowClaims(jdbc);
    }

    /**
     * Claims up to {@code limit} articles waiting for {@code stage} for {@code worker} until the lease ends, for work
     * that waits on the network (fetching pages): it runs outside the claim's transaction, and the lease keeps other
     * rounds and other processes off the rows meanwhile.
     */
    @Transactional
    public List<Job> claim(ArticleStage stage, String worker, Duration lease, int limit) {
        Instant now = clock.instant();
        Instant until = now.plus(lease).truncatedTo(ChronoUnit.MILLIS); // found again by equality: as stored
        List<Job> waiting = firstWaiting(stage, now, limit);
        if (waiting.isEmpty()) return waiting;
        List<Long> ids = waiting.stream().map(Job::id).toList();
        int taken = jdbc.sql("""
                UPDATE article SET stage_lease_until = :until, stage_lease_owner = :worker
                WHERE id IN (:ids) AND stage = :stage AND (stage_lease_until IS NULL OR stage_lease_until < :now)""")
                .param("until", toDb(until)).param("worker", worker).param("ids", ids).param("stage", stage.column())
                .param("now", toDb(now)).update();
        if (taken == waiting.size()) return waiting;
        // another process took some of them between the two statements (where rows are not locked)
        Set<Long> ours = Set.copyOf(jdbc.sql("""
                SELECT id FROM article WHERE id IN (:ids) AND stage_lease_owner = :worker AND stage_lease_until = :until""")
                .param("ids", ids).param("worker", worker).param("until", toDb(until)).query(Long.class).list());
        return waiting.stream().filter(job -> ours.contains(job.id())).toList();
    }

    /**
     * Does {@code work} on up to {@code limit} articles waiting for {@code stage} in the transaction that claims them,
     * for work that computes (enrichment, stories): its results are stored with the claim or not at all, and no lease
     * is written (on H2 every write of an article row rewrites its entries in every index). PostgreSQL locks the rows
     * until the end, and other processes skip them; an H2 file is one process's, where one thread runs each stage.
     * Returns how many articles it took.
     */
    @Transactional
    public int work(ArticleStage stage, int limit, Consumer<List<Job>> work) {
        List<Job> jobs = firstWaiting(stage, clock.instant(), limit);
        if (!jobs.isEmpty()) work.accept(jobs);
        return jobs.size();
    }

    /**
     * The first articles waiting for {@code stage} and not held, in order of publication (a story grows in the order
     * its reports came out): the order of the index on {@code (stage, published_at, id)}, so only these rows are read.
     */
    private List<Job> firstWaiting(ArticleStage stage, Instant now, int limit) {
        return jdbc.sql("""
                SELECT id, revision FROM article
                WHERE stage = :stage AND (stage_lease_until IS NULL OR stage_lease_until < :now)
                ORDER BY stage, published_at, id LIMIT :limit
                %s""".formatted(claims.skipLocked()))
                .param("stage", stage.column()).param("now", toDb(now)).param("limit", limit)
                .query((rs, row) -> new Job(rs.getLong("id"), rs.getInt("revision"), stage)).list();
    }

    /** Hands the article on to {@code next} without a result of this stage; false when it changed since the claim. */
    public boolean handOn(Job job, ArticleStage next) {
        return job.bind(jdbc.sql("UPDATE article SET " + Job.HAND_ON + " WHERE " + Job.STILL_HELD), next).update() == 1;
    }

    public long waiting(ArticleStage stage) {
        return jdbc.sql("SELECT COUNT(*) FROM article WHERE stage = :stage").param("stage", stage.column())
                .query(Long.class).single();
    }

    /**
     * Frees what an earlier instance of this worker's slot held and did not finish (it crashed: a slot has one live
     * process at a time): its articles' claims and its named leases, to be taken again now rather than when they lapse.
     * Returns how many.
     */
    @Transactional
    public int releaseEarlierInstances(String slotPrefix, String self) {
        List<String> waiting = Arrays.stream(ArticleStage.values()).filter(s -> s != ArticleStage.DONE).map(ArticleStage::column)
                .toList();
        int articles = RowClaims.bindEarlier(jdbc.sql("""
                UPDATE article SET stage_lease_until = NULL, stage_lease_owner = NULL
                WHERE stage IN (:waiting) AND\s""" + RowClaims.earlierInstance("stage_lease_owner")), slotPrefix, self)
                .param("waiting", waiting).update();
        int leases = RowClaims.bindEarlier(jdbc.sql("DELETE FROM worker_lease WHERE " + RowClaims.earlierInstance("owner")),
                slotPrefix, self).update();
        return articles + leases;
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
