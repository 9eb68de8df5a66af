package org.tidings.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes new inputs from seeds without coverage feedback: one to four stacked edits (bits and bytes
 * changed, ranges cut, copied and repeated, the target's own tokens inserted, two seeds spliced).
 * The same random source gives the same inputs, so a run with a fixed seed is repeatable.
 */
final class Mutator {

    /** The largest input made: large enough for every structure, small enough to keep each run short. */
    static final int MAX_INPUT = 64 * 1024;

    /** Bytes that end, open or break a construct in the formats fuzzed here, and bytes that break decoders. */
    private static final byte[] SPECIAL = ("<>&;\"'/=:#?%*[]{}()\\\n\r\t ,.-_!" + "\u0000").getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] BROKEN = {(byte) 0x80, (byte) 0xBF, (byte) 0xC0, (byte) 0xC3, (byte) 0xE2, (byte) 0xEF,
            (byte) 0xF0, (byte) 0xFE, (byte) 0xFF, 0x7F, 0x1B};

    private final List<byte[]> seeds;
    private final List<byte[]> tokens;
    private final SplittableRandom random;

    Mutator(List<byte[]> seeds, List<String> dictionary, long seed) {
        if (seeds.isEmpty()) throw new IllegalArgumentException("no seeds");
        this.seeds = seeds;
        this.tokens = dictionary.stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
        this.random = new SplittableRandom(seed);
    }

    /** A new input: a seed, edited. */
    byte[] next() {
        byte[] input = seeds.get(random.nextInt(seeds.size()));
        if (input.length > MAX_INPUT) input = Arrays.copyOf(input, MAX_INPUT);
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) input = edit(input);
        return input.length > MAX_INPUT ? Arrays.copyOf(input, MAX_INPUT) : input;
    }

    private byte[] edit(byte[] in) {
        int n = in.length;
        switch (random.nextInt(tokens.isEmpty() ? 8 : 11)) {
            case 0 -> {
                if (n == 0) return in;
                byte[] out = in.clone();
                out[random.nextInt(n)] ^= (byte) (1 << random.nextInt(8));
                return out;
            }
            case 1 -> {
                if (n == 0) return in;
                byte[] out = in.clone();
                byte[] pool = random.nextInt(3) == 0 ? BROKEN : SPECIAL;
                out[random.nextInt(n)] = pool[random.nextInt(pool.length)];
                return out;
            }
            case 2 -> {
                int from = random.nextInt(n + 1);
                return cut(in, from, Math.min(n, from + 1 + random.nextInt(Math.max(1, Math.min(n / 4 + 1, 512)))));
            }
            case 3 -> {
                return Arrays.copyOf(in, random.nextInt(n + 1));
            }
            case 4 -> {
                int from = random.nextInt(n + 1);
                int to = Math.min(n, from + 1 + random.nextInt(256));
                return insert(in, random.nextInt(n + 1), Arrays.copyOfRange(in, from, to));
            }
            case 5 -> {
                int at = random.nextInt(n + 1);
                byte[] other = seeds.get(random.nextInt(seeds.size()));
                int from = random.nextInt(other.length + 1);
                return join(Arrays.copyOf(in, at), Arrays.copyOfRange(other, from, Math.min(other.length, from + MAX_INPUT / 4)));
            }
            case 6 -> {
                int from = random.nextInt(n + 1);
                byte[] chunk = Arrays.copyOfRange(in, from, Math.min(n, from + 1 + random.nextInt(16)));
                return insert(in, from, repeat(chunk, 2 + random.nextInt(500)));
            }
            case 7 -> {
                if (n == 0) return in;
                byte[] out = in.clone();
                int at = random.nextInt(n);
                out[at] = SPECIAL[random.nextInt(SPECIAL.length)];
                if (at + 1 < n) out[at + 1] = SPECIAL[random.nextInt(SPECIAL.length)];
                return out;
            }
            case 8 -> {
                return insert(in, random.nextInt(n + 1), token());
            }
            case 9 -> {
                int from = random.nextInt(n + 1);
                return join(join(Arrays.copyOf(in, from), token()), Arrays.copyOfRange(in, Math.min(n, from + random.nextInt(32)), n));
            }
            default -> {
                return insert(in, random.nextInt(n + 1), repeat(token(), 2 + random.nextInt(1000)));
            }
        }
    }

    private byte[] token() {
        return tokens.get(random.nextInt(tokens.size()));
    }

    private static byte[] cut(byte[] in, int from, int to) {
        return join(Arrays.copyOf(in, from), Arrays.copyOfRange(in, to, in.length));
    }

    private static byte[] insert(byte[] in, int at, byte[] piece) {
        return join(join(Arrays.copyOf(in, at), piece), Arrays.copyOfRange(in, at, in.length));
    }

    private static byte[] repeat(byte[] piece, int times) {
        int count = piece.length == 0 ? 0 : Math.min(times, MAX_INPUT / piece.length);
        byte[] out = new byte[piece.length * count];
        for (int i = 0; i < count; i++) System.arraycopy(piece, 0, out, i * piece.length, piece.length);
        return out;
    }

    private static byte[] join(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
