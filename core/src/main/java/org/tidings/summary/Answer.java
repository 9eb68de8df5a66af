package org.tidings.summary;

import java.util.List;

/**
 * The answer to a question about an article: the sentences that support it, best first, or none
 * when the article does not say.
 *
 * @param question the question asked
 * @param found    false means "the article does not say": no sentence matched well enough
 * @param support  supporting sentences of the article, best first (empty when not found)
 * @param score    how much of the question the best sentence covers, 0..1
 */
public record Answer(String question, boolean found, List<Sentence> support, double score) {

    /** The best supporting sentence's text, or the empty string when the article does not say. */
    public String text() {
        return found ? support.getFirst().text() : "";
    }
}
