package org.tidings.summary;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Inverse sentence frequency over a set of source sentences: a term found in few sentences says
 * more about a sentence than one found in many. A term found in no source sentence gets the highest
 * weight, which is what makes an invented word count against a generated sentence or a question.
 */
final class TermWeights {

    private final Map<String, Integer> frequency = new HashMap<>();
    private final int sentences;

    TermWeights(Collection<AnalysedSentence> sources) {
        sources.forEach(s -> s.terms().forEach(term -> frequency.merge(term, 1, Integer::sum)));
        this.sentences = sources.size();
    }

    /** ln(1 + N / df), with df = 0.5 for unseen terms: always positive, highest for unseen terms. */
    double weight(String term) {
        int df = frequency.getOrDefault(term, 0);
        return Math.log(1.0 + (sentences + 1.0) / (df == 0 ? 0.5 : df));
    }

    /** Weighted share of the claim's (or question's) content words found in the given sentences. */
    double coverage(AnalysedSentence claim, List<AnalysedSentence> sources) {
        double total = 0;
        double found = 0;
        for (String term : claim.terms()) {
            double w = weight(term);
            total += w;
            for (AnalysedSentence s : sources) { // a loop, not a stream: this runs for every source of a check
                if (s.counts().containsKey(term)) {
                    found += w;
                    break;
                }
            }
        }
        return total == 0 ? 0 : found / total;
    }

    /** Unit-length tf-idf vector of a sentence. */
    Map<String, Double> vector(AnalysedSentence s) {
        Map<String, Double> v = new HashMap<>();
        double norm = 0;
        for (Map.Entry<String, Integer> e : s.counts().entrySet()) {
            double w = (1 + Math.log(e.getValue())) * weight(e.getKey());
            v.put(e.getKey(), w);
            norm += w * w;
        }
        double length = Math.sqrt(norm);
        if (length > 0) {
            v.replaceAll((k, w) -> w / length);
        }
        return v;
    }

    static double cosine(Map<String, Double> a, Map<String, Double> b) {
        Map<String, Double> small = a.size() <= b.size() ? a : b;
        Map<String, Double> large = small == a ? b : a;
        double dot = 0;
        for (Map.Entry<String, Double> e : small.entrySet()) {
            Double other = large.get(e.getKey());
            if (other != null) {
                dot += e.getValue() * other;
            }
        }
        return dot;
    }
}
