package org.tidings.fuzz;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fuzzes a target without coverage feedback: every seed, then mutations of them made by a
 * {@link Mutator} with a fixed seed, each input checked within {@link Bounds} on a thread of its
 * own so that an input that never returns is reported rather than hanging the run. With the same
 * seeds, count and random seed, two runs try the same inputs. A finding's input is cut down to
 * what still fails the same way, so that it can become a regression test.
 */
public final class MutationRun {

    /** The test suite's random seed: any fixed number; the long run picks a fresh one and prints it. */
    public static final long SUITE_SEED = 16;
    /** How long an input may keep the thread before the run gives up on it as a hang. */
    private static final Duration HANG = Bounds.TIME.multipliedBy(5);
    /** Findings kept per run: the first few say enough, and each needs a look of its own. */
    private static final int MAX_FINDINGS = 5;
    /** Inputs tried while cutting a finding down. */
    private static final int MINIMIZING_ATTEMPTS = 3_000;

    /** An input that broke the target's contract, and how. */
    public record Finding(String target, byte[] input, Throwable failure) {

        /** The failure and the input, as a Java string literal when it is text, else as Base64, for a regression test. */
        public String describe() {
            String text = new String(input, StandardCharsets.UTF_8);
            boolean printable = Arrays.equals(text.getBytes(StandardCharsets.UTF_8), input);
            String shown = printable ? Literal.of(text) : "Base64 " + Base64.getEncoder().encodeToString(input);
            String message = String.valueOf(failure);
            if (message.length() > 1_000) message = message.substring(0, 1_000) + "...";
            return target + ": " + message + "\n  input (" + input.length + " bytes): " + shown;
        }
    }

    /** What a run tried and found. */
    public record Result(String target, long executions, Duration time, List<Finding> findings) {}

    private MutationRun() {}

    /** Every seed, then mutations until {@code executions} inputs in all were tried or {@code budget} ran out. */
    public static Result run(FuzzTarget target, List<byte[]> seeds, long executions, Duration budget, long randomSeed) {
        long start = System.nanoTime();
        long deadline = start + budget.toNanos();
        List<Finding> findings = new ArrayList<>();
        Mutator mutator = new Mutator(seeds, target.dictionary(), randomSeed);
        long done = 0;
        try (Checker checker = new Checker(target)) {
            while (done < executions && System.nanoTime() < deadline && findings.size() < MAX_FINDINGS) {
                byte[] input = done < seeds.size() ? seeds.get((int) done) : mutator.next();
                done++;
                Throwable failure = checker.failure(input);
                if (failure == null) continue;
                if (checker.hung) {
                    findings.add(new Finding(target.name(), input, failure));
                    break; // the worker is stuck on it; it is a daemon and goes with the JVM
                }
                findings.add(checker.cutDown(input, failure));
            }
        }
        return new Result(target.name(), done, Duration.ofNanos(System.nanoTime() - start), findings);
    }

    /** One input, checked and, when it fails, cut down: for a finding of the long run. */
    public static Finding replay(FuzzTarget target, byte[] input) {
        try (Checker checker = new Checker(target)) {
            Throwable failure = checker.failure(input);
            if (failure == null) return null;
            return checker.hung ? new Finding(target.name(), input, failure) : checker.cutDown(input, failure);
        }
    }

    /** Where a failure comes from: its type and the place it was thrown. */
    public static String signature(Throwable e) {
        StackTraceElement[] trace = e.getStackTrace();
        return e.getClass().getName() + (trace.length == 0 ? "" : " at " + trace[0]);
    }

    /** Checks inputs one by one on a worker thread, giving up on one that does not return. */
    private static final class Checker implements AutoCloseable {
        private final FuzzTarget target;
        private final ExecutorService worker;
        boolean hung;

        Checker(FuzzTarget target) {
            this.target = target;
            this.worker = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "fuzz-" + target.name());
                t.setDaemon(true);
                return t;
            });
        }

        /** What the input broke, or null. */
        Throwable failure(byte[] input) {
            Future<?> check = worker.submit(() -> {
                Bounds.check(target, input);
                return null;
            });
            try {
                check.get(HANG.toMillis(), TimeUnit.MILLISECONDS);
                return null;
            } catch (ExecutionException e) {
                return e.getCause();
            } catch (TimeoutException e) {
                hung = true;
                return new AssertionError("no answer within " + HANG.toSeconds() + " s: a hang");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** The finding made of the input cut down, with the failure the shorter input causes. */
        Finding cutDown(byte[] input, Throwable failure) {
            byte[] shorter = minimize(input, failure);
            Throwable again = shorter == input ? null : failure(shorter);
            return again == null || hung ? new Finding(target.name(), input, failure) : new Finding(target.name(), shorter, again);
        }

        /** The input with every chunk removed that it still fails the same way without, halving the chunks. */
        byte[] minimize(byte[] input, Throwable failure) {
            String signature = signature(failure);
            int attempts = 0;
            for (int chunk = Math.max(1, input.length / 2); chunk >= 1 && attempts < MINIMIZING_ATTEMPTS; chunk /= 2) {
                for (int at = 0; at < input.length && attempts < MINIMIZING_ATTEMPTS; attempts++) {
                    byte[] shorter = new byte[input.length - Math.min(chunk, input.length - at)];
                    System.arraycopy(input, 0, shorter, 0, at);
                    System.arraycopy(input, at + input.length - shorter.length, shorter, at, shorter.length - at);
                    Throwable again = failure(shorter);
                    if (hung) return input;
                    if (again != null && signature(again).equals(signature)) input = shorter;
                    else at += chunk;
                }
            }
            return input;
        }

        @Override
        public void close() {
            worker.shutdownNow();
        }
    }
}
