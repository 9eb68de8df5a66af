package org.tidings.summary;

import java.util.List;

/**
 * The offline digest of one article, in the language (primary subtag) it was split and matched in: all its
 * sentences, a summary of about three and up to five further key points, both in article order. Every summary
 * sentence and key point is a sentence of the article itself, so its {@link Sentence#index()} and offsets are its
 * citation.
 */
public record ArticleDigest(String lang, List<Sentence> sentences, List<Sentence> summary,
                            List<Sentence> keyPoints) {

    public ArticleDigest {
        sentences = List.copyOf(sentences);
        summary = List.copyOf(summary);
        keyPoints = List.copyOf(keyPoints);
    }
}
