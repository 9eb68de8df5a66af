package org.tidings.summary;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tidings.text.StopWords;
import org.tidings.text.WordLists;

/**
 * The word lists of one language, looked up once per sentence: stop words, negation cues (a cue negates the next
 * content word) and number words ("two" is "2", "third" is "3th").
 */
record Lexicon(String language, Set<String> stopWords, Set<String> negations, Map<String, String> numberWords) {

    private static final Map<String, Set<String>> NEGATIONS = WordLists.sets("/org/tidings/summary/negations.txt");
    private static final Map<String, Map<String, String>> NUMBER_WORDS = readNumberWords();

    static Lexicon of(String language) {
        return new Lexicon(language, StopWords.of(language), NEGATIONS.getOrDefault(language, Set.of()),
                NUMBER_WORDS.get("en".equals(language) ? "en" : "other"));
    }

    /** Each section's words with the value that begins their line. */
    private static Map<String, Map<String, String>> readNumberWords() {
        Map<String, Map<String, String>> sections = new HashMap<>();
        WordLists.sections("/org/tidings/summary/numbers.txt", "\n").forEach((section, lines) -> {
            Map<String, String> words = new HashMap<>();
            for (String line : lines) {
                List<String> fields = List.of(line.split("\\s+"));
                fields.subList(1, fields.size()).forEach(word -> words.putIfAbsent(word, fields.getFirst()));
            }
            sections.put(section, Map.copyOf(words));
        });
        return Map.copyOf(sections);
    }
}
