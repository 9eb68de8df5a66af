package org.tidings.text;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The common words of a language: those among its 10,000 most frequent that the list writes in lower case
 * ("available", "gibt", "zůstává"), and every single letter. A list that keeps capitals (English, German, French)
 * leaves names out ("China", "Paris"); the others, in lower case only, count a frequent name as a common word.
 * Lists are read from {@code frequent/<language>.txt} on first use; a language without one has only its letters.
 */
public final class FrequentWords {

    private static final Map<String, Set<String>> COMMON = new ConcurrentHashMap<>();
    private static final Map<String, Set<String>> FREQUENT = new ConcurrentHashMap<>();

    private FrequentWords() {
    }

    /** Whether a word (any case; "Gibt" as "gibt") is a common word of a language ("de", "en-GB"). */
    public static boolean isCommon(String word, String language) {
        if (word == null || word.isEmpty()) {
            return false;
        }
        if (word.codePointCount(0, word.length()) == 1) {
            return Character.isLetter(word.codePointAt(0));
        }
        String primary = LanguageTags.primary(language);
        return primary != null && common(primary).contains(lowerCase(word));
    }

    /**
     * Whether a word is among the 10,000 most frequent of a language in any case: common words, and also the nouns
     * and names a list writes with a capital ("Uhr", "Jahr" and "Berlin" in German).
     */
    public static boolean isFrequent(String word, String language) {
        String primary = LanguageTags.primary(language);
        return isCommon(word, language)
                || primary != null
                && FREQUENT.computeIfAbsent(primary, FrequentWords::frequent).contains(lowerCase(word));
    }

    private static Set<String> common(String language) {
        return COMMON.computeIfAbsent(language, l -> frequentWords(l).stream()
                .filter(word -> word.equals(lowerCase(word))).collect(Collectors.toUnmodifiableSet()));
    }

    private static Set<String> frequent(String language) {
        return frequentWords(language).stream().map(FrequentWords::lowerCase).collect(Collectors.toUnmodifiableSet());
    }

    private static List<String> frequentWords(String language) {
        String resource = "/org/tidings/text/frequent/" + language + ".txt";
        if (!language.matches("[a-z]{2,3}") || FrequentWords.class.getResource(resource) == null) {
            return List.of();
        }
        return WordLists.lines(resource);
    }

    private static String lowerCase(String word) {
        return Normalizer.normalize(word, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }
}
