package org.tidings.story;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How far word overlap can go on labelled headlines: an oracle that knows the true stories puts
 * each headline into the story whose centroid it resembles most, the centroid built from the
 * story's other headlines with the clusterer's own term weights ({@link TermVector}: stemming,
 * stop words, name boost, IDF over the whole file). A headline whose most similar story is not its
 * own cannot be placed right by any clusterer that compares headlines with story centroids, however
 * its thresholds are set; B-cubed F1 of the oracle's placement is therefore a ceiling for that
 * family of methods (order effects aside), not a score to compare with.
 *
 * <p>Reported without time, and with the candidate stories limited to those with an article within
 * 6, 12 and 24 hours of the headline (the oracle's own story included only if it qualifies), which
 * shows how much of what remains is separating same-topic stories of different days.
 *
 * <p>Run: {@code bench/run core org.tidings.story.StoryCeiling ../shared/data/stories-dev.jsonl}
 */
public final class StoryCeiling {

    public static void main(String[] args) {
        List<LabelledHeadlines> items = LabelledHeadlines.read(Path.of(args.length > 0 ? args[0] : "../shared/data/stories-dev.jsonl"));
        List<TermVector> vectors = vectors(items);
        List<String> gold = items.stream().map(LabelledHeadlines::story).toList();
        System.out.printf("%d headlines, %d stories%n", items.size(), new HashSet<>(gold).size());
        System.out.printf("%-52s %s%n", "oracle: nearest true story, no time", place(items, vectors, null).summary());
        for (int hours : new int[] {24, 12, 6}) {
            System.out.printf("%-52s %s%n", "oracle: nearest true story with an article within " + hours + " h",
                    place(items, vectors, Duration.ofHours(hours)).summary());
        }
        for (String day : List.of("2014-03-10", "2014-03-11", "2014-03-12")) {
            List<LabelledHeadlines> part = items.stream().filter(h -> h.published().toString().startsWith(day)).toList();
            System.out.printf("%-52s %s%n", "oracle: nearest true story, day " + day, place(part, vectors(part), null).summary());
        }
    }

    /** Each headline's term vector, weighed with the document frequencies of the whole file. */
    static List<TermVector> vectors(List<LabelledHeadlines> items) {
        DocumentFrequencies df = new DocumentFrequencies();
        List<Map<String, Float>> tfs = new ArrayList<>();
        List<Set<String>> names = new ArrayList<>();
        for (LabelledHeadlines h : items) {
            Set<String> n = new HashSet<>();
            Map<String, Float> tf = TermVector.frequencies(h.title(), null, n);
            df.add(tf.keySet());
            tfs.add(tf);
            names.add(n);
        }
        List<TermVector> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            out.add(TermVector.weigh(tfs.get(i), names.get(i), df::idf));
        }
        return out;
    }

    /** The oracle's placement; {@code within} limits the candidate stories by time, or null. */
    static ClusterScores place(List<LabelledHeadlines> items, List<TermVector> vectors, Duration within) {
        Map<String, Map<String, Double>> centroids = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Map<String, Double> c = centroids.computeIfAbsent(items.get(i).story(), k -> new HashMap<>());
            TermVector v = vectors.get(i);
            for (int t = 0; t < v.size(); t++) {
                c.merge(v.terms()[t], (double) v.weights()[t], Double::sum);
            }
        }
        List<String> predicted = new ArrayList<>();
        List<String> gold = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            LabelledHeadlines h = items.get(i);
            TermVector v = vectors.get(i);
            String best = null;
            double bestScore = 0;
            for (Map.Entry<String, Map<String, Double>> e : centroids.entrySet()) {
                boolean own = e.getKey().equals(h.story());
                if (within != null && !hasArticleWithin(items, i, e.getKey(), within)) {
                    continue;
                }
                double score = cosine(v, e.getValue(), own);
                if (score > bestScore) {
                    bestScore = score;
                    best = e.getKey();
                }
            }
            predicted.add(best != null ? best : "alone:" + h.id());
            gold.add(h.story());
        }
        return ClusterScores.of(predicted, gold);
    }

    /** Cosine of the headline with a centroid, leaving the headline out of its own story's centroid. */
    private static double cosine(TermVector v, Map<String, Double> centroid, boolean own) {
        double dot = 0;
        double normSquared = 0;
        for (double w : centroid.values()) {
            normSquared += w * w;
        }
        for (int t = 0; t < v.size(); t++) {
            Double w = centroid.get(v.terms()[t]);
            if (w == null) {
                continue;
            }
            double c = own ? w - v.weights()[t] : w;
            dot += v.weights()[t] * c;
            if (own) {
                normSquared += c * c - w * w;
            }
        }
        return normSquared <= 1e-12 ? 0 : dot / Math.sqrt(normSquared);
    }

    private static boolean hasArticleWithin(List<LabelledHeadlines> items, int i, String story, Duration within) {
        long t = items.get(i).published().getEpochSecond();
        for (int j = 0; j < items.size(); j++) {
            if (j != i && items.get(j).story().equals(story)
                    && Math.abs(items.get(j).published().getEpochSecond() - t) <= within.toSeconds()) {
                return true;
            }
        }
        return false;
    }
}
