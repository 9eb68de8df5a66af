package org.tidings.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.tidings.server.store.PipelineStore.Job;
import org.tidings.server.testing.Fixtures;
import org.tidings.server.testing.MutableClock;
import org.tidings.server.testing.OnEachDatabase;
import org.tidings.server.testing.Stores;
import org.tidings.server.testing.TestDatabase;

/** Claims, hand-overs and leases of the pipeline's stages, on H2 and PostgreSQL. */
@OnEachDatabase
class PipelineStoreTest {

    @Parameter
    TestDatabase db;

    private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(5);
    private final MutableClock clock = new MutableClock(T0);

    private Stores withArticles(TestDatabase db, int n) {
        Stores s = Stores.on(db, clock);
        long source = s.sources().add(Fixtures.source("https://a.test/feed", "A"), Duration.ofMinutes(15)).id();
        for (int i = 0; i < n; i++) {
            // published in reverse order of storing: the story desk must take them by time, not by id
            s.articles().save(source, ArticleDraft.ofFeed("k" + i, "https://a.test/" + i, "Title " + i, null, null, null, null,
                    T0.minus(Duration.ofMinutes(i)), null, "h" + i), false);
        }
        return s;
    }

    @Test
    void aClaimedArticleIsNobodyElsesUntilItsLeaseEnds() {
        Stores s = withArticles(db, 5);
        List<Job> first = s.pipeline().claim(ArticleStage.ENRICH, Stores.WORKER, LEASE, 3);
        List<Job> second = s.pipeline().claim(ArticleStage.ENRICH, Stores.WORKER, LEASE, 3);
        assertThat(first).hasSize(3);
        assertThat(second).hasSize(2).extracting(Job::id).doesNotContainAnyElementsOf(first.stream().map(Job::id).toList());
        assertThat(s.pipeline().claim(ArticleStage.ENRICH, Stores.WORKER, LEASE, 3)).isEmpty();

        clock.advance(LEASE.plusSeconds(1)); // the process that claimed them died
        assertThat(s.pipeline().claim(ArticleStage.ENRICH, Stores.WORKER, LEASE, 10)).hasSize(5);
    }

    @Test
    void anArticleHandedOnWaitsForTheNextStageOnly() {
        Stores s = withArticles(db, 2);
        Job job = s.pipeline().claim(ArticleStage.ENRICH, Stores.WORKER, LEASE, 1).getFirst();
        assertThat(s.pipeline().handOn(job, ArticleStage.STORY)).isTrue();
        assertThat(s.pipeline().handOn(job, ArticleStage.STORY)).as("handed on once").isFalse();
        assertThat(s.pipeline().waiting(ArticleStage.ENRICH)).isEqualTo(1);
        assertThat(s.pipeline().claim(ArticleStage.STORY, Stores.WORKER, LEASE, 10)).extracting(Job::id).containsExactly(job.id());
    }

    @Test
    void theStoryDeskTakesArticlesInOrderOfPublication() {
        Stores s = withArticles(db, 4);
        for (Job job : s.claimAll(ArticleStage.ENRICH)) s.pipeline().handOn(job, ArticleStage.STORY);
        List<Long> ids = s.pipeline().claim(ArticleStage.STORY, Stores.WORKER, LEASE, 10).stream().map(Job::id).toList();
        assertThat(ids).containsExactly(s.idOf("k3"), s.idOf("k2"), s.idOf("k1"), s.idOf("k0"));
    }

    @Test
    void workTakesTheOldestWaitingAndLeavesWhatItDidNotHandOnWaiting() {
        Stores s = withArticles(db, 4);
        List<Long> seen = new ArrayList<>();
        int taken = s.pipeline().work(ArticleStage.ENRICH, 3, jobs -> {
            jobs.forEach(job -> seen.add(job.id()));
            s.pipeline().handOn(jobs.getFirst(), ArticleStage.STORY);
        });
        assertThat(taken).isEqualTo(3);
        assertThat(seen).containsExactly(s.idOf("k3"), s.idOf("k2"), s.idOf("k1"));
        assertThat(s.pipeline().work(ArticleStage.ENRICH, 10, jobs -> {}))
                .as("no lease held them: the next round takes them again").isEqualTo(3);
        assertThat(s.pipeline().work(ArticleStage.BACKFILL, 10, jobs -> {
            throw new AssertionError("no work without articles");
        })).isZero();
    }

