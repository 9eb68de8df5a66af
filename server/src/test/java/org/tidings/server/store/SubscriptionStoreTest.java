package org.tidings.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tidings.server.account.Roles;
import org.tidings.server.testing.Fixtures;
import org.tidings.server.testing.MutableClock;
import org.tidings.server.testing.OnEachDatabase;
import org.tidings.server.testing.TestDatabase;

/** Read marks, on H2 and PostgreSQL, when a reader's requests come at once (two tabs, a double click, an app's retry). */
@OnEachDatabase
class SubscriptionStoreTest {

    @Parameter
    TestDatabase db;

    private static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");
    private final MutableClock clock = new MutableClock(NOW);

    @Test
    void anArticleOpenedTwiceAtOnceIsMarkedReadOnceAndNeitherRequestFails() throws Exception {
        DataSource ds = db.migrated();
        JdbcClient jdbc = JdbcClient.create(ds);
        SubscriptionStore store = new SubscriptionStore(jdbc, clock);
        long source = new SourceStore(jdbc, clock).add(Fixtures.source("https://harbour.test/feed", "Harbour Times"), Duration.ofMinutes(15)).id();
        String url = "https://harbour.test/bridge";
        new ArticleStore(jdbc, clock).save(source, ArticleDraft.ofFeed(url, url, "Bridge reopens", "<p>The bridge reopens.</p>",
                null, null, null, NOW, null, "h1"), false);
        long article = jdbc.sql("SELECT id FROM article WHERE url = :u").param("u", url).query(Long.class).single();
        long reader = new AccountStore(jdbc, clock).createReader("nadia@example.test", "Nadia", "$argon2id$x", Roles.READER).orElseThrow();
        store.subscribe(reader, source, null, null);

        int requests = 6;
        ExecutorService threads = Executors.newFixedThreadPool(requests);
        try {
            for (int round = 0; round < 30; round++) {
                store.markUnread(reader, List.of(article));
                CyclicBarrier together = new CyclicBarrier(requests);
                List<CompletableFuture<Integer>> marks = new ArrayList<>();
                for (int i = 0; i < requests; i++) {
                    boolean all = i % 2 == 0;
                    marks.add(CompletableFuture.supplyAsync(() -> {
                        await(together);
                        return all ? store.markAllRead(reader, new SubscriptionStore.Scope.Everything(), NOW.plusSeconds(1))
                                : store.markRead(reader, List.of(article));
                    }, threads));
                }
                int marked = 0;
                for (CompletableFuture<Integer> mark : marks) marked += mark.join();
                assertThat(marked).as("round %d: one request of six found it unread", round).isEqualTo(1);
                assertThat(store.isRead(reader, article)).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
