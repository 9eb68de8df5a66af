package org.tidings.server.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The engine under every stage: rounds, claims as wide as the free slots, waking the next stage, stopping. */
class StageTest {

    /** Long enough that only a wake-up can start a round within a test. */
    private static final Duration NEVER = Duration.ofHours(1);

    private static List<Integer> take(ConcurrentLinkedQueue<Integer> queue, int limit) {
        List<Integer> taken = new ArrayList<>();
        for (Integer i; taken.size() < limit && (i = queue.poll()) != null; ) taken.add(i);
        return taken;
    }

    @Test
    void eachPieceRunsOnItsOwnThreadAtMostConcurrencyAtOnceAndWakesTheNextStage() throws Exception {
        ConcurrentLinkedQueue<Integer> waiting = new ConcurrentLinkedQueue<>(List.of(1, 2, 3, 4, 5, 6, 7, 8));
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        List<Integer> done = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger nextRounds = new AtomicInteger();
        Stage next = Stage.rounds("next", NEVER, Duration.ZERO, () -> {
            nextRounds.incrementAndGet();
            return 0;
        });
        Stage stage = Stage.each("fetching", NEVER, 3, 10, limit -> take(waiting, limit), piece -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            sleep(20);
            running.decrementAndGet();
            done.add(piece);
        }).then(next);
        next.start();
        stage.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> done.size() == 8);
        assertThat(done).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(mostAtOnce.get()).isEqualTo(3);
        await().atMost(Duration.ofSeconds(5)).until(() -> nextRounds.get() >= 2); // its first round, and woken by the work
        stop(stage);
        stop(next);
    }

    @Test
    void aFullBatchIsFollowedByAnotherRoundAtOnce() {
        ConcurrentLinkedQueue<Integer> waiting = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < 25; i++) waiting.add(i);
        List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
        Stage stage = Stage.batches("computing", NEVER, 10, limit -> {
            int taken = take(waiting, limit).size();
            batchSizes.add(taken);
            return taken;
        });
        stage.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> batchSizes.size() == 3);
        assertThat(batchSizes).containsExactly(10, 10, 5);
        stop(stage);
    }

    @Test
    void wakesThatComeWhileARoundWaitsAreOneRound() throws Exception {
        CountDownLatch inRound = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger rounds = new AtomicInteger();
        Stage stage = Stage.rounds("following", NEVER, Duration.ZERO, () -> {
            if (rounds.incrementAndGet() == 1) {
                inRound.countDown();
                waitFor(release);
            }
            return 0;
        });
        stage.start();
        assertThat(inRound.await(5, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 100; i++) stage.wakeUp();
        release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> rounds.get() == 2);
        Thread.sleep(100);
        assertThat(rounds.get()).isEqualTo(2);
        stop(stage);
    }

    @Test
    void aSpacedStageIsWokenAtMostOncePerSpacing() throws Exception {
        List<Long> starts = Collections.synchronizedList(new ArrayList<>());
        Stage stage = Stage.rounds("following", NEVER, Duration.ofMillis(300), () -> {
            starts.add(System.nanoTime());
            return 0;
        });
        stage.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> starts.size() == 1); // the first round, at the start
        long wakesFrom = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            stage.wakeUp();
            Thread.sleep(40);
        }
        long wakesFor = System.nanoTime() - wakesFrom;
        await().atMost(Duration.ofSeconds(5)).until(() -> starts.size() >= 3);
        stop(stage);
        List<Long> rounds = List.copyOf(starts);
        // the stage notes a round's start a moment before the round's own work sees the clock (a busy machine may
        // pause the thread between the two): the spacing holds between the stage's notes, so allow that moment
        long moment = Duration.ofMillis(20).toNanos();
        for (int i = 1; i < rounds.size(); i++) {
            assertThat(rounds.get(i) - rounds.get(i - 1)).as("round %d after the one before", i)
                    .isGreaterThanOrEqualTo(Duration.ofMillis(300).toNanos() - moment);
        }
        assertThat((long) rounds.size()).as("a round at the start, then one per 300 ms of wakes and after the last (not one per wake)")
                .isLessThanOrEqualTo(3 + wakesFor / Duration.ofMillis(300).toNanos());
    }

    @Test
    void stoppingWaitsForWorkUnderWayAndAFailedPieceDoesNotStopTheStage() {
        ConcurrentLinkedQueue<Integer> waiting = new ConcurrentLinkedQueue<>(List.of(1, 2));
        List<Integer> done = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch started = new CountDownLatch(2);
        Stage stage = Stage.each("fetching", NEVER, 2, 2, limit -> take(waiting, limit), piece -> {
            started.countDown();
            if (piece == 1) throw new IllegalStateException("a publisher's page broke the extractor");
            sleep(200);
            done.add(piece);
        });
        stage.start();
        waitFor(started);
        stop(stage);
        assertThat(done).containsExactly(2);
        assertThat(stage.isRunning()).isFalse();
    }

    private static void stop(Stage stage) {
        stage.halt();
        stage.awaitEnd(System.nanoTime() + Duration.ofSeconds(20).toNanos());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
