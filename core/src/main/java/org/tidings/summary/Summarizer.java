package org.tidings.summary;

import java.util.List;
import java.util.Objects;

import org.tidings.text.LanguageTags;

/**
 * Offline, extractive AI features that cite their sources: article and story digests, answers to
 * questions, and the grounding check of generated sentences. Pure and thread-safe; no network, no
 * model download (sentence models ship inside the OpenNLP model jars).
 */
public final class Summarizer {

    /** The language assumed when none is known: most sources in the data are English. */
    private static final String DEFAULT_LANGUAGE = "en";

    private Summarizer() {
    }

    /** The primary language of a tag ("en-GB" is "en"), the default one when the tag is blank. */
    static String language(String lang) {
        return Objects.requireNonNullElse(LanguageTags.primary(lang), DEFAULT_LANGUAGE);
    }

    /** Splits an article into sentences with offsets, language-aware where a model exists. */
    public static List<Sentence> sentences(String text, String lang) {
        return SentenceSplitter.split(text, lang);
    }

    /** Summary of about three sentences and up to five key points, each a sentence of the article. */
    public static ArticleDigest digest(String text, String lang) {
        return ArticleSummarizer.digest(text, lang);
    }

    /** Answers a question from the article's sentences, or says it does not say ({@link Answer#found()}). */
    public static Answer answer(String question, ArticleDigest article) {
        return QuestionAnswerer.answer(question, article.sentences(), article.lang());
    }

    /** Same, from the article's text. */
    public static Answer answer(String question, String text, String lang) {
        return QuestionAnswerer.answer(question, SentenceSplitter.split(text, lang), language(lang));
    }

    /** Agreement, single-source facts and timeline of a story; unavailable below three articles or two publishers. */
    public static StoryDigest digestStory(List<SourceArticle> articles) {
        return StorySummarizer.digest(articles);
    }

    /**
     * For each generated sentence, whether the source sentences support it, and by which
     * (positions in {@code sources}). Generated and source sentences must be in the same language:
     * the check is lexical, so a translation is not grounded by its original.
     */
    public static Grounding check(List<String> generated, List<Sentence> sources, String lang) {
        return GroundingChecker.check(generated, sources, lang);
    }
}
