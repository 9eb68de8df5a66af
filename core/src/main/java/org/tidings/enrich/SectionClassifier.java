package org.tidings.enrich;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.tidings.text.Folding;
import org.tidings.text.Token;
import org.tidings.text.WordLists;

/**
 * Files an article under a {@link Section} from a weighted word list per section ({@code sections.txt}, written by
 * hand from general news vocabulary), with the source's default section as a prior. Immutable and thread-safe.
 */
final class SectionClassifier {

    /** Headline words say more about the section than body words. */
    private static final double TITLE_WEIGHT = 2.0;
    /** Only the lead is read: the section is set by the opening, and later paragraphs wander (quotes, background). */
    private static final int MAX_BODY_TOKENS = 400;
    /** One word repeated many times ("Apple" in a product review) must not outvote everything else. */
    private static final int MAX_HITS_PER_WORD = 3;
    /** The source's section counts like two strong headline words: it decides ties and near-empty texts only. */
    private static final double PRIOR_WEIGHT = 2.0;
    /** Added to the evidence total for the confidence, so one weak hit is not "certain". */
    private static final double CONFIDENCE_SMOOTHING = 1.0;
    /** Prefix terms ("econom*") need this many letters: shorter prefixes match unrelated words. */
    private static final int MIN_PREFIX = 3;

    private final Map<String, Map<Section, Double>> exact = new HashMap<>();
    private final Map<String, Map<Section, Double>> prefixes = new HashMap<>();
    private int longestPrefix;

    SectionClassifier() {
        WordLists.sections("/org/tidings/enrich/sections.txt", "\\s+").forEach((name, terms) -> {
            Section section = Section.valueOf(name.toUpperCase(Locale.ROOT));
            terms.forEach(term -> addTerm(section, term));
        });
    }

    /** A section and the share of the evidence behind it. */
    record Result(Section section, double confidence) {
    }

    Result classify(List<Token> title, List<Token> body, Section prior) {
        Section best = null;
        double bestScore = 0;
        double total = 0;
        for (Map.Entry<Section, Double> e : scores(title, body, prior).entrySet()) {
            total += e.getValue();
            if (e.getValue() > bestScore) {
                best = e.getKey();
                bestScore = e.getValue();
            }
        }
        if (best == null) {
            return new Result(prior == null ? Section.GENERAL : prior, 0);
        }
        return new Result(best, Enricher.round(bestScore / (total + CONFIDENCE_SMOOTHING)));
    }

    /** The evidence for each section (sections without evidence are absent). */
    Map<Section, Double> scores(List<Token> title, List<Token> body, Section prior) {
        Map<Section, Double> scores = new EnumMap<>(Section.class);
        Map<String, Integer> hits = new HashMap<>();
        score(title, title.size(), TITLE_WEIGHT, scores, hits);
        score(body, MAX_BODY_TOKENS, 1.0, scores, hits);
        if (prior != null && prior != Section.GENERAL) {
            scores.merge(prior, PRIOR_WEIGHT, Double::sum);
        }
        return scores;
    }

    private void score(List<Token> tokens, int limit, double weight, Map<Section, Double> scores,
                       Map<String, Integer> hits) {
        for (int i = 0; i < Math.min(limit, tokens.size()); i++) {
            String key = tokens.get(i).key();
            Map<Section, Double> weights = termWeights(key);
            if (weights == null || hits.merge(key, 1, Integer::sum) > MAX_HITS_PER_WORD) {
                continue;
            }
            weights.forEach((section, w) -> scores.merge(section, w * weight, Double::sum));
        }
    }

    private Map<Section, Double> termWeights(String word) {
        return Folding.withoutClitics(word).stream().map(this::lookup).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private Map<Section, Double> lookup(String key) {
        Map<Section, Double> weights = exact.get(key);
        if (weights != null) {
            return weights;
        }
        for (int length = Math.min(longestPrefix, key.length()); length >= MIN_PREFIX; length--) {
            weights = prefixes.get(key.substring(0, length));
            if (weights != null) {
                return weights;
            }
        }
        return null;
    }

    private void addTerm(Section section, String term) {
        double weight = 1;
        int colon = term.lastIndexOf(':');
        if (colon > 0) {
            weight = Double.parseDouble(term.substring(colon + 1));
            term = term.substring(0, colon);
        }
        boolean prefix = term.endsWith("*");
        String key = Folding.key(prefix ? term.substring(0, term.length() - 1) : term);
        Map<String, Map<Section, Double>> target = prefix ? prefixes : exact;
        target.computeIfAbsent(key, k -> new EnumMap<>(Section.class)).merge(section, weight, Double::sum);
        if (prefix) {
            longestPrefix = Math.max(longestPrefix, key.length());
        }
    }
}
