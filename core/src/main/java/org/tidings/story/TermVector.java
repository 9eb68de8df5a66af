package org.tidings.story;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * The weighted topic words of one article: TF-IDF over the headline and the lead, names
 * boosted, unit length. Weights are fixed when the article arrives (with the document
 * frequencies of that moment), so that a story's centroid never needs recomputing.
 */
record TermVector(String[] terms, float[] weights, boolean[] names) {

    /** Words of the text taken after the headline: the lead says what the story is about. */
    static final int LEAD_WORDS = 40;
    /** Weight of a lead word relative to a headline word: the lead adds detail, the headline decides. */
    static final float LEAD_WEIGHT = 0.5f;
    /**
     * Boost of a word written as a name (capitalised mid-sentence, or an acronym): two stories on
     * the same day share topic words ("bankruptcy", "shares"), rarely the same company or person.
     */
    static final float NAME_BOOST = 1.5f;

    /** Raw term frequencies (headline, lead, boosts) before IDF; names are marked in {@code names}. */
    static Map<String, Float> frequencies(String title, String text, Set<String> names) {
        Map<String, Float> tf = new HashMap<>();
        addWords(tf, Words.of(title), 1f, Integer.MAX_VALUE, names);
        addWords(tf, Words.of(lead(text)), LEAD_WEIGHT, LEAD_WORDS, names);
        return tf;
    }

    /** Applies IDF and normalizes to unit length. */
    static TermVector weigh(Map<String, Float> tf, Set<String> names, ToDoubleFunction<String> idf) {
        String[] terms = new String[tf.size()];
        float[] weights = new float[tf.size()];
        boolean[] isName = new boolean[tf.size()];
        double norm = 0;
        int i = 0;
        for (Map.Entry<String, Float> e : tf.entrySet()) {
            terms[i] = e.getKey();
            isName[i] = names.contains(e.getKey());
            weights[i] = (float) (e.getValue() * idf.applyAsDouble(e.getKey()));
            norm += weights[i] * weights[i];
            i++;
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        for (int k = 0; k < weights.length; k++) {
            weights[k] *= scale;
        }
        return new TermVector(terms, weights, isName);
    }

    int size() {
        return terms.length;
    }

    boolean hasNames() {
        return IntStream.range(0, names.length).anyMatch(i -> names[i]);
    }

    private static void addWords(Map<String, Float> tf, List<Words.Word> words, float weight, int limit, Set<String> names) {
        int n = 0;
        for (Words.Word w : words) {
            if (n++ >= limit) {
                return;
            }
            if (w.name()) {
                names.add(w.term());
            }
            tf.merge(w.term(), w.name() ? weight * NAME_BOOST : weight, (a, b) -> Math.max(a, b) + Math.min(a, b) / 2);
        }
    }

    private static String lead(String text) {
        return text == null ? null : text.substring(0, Math.min(text.length(), 2_000));
    }
}