    @Test
    void anEditedArticleCannotBeHandedOnByAStageThatReadItBefore() {
        Stores s = withArticles(db, 1);
        Job stale = s.pipeline().claim(ArticleStage.ENRICH, Stores.WORKER, LEASE, 1).getFirst();
        long source = s.sources().findByFeedUrl("https://a.test/feed").orElseThrow().id();
        s.articles().save(source, ArticleDraft.ofFeed("k0", "https://a.test/0", "Title 0, corrected", null, null, null, null,
                T0, null, "changed"), false);
        assertThat(s.pipeline().handOn(stale, ArticleStage.STORY)).isFalse();
        assertThat(s.claimAll(ArticleStage.ENRICH)).as("claimable again at once").hasSize(1);
    }

    @Test
    void aProcessStartedAgainTakesBackAtOnceWhatItsCrashedPredecessorHeldAndNothingElse() {
        Stores s = withArticles(db, 6);
        PipelineStore pipeline = s.pipeline();
        // the slot "vm-1a2b3c4d": its crashed instance, and the instance started after it; "vm-1a2b3c4d-2" is
        // another process, running, whose slot's name begins with the same letters
        String crashed = "vm-1a2b3c4d#0000dead", restarted = "vm-1a2b3c4d#0000a11e", another = "vm-1a2b3c4d-2#00000b0b";
        List<Long> leftByTheCrash = pipeline.claim(ArticleStage.ENRICH, crashed, LEASE, 3).stream().map(Job::id).toList();
        List<Long> heldByAnother = pipeline.claim(ArticleStage.ENRICH, another, LEASE, 2).stream().map(Job::id).toList();
        assertThat(pipeline.holdLease("story-desk", crashed, LEASE)).isTrue();
        assertThat(pipeline.holdLease("other-desk", another, LEASE)).isTrue();
        List<Long> free = pipeline.claim(ArticleStage.ENRICH, restarted, LEASE, 10).stream().map(Job::id).toList();
        assertThat(free).as("the one nobody held").hasSize(1);

        assertThat(pipeline.releaseEarlierInstances("vm-1a2b3c4d#", restarted)).as("three articles, one lease").isEqualTo(4);
        assertThat(pipeline.claim(ArticleStage.ENRICH, restarted, LEASE, 10)).as("at once, not after the lease")
                .extracting(Job::id).containsExactlyInAnyOrderElementsOf(leftByTheCrash);
        assertThat(pipeline.holdLease("story-desk", restarted, LEASE)).isTrue();
        assertThat(pipeline.releaseEarlierInstances("vm-1a2b3c4d#", restarted)).as("its own claims stay").isZero();
        assertThat(pipeline.holdLease("other-desk", restarted, LEASE)).as("the other process keeps its lease").isFalse();
        clock.advance(LEASE.plusSeconds(1));
        assertThat(pipeline.claim(ArticleStage.ENRICH, "vm-9#00000009", LEASE, 10)).as("and its claims, until they lapse")
                .extracting(Job::id).containsAll(heldByAnother);
    }

    @Test
    void aWaitBeforeTheNextAttemptAtAPageIsNoClaimToTakeBack() {
        Stores s = withArticles(db, 1);
        Job job = s.pipeline().claim(ArticleStage.ENRICH, "vm-1a2b3c4d#0000dead", LEASE, 1).getFirst();
        s.articles().onPageFailed(job, "timed out", "failed", List.of(Duration.ofMinutes(1)), ArticleStage.STORY);
        assertThat(s.pipeline().releaseEarlierInstances("vm-1a2b3c4d#", "vm-1a2b3c4d#0000a11e")).isZero();
        assertThat(s.pipeline().claim(ArticleStage.ENRICH, "vm-1a2b3c4d#0000a11e", LEASE, 1)).as("waits its minute").isEmpty();
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(s.pipeline().claim(ArticleStage.ENRICH, "vm-1a2b3c4d#0000a11e", LEASE, 1)).hasSize(1);
    }

    @Test
    void aNamedLeaseHasOneHolderUntilItLapses() {
        PipelineStore leases = Stores.on(db, clock).pipeline();
        assertThat(leases.holdLease("story-desk", "one", LEASE)).isTrue();
        assertThat(leases.holdLease("story-desk", "two", LEASE)).isFalse();
        clock.advance(Duration.ofMinutes(1));
        assertThat(leases.holdLease("story-desk", "one", LEASE)).as("renewed").isTrue();
        clock.advance(Duration.ofMinutes(4).plusSeconds(30));
        assertThat(leases.holdLease("story-desk", "two", LEASE)).as("not lapsed: renewed a minute in").isFalse();
        clock.advance(Duration.ofMinutes(1));
        assertThat(leases.holdLease("story-desk", "two", LEASE)).isTrue();
        assertThat(leases.holdLease("story-desk", "one", LEASE)).isFalse();
    }
}
