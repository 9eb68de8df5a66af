package org.tidings.story;

import java.util.HashMap;
import java.util.Map;

/** How many live articles use each term: the IDF of the time window. */
final class DocumentFrequencies {

    private final Map<String, int[]> counts = new HashMap<>();
    private int documents;

    void add(Iterable<String> terms) {
        documents++;
        terms.forEach(t -> counts.computeIfAbsent(t, k -> new int[1])[0]++);
    }

    void remove(String[] terms) {
        documents--;
        for (String t : terms) {
            int[] c = counts.get(t);
            if (c != null && --c[0] <= 0) {
                counts.remove(t);
            }
        }
    }

    /** Smoothed IDF: a term in every document still weighs a little, an unseen one the most. */
    double idf(String term) {
        return Math.log((documents + 1.0) / (df(term) + 1.0)) + 1.0;
    }

    int df(String term) {
        int[] c = counts.get(term);
        return c == null ? 0 : c[0];
    }
}
