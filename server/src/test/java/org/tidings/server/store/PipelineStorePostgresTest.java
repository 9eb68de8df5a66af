package org.tidings.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tidings.server.testing.Fixtures;
import org.tidings.server.testing.MutableClock;
import org.tidings.server.testing.Stores;
import org.tidings.server.testing.TestDatabase;

/**
 * Processes share the pipeline's work only through PostgreSQL (an H2 file is one process's): a stage
 * that works in the transaction of its claim holds its articles until it ends, and another process
 * meanwhile takes the others.
 */
class PipelineStorePostgresTest {

    private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");

    @Test
    void anotherProcessTakesTheArticlesNotHeldByAWorkUnderWay() throws Exception {
        Stores s = Stores.on(TestDatabase.POSTGRES, new MutableClock(T0));
        long source = s.sources().add(Fixtures.source("https://a.test/feed", "A"), Duration.ofMinutes(15)).id();
        for (int i = 0; i < 5; i++) {
            s.articles().save(source, ArticleDraft.ofFeed("k" + i, "https://a.test/" + i, "Title " + i, null, null, null, null,
                    T0.minus(Duration.ofMinutes(i)), null, "h" + i), false);
        }
        // each process's stage runs its round in a transaction, as the proxy of PipelineStore#work does
        TransactionTemplate inTransaction = new TransactionTemplate(new DataSourceTransactionManager(s.dataSource()));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<List<Long>> first = CompletableFuture.supplyAsync(() -> inTransaction.execute(status -> {
            List<Long> taken = new ArrayList<>();
            s.pipeline().work(ArticleStage.ENRICH, 3, jobs -> {
                jobs.forEach(job -> taken.add(job.id()));
                holding.countDown();
                await(release);
                jobs.forEach(job -> s.pipeline().handOn(job, ArticleStage.STORY));
            });
            return taken;
        }));
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

        List<Long> second = inTransaction.execute(status -> {
            List<Long> taken = new ArrayList<>();
            assertThat(s.pipeline().work(ArticleStage.ENRICH, 10, jobs -> jobs.forEach(job -> taken.add(job.id())))).isEqualTo(2);
            return taken;
        });
        release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).as("the oldest first").containsExactly(s.idOf("k4"), s.idOf("k3"), s.idOf("k2"));
        assertThat(second).containsExactly(s.idOf("k1"), s.idOf("k0"));
        assertThat(s.pipeline().waiting(ArticleStage.STORY)).isEqualTo(3);
        assertThat(s.pipeline().waiting(ArticleStage.ENRICH)).as("the second worked without handing on").isEqualTo(2);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
