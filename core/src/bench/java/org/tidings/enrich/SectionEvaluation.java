package org.tidings.enrich;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.tidings.text.Token;
import org.tidings.text.Tokenizer;

/**
 * Measures section classification on the headlines of stories-dev (labels business, technology, entertainment,
 * health). The shipped classifier is a hand-written word list: nothing is learned from this file, so its accuracy
 * is a plain test figure. For comparison, a multinomial naive Bayes learned from the headlines is measured with
 * 5-fold cross-validation split by story (no story has headlines in both train and test); it is not shipped.
 * Usage: {@code SectionEvaluation ../shared/data/stories-dev.jsonl}.
 */
public final class SectionEvaluation {

    private static final List<Section> LABELS = List.of(Section.BUSINESS, Section.TECHNOLOGY, Section.ENTERTAINMENT,
            Section.HEALTH);
    private static final int FOLDS = 5;

    record Item(String title, Section label, String story) {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "../shared/data/stories-dev.jsonl");
        ObjectMapper json = new ObjectMapper();
        List<Item> items = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            JsonNode node = json.readTree(line);
            items.add(new Item(node.get("title").asString(),
                    Section.valueOf(node.get("category").asString().toUpperCase(Locale.ROOT)),
                    node.get("story").asString()));
        }
        rules(items);
        naiveBayes(items);
    }

    private static void rules(List<Item> items) {
        SectionClassifier classifier = new SectionClassifier();
        int open = 0;
        int restricted = 0;
        int noEvidence = 0;
        int correctWithEvidence = 0;
        Map<String, Integer> confusion = new TreeMap<>();
        Map<Section, int[]> perLabel = new EnumMap<>(Section.class);
        for (Item item : items) {
            List<Token> title = Tokenizer.NAMES.tokens(item.title());
            Section guess = classifier.classify(title, List.of(), null).section();
            Map<Section, Double> scores = classifier.scores(title, List.of(), null);
            Section best = null;
            for (Section label : LABELS) {
                if (scores.getOrDefault(label, 0.0) > 0 && (best == null || scores.get(label) > scores.get(best))) {
                    best = label;
                }
            }
            noEvidence += best == null ? 1 : 0;
            open += guess == item.label() ? 1 : 0;
            restricted += best == item.label() ? 1 : 0;
            correctWithEvidence += best != null && best == item.label() ? 1 : 0;
            perLabel.computeIfAbsent(item.label(), k -> new int[2])[0]++;
            perLabel.get(item.label())[1] += best == item.label() ? 1 : 0;
            confusion.merge(item.label().slug() + "->" + guess.slug(), 1, Integer::sum);
        }
        int n = items.size();
        System.out.printf("rules, headline only, no prior: accuracy %.3f over all 9 sections; %.3f choosing among the"
                + " 4 labelled sections; %d headlines (%.1f%%) without any evidence (n=%d)%n",
                (double) open / n, (double) restricted / n, noEvidence, 100.0 * noEvidence / n, n);
        System.out.printf("  among the %d headlines with evidence: %.3f%n", n - noEvidence,
                (double) correctWithEvidence / (n - noEvidence));
        perLabel.forEach((label, c) -> System.out.printf("  %s: %.3f (%d/%d)%n", label.slug(), (double) c[1] / c[0],
                c[1], c[0]));
        System.out.println("  truth->guess: " + confusion);
    }

    private static void naiveBayes(List<Item> items) {
        Map<String, Integer> foldOfStory = new LinkedHashMap<>();
        for (Item item : items) {
            foldOfStory.putIfAbsent(item.story(), foldOfStory.size() % FOLDS);
        }
        int correct = 0;
        for (int fold = 0; fold < FOLDS; fold++) {
            Map<Section, Map<String, Integer>> counts = new EnumMap<>(Section.class);
            Map<Section, Integer> docs = new EnumMap<>(Section.class);
            for (Item item : items) {
                if (foldOfStory.get(item.story()) != fold) {
                    docs.merge(item.label(), 1, Integer::sum);
                    for (Token token : Tokenizer.NAMES.tokens(item.title())) {
                        counts.computeIfAbsent(item.label(), k -> new HashMap<>()).merge(token.key(), 1, Integer::sum);
                    }
                }
            }
            for (Item item : items) {
                if (foldOfStory.get(item.story()) == fold) {
                    correct += predict(counts, docs, item.title()) == item.label() ? 1 : 0;
                }
            }
        }
        System.out.printf("naive Bayes on headline words, %d-fold CV split by story (%d stories): accuracy %.3f%n",
                FOLDS, foldOfStory.size(), (double) correct / items.size());
    }

    private static Section predict(Map<Section, Map<String, Integer>> counts, Map<Section, Integer> docs, String title) {
        Section best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        int vocabulary = counts.values().stream().mapToInt(Map::size).sum();
        for (Section label : docs.keySet()) {
            Map<String, Integer> words = counts.getOrDefault(label, Map.of());
            int total = words.values().stream().mapToInt(Integer::intValue).sum();
            double score = Math.log(docs.get(label));
            for (Token token : Tokenizer.NAMES.tokens(title)) {
                score += Math.log((words.getOrDefault(token.key(), 0) + 1.0) / (total + vocabulary));
            }
            if (score > bestScore) {
                bestScore = score;
                best = label;
            }
        }
        return best;
    }
}
