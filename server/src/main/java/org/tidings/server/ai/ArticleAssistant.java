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
 * The AI box of an article, offline: a short summary and key points (made once by enrichment,
 * whenever the article's text changes) and answers to a reader's question, all made of the
 * article's own sentences, so that every item points at the sentence of the text it comes from.
 * Nothing leaves the server, unless the operator configured a language model and the reader asks
 * for one of its features ({@link ModelAssistant}); when that fails, the offline box is all the
 * reader sees, with a note.
 */
@Service
public class ArticleAssistant {

    /** A question longer than this is cut: no reader's question needs more. */
    static final int MAX_QUESTION = 300;

    /**
     * What the box shows; {@code answer} is null until a question is asked.
     *
     * @param features  the language model's features offered (empty without a model)
     * @param generated what the model wrote for the feature asked, grounded; null if none
     * @param fellBack  the feature asked when the model gave nothing usable (the offline box stands in); else null
     */
    public record Box(List<Sentence> summary, List<Sentence> keyPoints, String question, Answer answer,
            List<Feature> features, Generated generated, Feature fellBack) {

        static final Box NONE = new Box(List.of(), List.of(), null, null, List.of(), null, null);

        public boolean available() {
            return !summary.isEmpty();
        }
    }

    private final ModelAssistant model;

    ArticleAssistant(ModelAssistant model) {
        this.model = model;
    }

    /**
     * The box for a reader of this language: the digest stored for the article, an answer to the
     * reader's question, and the language model's feature {@code feature} ({@code ?ai=}) if asked.
     */
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
