package org.tidings.server.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Turns at publishers' hosts: a few per host, a few more in all, a short wait for one, and a refusal after it. */
class RelayTurnsTest {

    private static final Duration MOMENT = Duration.ofMillis(50);

    @Test
    void aFetchBeyondTheBoundsOfItsHostOrOfAllIsRefusedAfterItsWait() throws Exception {
        RelayTurns turns = new RelayTurns(2, 3, 8);
        assertThat(turns.take("photos.harbour.test", Duration.ZERO)).isTrue();
        assertThat(turns.take("photos.harbour.test", Duration.ZERO)).isTrue();
        assertThat(turns.take("photos.harbour.test", MOMENT)).as("two at one host").isFalse();
        assertThat(turns.take("img.valley.test", Duration.ZERO)).as("another host").isTrue();
        assertThat(turns.take("cdn.courier.test", MOMENT)).as("three in all").isFalse();

        turns.give("photos.harbour.test");
        assertThat(turns.take("cdn.courier.test", Duration.ZERO)).as("a turn given back is free").isTrue();
        assertThat(turns.take("photos.harbour.test", MOMENT)).isFalse();
    }

    @Test
    void aWaitingFetchGetsTheNextTurnAtItsHostAndFewMayWait() throws Exception {
        RelayTurns turns = new RelayTurns(1, 4, 1);
        assertThat(turns.take("photos.harbour.test", Duration.ZERO)).isTrue();
        try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> take(turns, Duration.ofSeconds(20)), readers);
            await().atMost(Duration.ofSeconds(5)).until(() -> turns.waiting() == 1);
            long start = System.nanoTime();
            assertThat(take(turns, Duration.ofSeconds(20))).as("one may wait, and one waits already").isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("refused at once").isLessThan(Duration.ofSeconds(5));
            assertThat(waiting).as("still waiting").isNotDone();

            turns.give("photos.harbour.test");
            assertThat(waiting.get()).as("the waiting fetch has the turn").isTrue();
            assertThat(turns.take("photos.harbour.test", MOMENT)).isFalse();
        }
    }

    private static boolean take(RelayTurns turns, Duration wait) {
        try {
            return turns.take("photos.harbour.test", wait);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
