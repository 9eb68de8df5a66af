package org.tidings.server.ai;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.springframework.stereotype.Service;
import org.tidings.server.store.ArticleView;
import org.tidings.summary.Answer;
import org.tidings.summary.ArticleDigest;
import org.tidings.summary.Sentence;
import org.tidings.summary.Summarizer;

/**
 * The AI box of an article, offline: a short summary, key points, and answers to a reader's
 * question, all made of the article's own sentences, so that every item points at the sentence
 * of the text it comes from. Nothing leaves the server.
 */
@Service
public class ArticleAssistant {

    /** Below this many sentences a summary says nothing the article does not say at a glance. */
    static final int MIN_SENTENCES = 6;
    /** A question longer than this is cut: no reader's question needs more. */
    static final int MAX_QUESTION = 300;

    /** What the box shows; {@code answer} is null until a question is asked. */
    public record Box(List<Sentence> summary, List<Sentence> keyPoints, String question, Answer answer) {

        public boolean available() {
            return !summary.isEmpty();
        }
    }

    public Box forArticle(ArticleView article, String question) {
        String html = article.bestHtml();
        if (html == null || html.isBlank()) return new Box(List.of(), List.of(), null, null);
        ArticleDigest digest = Summarizer.digest(paragraphs(html), article.lang());
        if (digest.sentences().size() < MIN_SENTENCES) return new Box(List.of(), List.of(), null, null);
        String q = question == null || question.isBlank() ? null : question.strip();
        if (q != null && q.length() > MAX_QUESTION) q = q.substring(0, MAX_QUESTION);
        Answer answer = q == null ? null : Summarizer.answer(q, digest);
        return new Box(digest.summary(), digest.keyPoints(), q, answer);
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
