package org.tidings.server.ai;

import java.util.List;

/** What the language model wrote, after the grounding check; unsupported lines only if the operator shows them marked. */
public record Generated(Feature feature, String model, String lang, List<Line> lines) {

    /**
     * An unsupported line is shown marked, never as fact. {@code evidence}: the source sentences it
     * rests on (a translation: its original); {@code article}: a story's article of the first, else 0.
     */
    public record Line(String text, boolean supported, List<String> evidence, long article) {

        /** The sentence to highlight in the article when the line is selected. */
        public String firstEvidence() {
            return evidence.isEmpty() ? "" : evidence.getFirst();
        }

        /** For a story: the article with the evidence highlighted. */
        public String href() {
            return new StoryAssistant.Cite(article, "", firstEvidence()).href();
        }
    }
}
