package org.tidings.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reports the grounding check's two rates on the grounding set: planted unsupported sentences
 * rejected, faithful paraphrases kept; on the dev half (articles 0, 3, 4, 7, 8..., used to choose the
 * thresholds), the test half (the others) and all. Pass "-v" to list every wrong verdict.
 */
public final class GroundingHarness {

    private GroundingHarness() {
    }

    public static void main(String[] args) {
        boolean verbose = args.length > 0 && "-v".equals(args[0]);
        GroundingSet set = GroundingSet.load();
        List<Boolean> supported = new ArrayList<>();
        Map<String, int[]> byKind = new TreeMap<>();
        for (GroundingSet.Item item : set.items) {
            List<Sentence> sources = SentenceSplitter.split(item.article().text(), item.article().lang());
            Grounding.Verdict v = Summarizer.check(List.of(item.generated()), sources, item.article().lang())
                    .verdicts().getFirst();
            supported.add(v.supported());
            boolean right = v.supported() != item.planted();
            int[] counts = byKind.computeIfAbsent(item.kind(), k -> new int[2]);
            counts[0]++;
            counts[1] += right ? 1 : 0;
            if (verbose && !right) {
                System.out.printf(Locale.ROOT, "WRONG %-10s %-26s cov=%.2f %s src=%s%n    %s%n", item.kind(),
                        item.article().id(), v.coverage(), v.reason(), v.sources(), item.generated());
            }
        }
        print("dev ", set, supported, true);
        print("test", set, supported, false);
        GroundingSet.Rates all = GroundingSet.rates(set.items, supported);
        System.out.printf(Locale.ROOT, "all   rejected %d/%d planted (%.1f%%), kept %d/%d faithful (%.1f%%)%n",
                all.rejected(), all.planted(), 100 * all.rejectRate(), all.kept(), all.faithful(), 100 * all.keepRate());
        byKind.forEach((kind, c) -> System.out.printf(Locale.ROOT, "  %-10s %d/%d right%n", kind, c[1], c[0]));
    }

    private static void print(String label, GroundingSet set, List<Boolean> supported, boolean dev) {
        List<GroundingSet.Item> items = new ArrayList<>();
        List<Boolean> verdicts = new ArrayList<>();
        for (int i = 0; i < set.items.size(); i++) {
            if (set.items.get(i).article().dev() == dev) {
                items.add(set.items.get(i));
                verdicts.add(supported.get(i));
            }
        }
        GroundingSet.Rates r = GroundingSet.rates(items, verdicts);
        System.out.printf(Locale.ROOT, "%s  rejected %d/%d planted (%.1f%%), kept %d/%d faithful (%.1f%%)%n", label,
                r.rejected(), r.planted(), 100 * r.rejectRate(), r.kept(), r.faithful(), 100 * r.keepRate());
    }
}
