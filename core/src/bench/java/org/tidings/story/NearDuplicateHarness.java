package org.tidings.story;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Precision and recall of near-duplicate detection on the labelled set of
 * {@link NearDuplicateCorpus}, two ways: the pairwise decision (containment of sketches) over
 * every labelled pair, and the lookup the clusterer does (all originals indexed, each copy and
 * each quoting or same-event article looked up).
 *
 * <p>Run: {@code bench/run core org.tidings.story.NearDuplicateHarness}
 */
public final class NearDuplicateHarness {

    record Counts(int tp, int fp, int fn, int tn) {
        double precision() {
            return tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1 : (double) tp / (tp + fn);
        }
    }

    public static void main(String[] args) {
        NearDuplicateCorpus corpus = NearDuplicateCorpus.load();
        List<NearDuplicateCorpus.Pair> pairs = corpus.pairs();
        Map<String, int[]> byKind = new TreeMap<>();
        Counts pairwise = pairwise(pairs, byKind);
        Counts lookup = lookup(corpus, pairs);
        System.out.printf("labelled pairs: %d (%d copies, %d distinct)%n", pairs.size(),
                pairs.stream().filter(NearDuplicateCorpus.Pair::copy).count(), pairs.stream().filter(p -> !p.copy()).count());
        System.out.printf("pairwise: precision %.4f recall %.4f (tp %d fp %d fn %d tn %d)%n",
                pairwise.precision(), pairwise.recall(), pairwise.tp(), pairwise.fp(), pairwise.fn(), pairwise.tn());
        System.out.printf("lookup:   precision %.4f recall %.4f (tp %d fp %d fn %d tn %d)%n",
                lookup.precision(), lookup.recall(), lookup.tp(), lookup.fp(), lookup.fn(), lookup.tn());
        byKind.forEach((kind, c) -> System.out.printf("  %-20s judged copy %d of %d%n", kind, c[0], c[1]));
    }

    static Counts pairwise(List<NearDuplicateCorpus.Pair> pairs, Map<String, int[]> byKind) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int tn = 0;
        for (NearDuplicateCorpus.Pair p : pairs) {
            long[] a = NearDuplicates.sketch(p.first().body());
            long[] b = NearDuplicates.sketch(p.second().body());
            boolean judged = a != null && b != null && NearDuplicates.containment(a, b) >= NearDuplicates.CONTAINMENT;
            if (judged != p.copy() && Boolean.getBoolean("neardup.verbose")) {
                System.out.printf("  wrong: %s %s / %s containment %.3f%n", p.kind(), p.first().id(), p.second().id(),
                        a == null || b == null ? 0 : NearDuplicates.containment(a, b));
            }
            int[] k = byKind.computeIfAbsent(p.kind(), x -> new int[2]);
            k[0] += judged ? 1 : 0;
            k[1]++;
            if (p.copy()) {
                tp += judged ? 1 : 0;
                fn += judged ? 0 : 1;
            } else {
                fp += judged ? 1 : 0;
                tn += judged ? 0 : 1;
            }
        }
        return new Counts(tp, fp, fn, tn);
    }

    static Counts lookup(NearDuplicateCorpus corpus, List<NearDuplicateCorpus.Pair> pairs) {
        NearDuplicates index = new NearDuplicates();
        corpus.originals.forEach(t -> index.add(t.id(), NearDuplicates.sketch(t.body())));
        for (int i = 0; i < corpus.sameEvent.size(); i += 2) {
            NearDuplicateCorpus.Text t = corpus.sameEvent.get(i);
            index.add(t.id(), NearDuplicates.sketch(t.body()));
        }
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int tn = 0;
        for (NearDuplicateCorpus.Pair p : pairs) {
            if (p.kind().equals("distinct")) {
                continue;
            }
            String found = index.findOriginal(NearDuplicates.sketch(p.second().body()));
            if (p.copy()) {
                if (p.first().id().equals(found)) {
                    tp++;
                } else {
                    fn++;
                    fp += found == null ? 0 : 1;
                }
            } else {
                // The quoting article is a copy of its own base text (also indexed): only taking
                // it for the quoted article is an error.
                boolean wrong = p.first().id().equals(found);
                fp += wrong ? 1 : 0;
                tn += wrong ? 0 : 1;
            }
        }
        return new Counts(tp, fp, fn, tn);
    }
}
