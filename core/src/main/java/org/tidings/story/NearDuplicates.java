package org.tidings.story;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.tidings.text.Token;
import org.tidings.text.Tokenizer;

/**
 * Finds earlier articles whose text is (nearly) the same: a wire story edited, trimmed, extended or wrapped in
 * boilerplate. The headline plays no part (copies often get a new one). A sketch (the smallest hashes of a text's
 * word 5-grams) estimates how much of the shorter text the longer contains: a copy most of it, an independent
 * report of the same event only names, numbers and the odd quote.
 */
final class NearDuplicates {

    /** Shingle length in words: five words in a row are rarely shared by independent writers. */
    static final int SHINGLE = 5;
    /** Hashes kept per text: enough for a containment estimate within about +-0.1. */
    static final int SKETCH_SIZE = 64;
    /** Hashes of each sketch put in the lookup index (the smallest ones): bounds the index memory. */
    static final int INDEXED = 8;
    /** Fewest shingles to judge a text: two one-line summaries can share most of theirs (a wire dateline). */
    static final int MIN_SHINGLES = 25;
    /**
     * Containment above which the shorter text is a copy: reports quoting one statement stay far below (a quote
     * is a paragraph), heavily edited copies (a fifth of the sentences touched) stay above.
     */
    static final double CONTAINMENT = 0.5;
    /** Sketches compared at most per lookup: bounds the cost of a text made of common phrases. */
    static final int MAX_CANDIDATES = 200;

    private final Map<Long, Object> index = new HashMap<>();
    private final Map<String, long[]> sketches = new HashMap<>();

    /** The sketch of a text, or null when it is too short to be judged. */
    static long[] sketch(String text) {
        if (text == null) {
            return null;
        }
        String[] words = words(text);
        int count = words.length - SHINGLE + 1;
        if (count < MIN_SHINGLES) {
            return null;
        }
        return IntStream.range(0, count).mapToLong(i -> shingleHash(words, i)).sorted().distinct().limit(SKETCH_SIZE)
                .toArray();
    }

    /** Estimated share of the smaller text's shingles in the other (hashes compare up to both sketches' largest). */
    static double containment(long[] a, long[] b) {
        long limit = Math.min(a[a.length - 1], b[b.length - 1]);
        int shared = 0;
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                shared++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        long smaller = Math.min(countUpTo(a, limit), countUpTo(b, limit));
        return smaller == 0 ? 0 : (double) shared / smaller;
    }

    private static long countUpTo(long[] sorted, long limit) {
        return Arrays.stream(sorted).takeWhile(h -> h <= limit).count();
    }

    /** The id of the indexed article this sketch copies most, or null. */
    String findOriginal(long[] sketch) {
        if (sketch == null) {
            return null;
        }
        Map<String, Integer> hits = new HashMap<>();
        for (long h : sketch) {
            Object posting = index.get(h);
            if (posting instanceof String id) {
                hits.merge(id, 1, Integer::sum);
            } else if (posting instanceof List<?> ids) {
                for (Object id : ids) {
                    hits.merge((String) id, 1, Integer::sum);
                }
            }
            if (hits.size() > MAX_CANDIDATES) {
                break;
            }
        }
        String best = null;
        double bestScore = CONTAINMENT;
        for (String id : hits.keySet()) {
            double c = containment(sketch, sketches.get(id));
            if (c >= bestScore) {
                bestScore = c;
                best = id;
            }
        }
        return best;
    }

    void add(String id, long[] sketch) {
        if (sketch == null) {
            return;
        }
        sketches.put(id, sketch);
        for (int i = 0; i < Math.min(INDEXED, sketch.length); i++) {
            index.merge(sketch[i], id, NearDuplicates::append);
        }
    }

    void remove(String id) {
        long[] sketch = sketches.remove(id);
        if (sketch == null) {
            return;
        }
        for (int i = 0; i < Math.min(INDEXED, sketch.length); i++) {
            index.computeIfPresent(sketch[i], (h, posting) -> without(posting, id));
        }
    }

    int size() {
        return sketches.size();
    }

    @SuppressWarnings("unchecked")
    private static Object append(Object existing, Object id) {
        if (existing instanceof List<?> list) {
            ((List<Object>) list).add(id);
            return list;
        }
        List<Object> list = new ArrayList<>(2);
        list.add(existing);
        list.add(id);
        return list;
    }

    private static Object without(Object posting, String id) {
        if (posting instanceof List<?> list) {
            list.remove(id);
            return list.isEmpty() ? null : list.size() == 1 ? list.getFirst() : list;
        }
        return posting.equals(id) ? null : posting;
    }

    private static String[] words(String text) {
        String s = text.length() > 200_000 ? text.substring(0, 200_000) : text;
        return Tokenizer.HEADLINES.tokens(s).stream().map(Token::key).toArray(String[]::new);
    }

    /** 64-bit FNV-1a over the shingle's words, then a mixing step so that low bits are uniform. */
    private static long shingleHash(String[] words, int from) {
        long h = 0xcbf29ce484222325L;
        for (int k = from; k < from + SHINGLE; k++) {
            String w = words[k];
            for (int c = 0; c < w.length(); c++) {
                h ^= w.charAt(c);
                h *= 0x100000001b3L;
            }
            h ^= ' ';
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
