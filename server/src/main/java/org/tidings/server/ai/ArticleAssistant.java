package org.tidings.server.ai;

import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.tidings.article.ArticleText;
import org.tidings.server.store.ArticleView;
import org.tidings.server.store.EnrichmentStore;
import org.tidings.summary.Answer;
import org.tidings.summary.ArticleDigest;
import org.tidings.summary.Sentence;
import org.tidings.summary.Summarizer;

/**
 * The AI box of an article, offline: summary, key points and answers made of the article's own
 * sentences. Nothing leaves the server unless a reader asks for a configured {@link ModelAssistant}
 * feature; when that fails, the offline box stands, with a note.
 */
@Service
public record ArticleAssistant(ModelAssistant model) {

    /** A question longer than this is cut: no reader's question needs more. */
    static final int MAX_QUESTION = 300;

    /** {@code answer} and {@code generated} may be null; {@code fellBack} is the feature the model failed, else null. */
    public record Box(List<Sentence> summary, List<Sentence> keyPoints, String question, Answer answer,
            List<Feature> features, Generated generated, Feature fellBack) {

        static final Box NONE = new Box(List.of(), List.of(), null, null, List.of(), null, null);

        public boolean available() {
            return !summary.isEmpty();
        }
    }

    /** {@code feature} is the address's {@code ?ai=}. */
    public Box forArticle(ArticleView article, ArticleText body, EnrichmentStore.Digest stored, String question,
            String feature, Locale reader) {
        if (!stored.available()) return Box.NONE;
        String q = question == null || question.isBlank() ? null : question.strip();
        if (q != null && q.length() > MAX_QUESTION) q = q.substring(0, MAX_QUESTION);
        Answer answer = q == null ? null : Summarizer.answer(q, body.text(), article.lang());
        ArticleDigest digest = new ArticleDigest(article.lang(), List.of(), stored.summary(), stored.keyPoints());
        List<Feature> features = model.features(digest, reader);
        Feature asked = Feature.parse(feature);
        boolean offered = asked != null && features.contains(asked);
        // the model reads every sentence of the article: split it for this request only
        Generated generated = offered
                ? model.generate(article, Summarizer.digest(body.text(), article.lang()), asked, reader).orElse(null) : null;
        return new Box(stored.summary(), stored.keyPoints(), q, answer, features, generated,
                offered && generated == null ? asked : null);
    }
}
