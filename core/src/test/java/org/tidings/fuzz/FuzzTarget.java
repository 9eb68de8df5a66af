package org.tidings.fuzz;

import java.util.List;
import java.util.function.Supplier;

/**
 * One parser or renderer under fuzzing: its seeds (taken from the repository's fixtures), the
 * tokens its input language is made of (the mutator inserts them), and the check of one input
 * against the target's contract. A check returns when the contract holds and throws otherwise:
 * an {@link AssertionError} for a broken promise, or whatever the target threw that it must not.
 *
 * @param name       the name the commands and reports use ("feed", "sanitizer", ...)
 * @param seeds      the seed inputs, read when first asked for, in a fixed order
 * @param dictionary fragments of the target's input language, inserted whole by the mutator
 * @param check      the contract, checked on one input
 */
public record FuzzTarget(String name, Supplier<List<byte[]>> seeds, List<String> dictionary, Check check) {

    /** The contract of a target, checked on one input. */
    @FunctionalInterface
    public interface Check {
        void run(byte[] input) throws Exception;
    }

    public FuzzTarget {
        dictionary = List.copyOf(dictionary);
    }

    @Override
    public String toString() {
        return name;
    }
}
