package org.tidings.summary;

import java.util.List;

/** The verdict on each generated sentence, in the order given. */
public record Grounding(List<Verdict> verdicts) {

    /**
     * @param sentence  the generated sentence
     * @param supported whether the source sentences support it
     * @param sources   positions, in the list of source sentences given to the check, of the
     *                  sentences it rests on (the best match even when unsupported); for one
     *                  article's {@link Summarizer#sentences} these are the sentence indices
     * @param coverage  weighted share of its content words found in those sources, 0..1
     * @param reason    "supported", or why not: "not covered", "number 12 not in source",
     *                  "name Mojang not in source", "negation differs on accus"
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
