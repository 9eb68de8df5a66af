package org.tidings.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tidings.server.testing.Fixtures;
import org.tidings.server.testing.MutableClock;
import org.tidings.server.testing.OnEachDatabase;
import org.tidings.server.testing.TestDatabase;

@OnEachDatabase
class SourceStoreTest {

    @Parameter
    TestDatabase db;

    private static final Duration INTERVAL = Duration.ofMinutes(15);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T08:00:00Z"));

    private SourceStore store(DataSource ds) {
        return new SourceStore(JdbcClient.create(ds), clock);
    }

    @Test
    void addsOnceByFeedUrlAndKeepsSettings() {
        SourceStore store = store(db.migrated());
        Source first = store.add(new SourceSettings("https://a.test/feed", "A", "https://a.test/", "en", "uk", "world", true, true), INTERVAL);
        Source again = store.add(Fixtures.source("https://a.test/feed", "A again"), INTERVAL);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(store.count()).isEqualTo(1);
        assertThat(first.name()).isEqualTo("A");
        assertThat(first.language()).isEqualTo("en");
        assertThat(first.region()).isEqualTo("uk");
        assertThat(first.nextFetchAt()).isEqualTo(clock.instant());
        assertThat(first.health().lastStatus()).isNull();
    }

    @Test
    void recordsFailuresAndSuccessOnTheHealthLine() {
        SourceStore store = store(db.migrated());
        long id = store.add(Fixtures.source("https://a.test/feed", "A"), INTERVAL).id();

        store.onFailed(id, "unreachable", null, "unknown host: a.test", clock.instant().plus(Duration.ofMinutes(5)));
        store.onFailed(id, "http_500", 500, "the server answered HTTP 500", clock.instant().plus(Duration.ofMinutes(10)));
        Source failing = store.findById(id).orElseThrow();
        assertThat(failing.health().consecutiveFailures()).isEqualTo(2);
        assertThat(failing.health().lastError()).isEqualTo("the server answered HTTP 500");
        assertThat(failing.health().lastHttpStatus()).isEqualTo(500);
        assertThat(failing.nextFetchAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));

        store.onFetched(id, "ok", 200, new Source.Validators("\"e1\"", "Tue, 24 Nov 2026 10:00:00 GMT", "abc"), INTERVAL, null);
        Source healthy = store.findById(id).orElseThrow();
        assertThat(healthy.health().consecutiveFailures()).isZero();
        assertThat(healthy.health().lastError()).isNull();
        assertThat(healthy.health().lastSuccessAt()).isEqualTo(clock.instant());
        assertThat(healthy.validators().etag()).isEqualTo("\"e1\"");
    }

    @Test
    void claimsOnlyDueEnabledUnleasedSources() {
        SourceStore store = store(db.migrated());
        long due = store.add(Fixtures.source("https://a.test/1", "due"), INTERVAL).id();
        long later = store.add(Fixtures.source("https://a.test/2", "later"), INTERVAL).id();
        long disabled = store.add(Fixtures.source("https://a.test/3", "off"), INTERVAL).id();
        store.onFetched(later, "ok", 200, new Source.Validators(null, null, null), INTERVAL, null);
        store.update(disabled, new SourceSettings("https://a.test/3", "off", null, null, null, null, true, false));

        List<Source> claimed = store.claimDue("w1", Duration.ofMinutes(5), 10);
        assertThat(claimed).extracting(Source::id).containsExactly(due);
        assertThat(store.claimDue("w2", Duration.ofMinutes(5), 10)).as("leased to w1").isEmpty();

        clock.advance(Duration.ofMinutes(6));
        assertThat(store.claimDue("w2", Duration.ofMinutes(5), 10)).as("lease expired: taken over")
                .extracting(Source::id).containsExactly(due);
    }

    @Test
    void aProcessStartedAgainFetchesAtOnceWhatItsCrashedPredecessorHadClaimed() {
        SourceStore store = store(db.migrated());
        for (int i = 0; i < 4; i++) store.add(Fixtures.source("https://a.test/" + i, "s" + i), INTERVAL);
        Duration lease = Duration.ofMinutes(5);
        // the slot "vm-1a2b3c4d": its crashed instance, and the instance started after it; "vm-1a2b3c4d-2" is
        // another process, running, whose slot's name begins with the same letters
        List<Long> leftByTheCrash = store.claimDue("vm-1a2b3c4d#0000dead", lease, 2).stream().map(Source::id).toList();
        List<Long> heldByAnother = store.claimDue("vm-1a2b3c4d-2#00000b0b", lease, 2).stream().map(Source::id).toList();
        String restarted = "vm-1a2b3c4d#0000a11e";
        assertThat(store.claimDue(restarted, lease, 10)).as("all claimed, none lapsed").isEmpty();

        assertThat(store.releaseEarlierInstances("vm-1a2b3c4d#", restarted)).isEqualTo(2);
        assertThat(store.claimDue(restarted, lease, 10)).as("at once, not after the lease")
                .extracting(Source::id).containsExactlyInAnyOrderElementsOf(leftByTheCrash);
        assertThat(store.releaseEarlierInstances("vm-1a2b3c4d#", restarted)).as("its own claims stay").isZero();
        clock.advance(lease.minusSeconds(1));
        assertThat(store.claimDue(restarted, lease, 10)).as("the other process keeps its claims").isEmpty();
        clock.advance(Duration.ofSeconds(2));
        assertThat(store.claimDue(restarted, lease, 10)).as("and then they lapse").extracting(Source::id).containsAll(heldByAnother);
    }

    @Test
    void concurrentClaimsNeverHandOutASourceTwice() throws Exception {
        DataSource ds = db.migrated();
        SourceStore store = store(ds);
        for (int i = 0; i < 60; i++) store.add(Fixtures.source("https://a.test/" + i, "s" + i), INTERVAL);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));

        List<Callable<List<Long>>> workers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            String worker = "w" + w;
            workers.add(() -> {
                List<Long> mine = new ArrayList<>();
                for (int round = 0; round < 20; round++) {
                    List<Source> batch = tx.execute(s -> store.claimDue(worker, Duration.ofMinutes(5), 4));
                    batch.forEach(source -> mine.add(source.id()));
                }
                return mine;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Long> all = Collections.synchronizedList(new ArrayList<>());
        for (Future<List<Long>> f : pool.invokeAll(workers)) all.addAll(f.get());
        pool.shutdown();

        Set<Long> distinct = new HashSet<>(all);
        assertThat(all).hasSize(distinct.size());
        assertThat(distinct).hasSize(60);
    }

    @Test
    void deletingASourceDeletesItsArticles() {
        DataSource ds = db.migrated();
        SourceStore sources = store(ds);
        ArticleStore articles = new ArticleStore(JdbcClient.create(ds), clock);
        long id = sources.add(Fixtures.source("https://a.test/feed", "A"), INTERVAL).id();
        articles.save(id, ArticleStoreTest.draft("g1", "https://a.test/1", "One", "h1"), false);

        assertThat(sources.delete(id)).isTrue();
        assertThat(JdbcClient.create(ds).sql("SELECT COUNT(*) FROM article").query(Long.class).single()).isZero();
        assertThat(sources.findById(id)).isEmpty();
    }
}
