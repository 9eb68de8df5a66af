package org.tidings.summary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Extractive article digest. Each candidate sentence is scored by centrality (cosine of its tf-idf
 * vector with the article's centroid) and position (news puts the essentials first); then sentences
 * are picked by maximal marginal relevance, so the second pick does not repeat the first.
 */
final class ArticleSummarizer {

    static final int SUMMARY_SENTENCES = 3;
    static final int KEY_POINTS = 5;

    /** Shorter than this (in words) is a caption, byline or heading fragment, not a summary sentence. */
    static final int MIN_WORDS = 6;
    /** Longer than this is usually a run-on list or a splitting failure; unreadable as a key point. */
    static final int MAX_WORDS = 70;
    /** Weight of position against centrality: leads matter, but the lede must not win alone. Untuned. */
    static final double POSITION_WEIGHT = 0.35;
    /**
     * MMR trade-off, 0.7 relevance / 0.3 novelty: a common choice, untuned (no reference summaries).
     * Lower lets weak sentences in for being different; higher lets near-repeats in.
     */
    static final double LAMBDA = 0.7;
    /** Key points longer than this many words yield to shorter ones: a key point should read at a glance. */
    static final int KEY_POINT_WORDS = 30;

    private ArticleSummarizer() {
    }

    static ArticleDigest digest(String text, String lang) {
        String language = Summarizer.language(lang);
        List<Sentence> sentences = SentenceSplitter.split(text, language);
        List<AnalysedSentence> ranked = rank(AnalysedSentence.all(sentences, language));
        List<Sentence> summary = inArticleOrder(ranked.subList(0, Math.min(SUMMARY_SENTENCES, ranked.size())));
        List<AnalysedSentence> rest = new ArrayList<>(ranked.subList(summary.size(), ranked.size()));
        rest.sort(Comparator.comparingInt(s -> s.words() > KEY_POINT_WORDS ? 1 : 0)); // stable: keeps MMR order
        List<Sentence> keyPoints = inArticleOrder(rest.subList(0, Math.min(KEY_POINTS, rest.size())));
        return new ArticleDigest(language, sentences, summary, keyPoints);
    }

    /** Candidate sentences in MMR order: the best first, each next one relevant and new. */
    static List<AnalysedSentence> rank(List<AnalysedSentence> analysed) {
        List<AnalysedSentence> candidates = analysed.stream().filter(ArticleSummarizer::isCandidate).toList();
        if (candidates.isEmpty()) {
            return List.of();
        }
        TermWeights weights = new TermWeights(analysed);
        List<Map<String, Double>> vectors = candidates.stream().map(weights::vector).toList();
        return mmr(candidates, vectors, relevance(candidates, vectors, analysed.size()));
    }

    /**
     * A complete sentence of readable length. The final punctuation keeps out headings, captions and
     * navigation ("SIGN UP FOR OUR NEWSLETTER"), which are short, unpunctuated and often central.
     */
    private static boolean isCandidate(AnalysedSentence s) {
        return s.words() >= MIN_WORDS && s.words() <= MAX_WORDS && s.terms().size() >= 3 && isClosed(s.sentence().text());
    }

    private static boolean isClosed(String text) {
        for (int i = text.length() - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (RuleSplitter.TERMINALS.indexOf(c) >= 0) {
                return true;
            }
            if (RuleSplitter.CLOSERS.indexOf(c) < 0) {
                return false;
            }
        }
        return false;
    }

    private static double[] relevance(List<AnalysedSentence> candidates, List<Map<String, Double>> vectors, int total) {
        Map<String, Double> centroid = new HashMap<>();
        vectors.forEach(v -> v.forEach((term, w) -> centroid.merge(term, w, Double::sum)));
        double[] centrality = vectors.stream().mapToDouble(v -> TermWeights.cosine(v, centroid)).toArray();
        double max = Math.max(1e-9, Arrays.stream(centrality).max().orElseThrow());
        return IntStream.range(0, centrality.length).mapToDouble(i -> {
            double position = 1.0 / Math.sqrt(1.0 + candidates.get(i).index() * 10.0 / Math.max(total, 10));
            return (1 - POSITION_WEIGHT) * centrality[i] / max + POSITION_WEIGHT * position;
        }).toArray();
    }

    private static List<AnalysedSentence> mmr(List<AnalysedSentence> candidates, List<Map<String, Double>> vectors,
                                              double[] relevance) {
        int n = candidates.size();
        int wanted = Math.min(n, SUMMARY_SENTENCES + KEY_POINTS + 4);
        double[] redundancy = new double[n];
        boolean[] taken = new boolean[n];
        List<AnalysedSentence> chosen = new ArrayList<>();
        while (chosen.size() < wanted) {
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double score = LAMBDA * relevance[i] - (1 - LAMBDA) * redundancy[i];
                if (!taken[i] && score > bestScore) {
                    best = i;
                    bestScore = score;
                }
            }
            taken[best] = true;
            chosen.add(candidates.get(best));
            for (int i = 0; i < n; i++) {
                if (!taken[i]) {
                    redundancy[i] = Math.max(redundancy[i], TermWeights.cosine(vectors.get(i), vectors.get(best)));
                }
            }
        }
        return chosen;
    }

    private static List<Sentence> inArticleOrder(List<AnalysedSentence> picked) {
        return picked.stream().map(AnalysedSentence::sentence).sorted(Comparator.comparingInt(Sentence::index)).toList();
    }
}
