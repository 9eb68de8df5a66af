package org.tidings.summary;

import java.util.List;

/**
 * The offline digest of one article. Every summary sentence and key point is a sentence of the
 * article itself, so its {@link Sentence#index()} and offsets are its citation.
 *
 * @param lang      the language used for splitting and matching (primary subtag)
 * @param sentences all sentences of the article, in order
 * @param summary   about three sentences, in article order
 * @param keyPoints up to five further sentences, in article order, none repeating the summary
 */
public record ArticleDigest(String lang, List<Sentence> sentences, List<Sentence> summary,
                            List<Sentence> keyPoints) {

    public ArticleDigest {
        sentences = List.copyOf(sentences);
        summary = List.copyOf(summary);
        keyPoints = List.copyOf(keyPoints);
    }
}
