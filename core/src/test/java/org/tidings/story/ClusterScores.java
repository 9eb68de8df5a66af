package org.tidings.story;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** B-cubed and pairwise precision, recall and F1 of a clustering against labels. */
record ClusterScores(double bcubedPrecision, double bcubedRecall, double pairPrecision, double pairRecall, int clusters) {

    double bcubedF1() {
        return f1(bcubedPrecision, bcubedRecall);
    }

    double pairF1() {
        return f1(pairPrecision, pairRecall);
    }

    /** {@code predicted.get(i)} and {@code gold.get(i)} are the cluster and the label of item i. */
    static ClusterScores of(List<String> predicted, List<String> gold) {
        Map<String, Integer> clusterSize = count(predicted);
        Map<String, Integer> labelSize = count(gold);
        Map<String, Integer> both = new HashMap<>();
        for (int i = 0; i < predicted.size(); i++) {
            both.merge(predicted.get(i) + "\u0000" + gold.get(i), 1, Integer::sum);
        }
        double p = 0;
        double r = 0;
        for (int i = 0; i < predicted.size(); i++) {
            int overlap = both.get(predicted.get(i) + "\u0000" + gold.get(i));
            p += (double) overlap / clusterSize.get(predicted.get(i));
            r += (double) overlap / labelSize.get(gold.get(i));
        }
        int n = predicted.size();
        double samePairs = both.values().stream().mapToDouble(ClusterScores::pairs).sum();
        double clusterPairs = clusterSize.values().stream().mapToDouble(ClusterScores::pairs).sum();
        double labelPairs = labelSize.values().stream().mapToDouble(ClusterScores::pairs).sum();
        return new ClusterScores(p / n, r / n, clusterPairs == 0 ? 1 : samePairs / clusterPairs,
                labelPairs == 0 ? 1 : samePairs / labelPairs, clusterSize.size());
    }

    String summary() {
        return String.format("B3 P %.3f R %.3f F1 %.3f | pairwise P %.3f R %.3f F1 %.3f | %d clusters",
                bcubedPrecision, bcubedRecall, bcubedF1(), pairPrecision, pairRecall, pairF1(), clusters);
    }

    private static double pairs(int n) {
        return n * (n - 1) / 2.0;
    }

    private static Map<String, Integer> count(List<String> values) {
        Map<String, Integer> out = new HashMap<>();
        values.forEach(v -> out.merge(v, 1, Integer::sum));
        return out;
    }

    private static double f1(double p, double r) {
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
