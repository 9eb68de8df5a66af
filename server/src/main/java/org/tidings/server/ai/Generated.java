package org.tidings.server.ai;

import java.util.List;

/**
 * What the language model wrote, sentence by sentence, after the grounding check.
 *
 * @param model   the model that wrote it, shown with it
 * @param lines   the sentences shown: supported ones with their evidence; unsupported ones only
 *                when the operator chose to show them marked
 */
public record Generated(Feature feature, String model, String lang, List<Line> lines) {

    /**
     * @param text      the generated sentence
     * @param supported whether the source supports it; an unsupported line is shown marked, never as fact
     * @param evidence  the source sentences it rests on (for a translation: the sentence it translates)
     * @param article   for a story, the article of the first evidence sentence; 0 on an article's own page
     */
    public record Line(String text, boolean supported, List<String> evidence, long article) {

        /** The sentence to highlight in the article when the line is selected. */
        public String firstEvidence() {
            return evidence.isEmpty() ? "" : evidence.getFirst();
        }

        /** For a story: the article with the evidence highlighted ({@code /article/{id}#cite=...}). */
        public String href() {
            return new StoryAssistant.Cite(article, "", firstEvidence()).href();
        }
    }
}
