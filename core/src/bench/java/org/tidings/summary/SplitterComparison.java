package org.tidings.summary;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Compares the OpenNLP sentence models with the rule-based splitter on the test articles in the
 * languages that have a model (en, de, fr): sentence counts, and boundaries (sentence end offsets)
 * the two agree on. Used to decide where the models are worth their cost.
 */
public final class SplitterComparison {

    private SplitterComparison() {
    }

    public static void main(String[] args) {
        GroundingSet set = GroundingSet.load();
        int model = 0, rules = 0, agreed = 0;
        for (GroundingSet.Article a : set.articles.values()) {
            if (!SentenceSplitter.hasModel(a.lang())) {
                continue;
            }
            Set<Integer> byModel = ends(SentenceSplitter.split(a.text(), a.lang()));
            Set<Integer> byRules = ends(SentenceSplitter.split(a.text(), "xx-" + a.lang()));
            model += byModel.size();
            rules += byRules.size();
            byModel.retainAll(byRules);
            agreed += byModel.size();
            if (args.length > 0) {
                printDifferences(a);
            }
        }
        System.out.printf(Locale.ROOT, "model %d sentences, rules %d, same end offsets %d%n", model, rules, agreed);
    }

    private static Set<Integer> ends(List<Sentence> sentences) {
        Set<Integer> ends = new HashSet<>();
        sentences.forEach(s -> ends.add(s.end()));
        return ends;
    }

    private static void printDifferences(GroundingSet.Article a) {
        Set<Integer> byRules = ends(SentenceSplitter.split(a.text(), "xx"));
        for (Sentence s : SentenceSplitter.split(a.text(), a.lang())) {
            if (!byRules.contains(s.end())) {
                System.out.println("model only  " + a.id() + ": ..." + tail(s.text()));
            }
        }
        Set<Integer> byModel = ends(SentenceSplitter.split(a.text(), a.lang()));
        for (Sentence s : SentenceSplitter.split(a.text(), "xx")) {
            if (!byModel.contains(s.end())) {
                System.out.println("rules only  " + a.id() + ": ..." + tail(s.text()));
            }
        }
    }

    private static String tail(String text) {
        return text.length() > 60 ? text.substring(text.length() - 60) : text;
    }
}
