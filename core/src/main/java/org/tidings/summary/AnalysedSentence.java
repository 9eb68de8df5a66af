package org.tidings.summary;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A sentence with what the scorers need: content-term counts, its names and numbers, the terms it negates. */
record AnalysedSentence(Sentence sentence, Map<String, Integer> counts, Set<String> names,
                        Set<String> capitals, Set<String> numbers, Set<String> negated,
                        Set<String> negationScope, int words) {

    /**
     * A negation cue negates the first content word within this many words ("did not do all they
     * could to stabilise"); its scope runs over {@link #SCOPE_WORDS} content words in that window
     * ("without needing to control his movement" also covers "control").
     */
    private static final int NEGATION_REACH = 7;
    private static final int SCOPE_WORDS = 3;

    static AnalysedSentence of(Sentence sentence, String language) {
        List<Term> terms = Words.terms(sentence.text(), language);
        Map<String, Integer> counts = new HashMap<>();
        Set<String> names = new HashSet<>();
        Set<String> capitals = new HashSet<>();
        Set<String> numbers = new HashSet<>();
        for (Term term : terms) {
            if (term.content()) {
                counts.merge(term.key(), 1, Integer::sum);
            }
            if (term.name()) {
                names.add(term.key());
            }
            if (term.capital()) {
                capitals.add(term.key());
            }
            if (term.number() != null) {
                numbers.add(term.number());
            }
        }
        Set<String> scope = new HashSet<>();
        Set<String> negated = negatedTerms(terms, scope);
        return new AnalysedSentence(sentence, counts, names, capitals, numbers, negated, scope, terms.size());
    }

    static List<AnalysedSentence> all(List<Sentence> sentences, String language) {
        return sentences.stream().map(s -> of(s, language)).toList();
    }

    /** "not only" and "no longer"-like phrases do not flip a fact; they are left to the coverage check. */
    private static Set<String> negatedTerms(List<Term> terms, Set<String> scope) {
        Set<String> negated = new HashSet<>();
        for (int i = 0; i < terms.size(); i++) {
            if (!terms.get(i).negation()) {
                continue;
            }
            int seen = 0;
            for (int j = i + 1; j < terms.size() && j <= i + NEGATION_REACH && seen < SCOPE_WORDS; j++) {
                Term next = terms.get(j);
                if ("only".equals(next.key()) || next.negation()) {
                    break;
                }
                if (next.content()) {
                    if (seen++ == 0) {
                        negated.add(next.key());
                    }
                    scope.add(next.key());
                }
            }
        }
        return negated;
    }

    Set<String> terms() {
        return counts.keySet();
    }

    int index() {
        return sentence.index();
    }
}
