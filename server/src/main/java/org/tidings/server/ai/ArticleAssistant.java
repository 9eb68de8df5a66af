package org.tidings.server.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.tidings.server.store.ArticleView;
import org.tidings.summary.Answer;
import org.tidings.summary.ArticleDigest;
import org.tidings.summary.Sentence;
import org.tidings.summary.Summarizer;

/**
 * The AI box of an article, offline: a short summary, key points, and answers to a reader's
 * question, all made of the article's own sentences, so that every item points at the sentence
 * of the text it comes from. Nothing leaves the server, unless the operator configured a language
 * model and the reader asks for one of its features ({@link ModelAssistant}); when that fails, the
 * offline box is all the reader sees, with a note.
 */
@Service
public class ArticleAssistant {

    /** Below this many sentences a summary says nothing the article does not say at a glance. */
    static final int MIN_SENTENCES = 6;
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

    @Autowired
    public ArticleAssistant(ModelAssistant model) {
        this.model = model;
    }

    /** Offline only. */
    ArticleAssistant() {
        this(null);
    }

    public Box forArticle(ArticleView article, String question) {
        return forArticle(article, question, null, Locale.ENGLISH);
    }

    /** The box for a reader of this language, with the language model's feature {@code feature} ({@code ?ai=}) if asked. */
    public Box forArticle(ArticleView article, String question, String feature, Locale reader) {
        String html = article.bestHtml();
        if (html == null || html.isBlank()) return Box.NONE;
        ArticleDigest digest = Summarizer.digest(paragraphs(html), article.lang());
        if (digest.sentences().size() < MIN_SENTENCES) return Box.NONE;
        String q = question == null || question.isBlank() ? null : question.strip();
        if (q != null && q.length() > MAX_QUESTION) q = q.substring(0, MAX_QUESTION);
        Answer answer = q == null ? null : Summarizer.answer(q, digest);
        List<Feature> features = model == null ? List.of() : model.features(digest, reader);
        Feature asked = Feature.parse(feature);
        if (asked == null || !features.contains(asked)) {
            return new Box(digest.summary(), digest.keyPoints(), q, answer, features, null, null);
        }
        Generated generated = model.generate(article, digest, asked, reader).orElse(null);
        return new Box(digest.summary(), digest.keyPoints(), q, answer, features, generated,
                generated == null ? asked : null);
    }

    private static final String BLOCKS = "p, li, h2, h3, h4, h5, h6, blockquote, figcaption, td, pre";

    /**
     * The text of the HTML as the page shows it: one paragraph per innermost block, separated by
     * a blank line, so that no sentence runs from one paragraph into the next.
     */
    static String paragraphs(String html) {
        List<String> blocks = new ArrayList<>();
        for (Element e : Jsoup.parseBodyFragment(html).select(BLOCKS)) {
            if (e.select(BLOCKS).size() > 1) continue; // holds blocks of its own: they speak for themselves
            String text = e.text().strip();
            if (!text.isEmpty()) blocks.add(text);
        }
        return String.join("\n\n", blocks);
    }
}
