package org.tidings.summary;

import java.util.List;

/** The verdict on each generated sentence, in the order given. */
public record Grounding(List<Verdict> verdicts) {

    /**
     * One generated sentence: whether the sources support it, the positions in the checked list of those it rests on
     * (the best match even when unsupported), the weighted share of its content words found there (0..1), and the
     * reason: "supported" or why not ("not covered", "number 12 not in source", "negation differs on accus").
     */
    public record Verdict(String sentence, boolean supported, List<Integer> sources, double coverage,
                          String reason) {
    }

    public boolean allSupported() {
        return verdicts.stream().allMatch(Verdict::supported);
    }

    public List<Verdict> unsupported() {
        return verdicts.stream().filter(v -> !v.supported()).toList();
    }
}
