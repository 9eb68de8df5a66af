package org.tidings.summary;

import java.util.List;

/**
 * The answer to a question about an article: the sentences that support it, best first, and how much of the
 * question the best one covers (0..1); not {@code found}, without support, when no sentence matched well enough.
 */
public record Answer(String question, boolean found, List<Sentence> support, double score) {

    /** The best supporting sentence's text, or the empty string when the article does not say. */
    public String text() {
        return found ? support.getFirst().text() : "";
    }
}
