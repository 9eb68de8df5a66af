package org.tidings.fuzz;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The entry point Jazzer calls with each input it makes: the target {@link FuzzCommand} chose,
 * within {@link Bounds}. It counts inputs and tells findings apart (by the failure's type and where
 * it was thrown) before handing each failure on to Jazzer, which saves the input.
 */
public final class JazzerEntry {

    static volatile FuzzTarget target;
    static final AtomicLong executions = new AtomicLong();
    /** Each distinct finding's signature, with the first failure seen. */
    static final Map<String, Throwable> findings = new LinkedHashMap<>();

    private JazzerEntry() {}

    public static void fuzzerTestOneInput(byte[] input) throws Exception {
        executions.incrementAndGet();
        try {
            Bounds.check(target, input);
        } catch (Exception | Error e) {
            synchronized (findings) {
                findings.putIfAbsent(MutationRun.signature(e), e);
            }
            throw e;
        }
    }
}
