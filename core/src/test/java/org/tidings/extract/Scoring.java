package org.tidings.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scoring conventions of shared/data/README.md, shared by the harnesses.
 * Words are runs of letters, digits and underscore (Unicode), as Python's {@code \w+}.
 */
final class Scoring {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");
    /** Unicode whitespace (no-break space included), as Python's and JavaScript's {@code \\s}. */
    private static final Pattern WHITESPACE = Pattern.compile("(?U)\\s+");

    private Scoring() {}

    /** Word 4-gram counts of a text (a text of fewer than four words is one shingle). */
    static Map<String, Integer> shingles(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text == null ? "" : text);
        while (m.find()) words.add(m.group());
        Map<String, Integer> counts = new HashMap<>();
        if (words.isEmpty()) return counts;
        if (words.size() < 4) {
            counts.put(String.join(" ", words), 1);
            return counts;
        }
        for (int i = 0; i + 4 <= words.size(); i++) {
            counts.merge(words.get(i) + " " + words.get(i + 1) + " " + words.get(i + 2) + " " + words.get(i + 3), 1, Integer::sum);
        }
        return counts;
    }

    /** {precision, recall} of one page; an empty prediction scores 0 unless nothing was expected. */
    static double[] shinglePrecisionRecall(String predicted, String expected) {
        Map<String, Integer> p = shingles(predicted);
        Map<String, Integer> e = shingles(expected);
        int pTotal = p.values().stream().mapToInt(Integer::intValue).sum();
        int eTotal = e.values().stream().mapToInt(Integer::intValue).sum();
        if (pTotal == 0 && eTotal == 0) return new double[] {1, 1};
        int common = 0;
        for (var entry : p.entrySet()) common += Math.min(entry.getValue(), e.getOrDefault(entry.getKey(), 0));
        return new double[] {pTotal == 0 ? 0 : (double) common / pTotal, eTotal == 0 ? 0 : (double) common / eTotal};
    }

    static double f1(double precision, double recall) {
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    static String fold(String s) {
        return s == null ? "" : WHITESPACE.matcher(s).replaceAll(" ").trim();
    }

    /** Adds the snippet outcomes of one page to {tp, fn, fp}. */
    static void countSnippets(String text, List<String> with, List<String> without, int[] sums) {
        String folded = fold(text);
        for (String s : with) {
            if (folded.contains(fold(s))) sums[0]++;
            else sums[1]++;
        }
        for (String s : without) if (folded.contains(fold(s))) sums[2]++;
    }

    static double[] snippetPrf(int[] sums) {
        double p = sums[0] + sums[2] == 0 ? 0 : (double) sums[0] / (sums[0] + sums[2]);
        double r = sums[0] + sums[1] == 0 ? 0 : (double) sums[0] / (sums[0] + sums[1]);
        return new double[] {p, r, f1(p, r)};
    }
}
