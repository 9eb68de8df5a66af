package org.tidings.summary;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tidings.text.WordLists;

/**
 * Negation cues ({@code negations.txt}) and number words ({@code numbers.txt}) by language; stop words are
 * {@link org.tidings.text.StopWords}.
 */
final class Lexicon {

    private static final Map<String, Set<String>> NEGATIONS = WordLists.sets("/org/tidings/summary/negations.txt");
    private static final Map<String, Map<String, String>> NUMBER_WORDS = numberWords();

    private Lexicon() {
    }

    static boolean isNegation(String lower, String language) {
        return NEGATIONS.getOrDefault(language, Set.of()).contains(lower);
    }

    /** The digits a number word stands for ("two" is "2", "third" is "3th"), or null. */
    static String numberWord(String lower, String language) {
        return NUMBER_WORDS.get("en".equals(language) ? "en" : "other").get(lower);
    }

    /** Each section's words with the value that begins their line. */
    private static Map<String, Map<String, String>> numberWords() {
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
