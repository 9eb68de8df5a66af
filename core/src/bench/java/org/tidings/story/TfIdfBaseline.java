package org.tidings.story;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The peer: plain single-pass TF-IDF clustering of headlines. Lower-cased word tokens, IDF over
 * the whole input, each headline joins the most similar cluster centroid (cosine) if above the
 * threshold, else starts a cluster. No stop words, no stemming, no names, no time.
 */
final class TfIdfBaseline {

    static List<String> cluster(List<String> titles, double threshold) {
        List<Map<String, Double>> vectors = vectors(titles);
        List<Map<String, Double>> centroids = new ArrayList<>();
        List<String> out = new ArrayList<>();
        for (Map<String, Double> v : vectors) {
            int best = -1;
            double bestScore = threshold;
            for (int c = 0; c < centroids.size(); c++) {
                double s = cosine(v, centroids.get(c));
                if (s >= bestScore) {
                    bestScore = s;
                    best = c;
                }
            }
            if (best < 0) {
                centroids.add(new HashMap<>(v));
                best = centroids.size() - 1;
            } else {
                Map<String, Double> centroid = centroids.get(best);
                v.forEach((t, w) -> centroid.merge(t, w, Double::sum));
            }
            out.add("c" + best);
        }
        return out;
    }

    private static List<Map<String, Double>> vectors(List<String> titles) {
        List<Map<String, Integer>> tfs = new ArrayList<>();
        Map<String, Integer> df = new HashMap<>();
        for (String title : titles) {
            Map<String, Integer> tf = new HashMap<>();
            for (String w : title.toLowerCase(Locale.ROOT).split("\\W+")) {
                if (!w.isEmpty()) {
                    tf.merge(w, 1, Integer::sum);
                }
            }
            tf.keySet().forEach(t -> df.merge(t, 1, Integer::sum));
            tfs.add(tf);
        }
        List<Map<String, Double>> out = new ArrayList<>();
        for (Map<String, Integer> tf : tfs) {
            Map<String, Double> v = new HashMap<>();
            tf.forEach((t, n) -> v.put(t, n * Math.log((double) titles.size() / df.get(t))));
            double norm = Math.sqrt(v.values().stream().mapToDouble(w -> w * w).sum());
            if (norm > 0) {
                v.replaceAll((t, w) -> w / norm);
            }
            out.add(v);
        }
        return out;
    }

    private static double cosine(Map<String, Double> v, Map<String, Double> centroid) {
        double dot = 0;
        for (Map.Entry<String, Double> e : v.entrySet()) {
            Double w = centroid.get(e.getKey());
            if (w != null) {
                dot += e.getValue() * w;
            }
        }
        if (dot == 0) {
            return 0;
        }
        double norm = Math.sqrt(centroid.values().stream().mapToDouble(w -> w * w).sum());
        return dot / norm;
    }
}
