package org.tidings.text;

import java.util.Map;
import java.util.Set;

/** Abbreviations and initials: a period after them ends no sentence ("Mr. Obama", "Robert M. Danin", "z.B. ein"). */
public final class Abbreviations {

    private static final Map<String, Set<String>> BY_LANGUAGE = WordLists.sets("/org/tidings/text/abbreviations.txt");
    private static final Set<String> ANY = BY_LANGUAGE.get("any");

    private Abbreviations() {
    }

    /** Whether a word (lower case, without its final period) is an abbreviation or an initial in the language. */
    public static boolean endsNoSentence(String word, String language) {
        return word.length() == 1 && Character.isLetter(word.charAt(0))
                || ANY.contains(word) || BY_LANGUAGE.getOrDefault(language, Set.of()).contains(word);
    }

    /** "Mr.", "Sen.", "W." (an initial): the period after this token ends no sentence. */
    public static boolean keepsPeriod(Token token) {
        return endsNoSentence(token.key(), "en");
    }
}
