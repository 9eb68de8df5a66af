package org.tidings.fuzz;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * The time and memory one input may cost a target, whatever it is: a hostile document must not
 * hold a thread or fill the heap. Memory is counted as the bytes the checking thread allocates
 * (the JVM's own count), which bounds garbage as well as what is kept.
 */
public final class Bounds {

    /** Longest time for one input. */
    public static final Duration TIME = Duration.ofSeconds(2);
    /**
     * Most bytes allocated for one input: a fixed allowance and a multiple of the input's size, about
     * ten times what the seeds cost (at most 20 MiB for a 250 kB page, about 200 bytes per byte).
     */
    static final long ALLOCATION_BASE = 64L << 20;
    static final long ALLOCATION_PER_BYTE = 1_000;

    /**
     * How many times the bounds an instrumenting engine (Jazzer) allows: its coverage and hooks cost
     * time and memory of their own. A finding over the plain bounds only is confirmed by {@code replay}.
     */
    static volatile int allowance = 1;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Bounds() {}

    /**
     * Runs the target's check on this thread; an input over either bound fails like a broken contract.
     * Over a bound, the input is run once more and the lesser cost counts: the first run of a path
     * may load, instrument and compile classes, and the machine may pause.
     */
    public static void check(FuzzTarget target, byte[] input) throws Exception {
        long timeLimit = TIME.toNanos() * allowance;
        long allocationLimit = allocationLimit(input.length) * allowance;
        Cost cost = measure(target, input);
        if (cost.nanos > timeLimit || cost.bytes > allocationLimit) {
            Cost again = measure(target, input);
            cost = new Cost(Math.min(cost.nanos, again.nanos), Math.min(cost.bytes, again.bytes));
        }
        if (cost.bytes > allocationLimit) {
            throw new AssertionError(target.name() + ": " + (cost.bytes >> 20) + " MiB allocated for " + input.length
                    + " bytes of input, twice (limit " + (allocationLimit >> 20) + " MiB)");
        }
        if (cost.nanos > timeLimit) {
            throw new AssertionError(target.name() + ": " + cost.nanos / 1_000_000 + " ms for " + input.length
                    + " bytes of input, twice (limit " + timeLimit / 1_000_000 + " ms)");
        }
    }

    private record Cost(long nanos, long bytes) {}

    private static Cost measure(FuzzTarget target, byte[] input) throws Exception {
        long allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        target.check().run(input);
        return new Cost(System.nanoTime() - start, THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore);
    }

    static long allocationLimit(int inputBytes) {
        return ALLOCATION_BASE + ALLOCATION_PER_BYTE * inputBytes;
    }
}
