package org.tidings.text;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Words that say nothing about what a text is about, by language, from {@code stopwords.txt}. */
public final class StopWords {

    /** The languages that have a list of their own; a text in any other language is read with the English one. */
    private static final String[] LANGUAGES = {"en", "ar", "de", "fr", "es"};

    private static final Map<String, Set<String>> LISTS = WordLists.sets("/org/tidings/text/stopwords.txt");
    private static final Set<String> EVERY_LANGUAGE = everyLanguage(LISTS);

    private StopWords() {
    }

    /** The stop words of every language as {@link Folding#key keys}: a text mixes languages, a function word is one everywhere. */
    public static Set<String> everyLanguage() {
        return EVERY_LANGUAGE;
    }

    /** Headline grammar words and the fillers of news headlines ("update", "video", "says"). */
    public static Set<String> headlines() {
        return LISTS.get("headlines");
    }

    /** The stop words of one language for sentence matching; English ones for a language without a list. */
    public static Set<String> sentences(String language) {
        return LISTS.getOrDefault("sentences " + language, LISTS.get("sentences en"));
    }

    private static Set<String> everyLanguage(Map<String, Set<String>> lists) {
        Set<String> words = new HashSet<>();
        for (String language : LANGUAGES) {
            for (String word : lists.get(language)) {
                words.add(Folding.key(word));
            }
        }
        return Set.copyOf(words);
    }
}
