package org.tidings.summary;

import java.util.List;

/**
 * The offline digest of one article in the language (primary subtag) it was matched in: all its sentences, a summary
 * of about three and up to five further key points, in article order; their index and offsets are their citation.
 */
public record ArticleDigest(String lang, List<Sentence> sentences, List<Sentence> summary,
                            List<Sentence> keyPoints) {

    public ArticleDigest {
        sentences = List.copyOf(sentences);
        summary = List.copyOf(summary);
        keyPoints = List.copyOf(keyPoints);
    }
}
