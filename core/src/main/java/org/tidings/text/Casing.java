package org.tidings.text;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** What the capitals of a text say: Title Case and shouting headlines, acronyms, mixed-case names. */
public final class Casing {

    /** Fewer words than this and a headline's capitals prove nothing either way. */
    private static final int MIN_WORDS = 3;
    /** An ALL CAPS headline has more than this share of its words in capitals. */
    private static final double SHOUTING_SHARE = 0.6;
    /** Acronyms run from two to six characters ("GM", "UNICEF"). */
    private static final int MAX_ACRONYM = 6;

    private Casing() {
    }

    /**
     * Title Case capitals say nothing about names ("Pizza Chain Files For Bankruptcy"). {@code counted} picks the
     * words Title Case would capitalise, {@code share} is the share of them that must be.
     */
    public static boolean isTitleCase(List<Token> tokens, Predicate<Token> counted, double share) {
        List<Token> words = tokens.stream()
                .filter(token -> Character.isLetter(token.surface().codePointAt(0)) && counted.test(token)).toList();
        long capitalised = words.stream().filter(Token::capitalised).count();
        return words.size() >= MIN_WORDS && capitalised >= share * words.size();
    }

    /** Whether a language ("de", "de-AT") capitalises every noun, so that a capital is no sign of a name. */
    public static boolean capitalisesNouns(String language) {
        String primary = LanguageTags.primary(language);
        return "de".equals(primary) || "lb".equals(primary);
    }

    /** An ALL CAPS headline makes every short word look like an acronym ("SEE", "NEW"). */
    public static boolean isShouting(List<Token> tokens) {
        List<String> words = tokens.stream().map(Token::surface)
                .filter(s -> s.length() >= 2 && Character.isLetter(s.charAt(0))).toList();
        long upper = words.stream().filter(s -> s.equals(s.toUpperCase(Locale.ROOT))).count();
        return words.size() >= MIN_WORDS && upper > SHOUTING_SHARE * words.size();
    }

    /**
     * Written as a name: an acronym or mixed-case word anywhere ("IBM", "iOS"), or a capitalised word inside a
     * sentence when capitals mark names (not in a Title Case headline, nor in German, which capitalises every noun).
     */
    public static boolean isName(String word, boolean sentenceStart, boolean capitalsMarkNames) {
        return isAcronym(word) || isMixedCase(word)
                || capitalsMarkNames && !sentenceStart && Character.isUpperCase(word.codePointAt(0));
    }

    /** "IBM", "GM", "MH370": two to six capitals or digits, at least two capitals. */
    public static boolean isAcronym(String word) {
        if (word.length() < 2 || word.length() > MAX_ACRONYM) {
            return false;
        }
        int upper = 0;
        for (int i = 0; i < word.length(); i++) { // a loop, not a stream: this runs for every word of a text
            char c = word.charAt(i);
            if (Character.isUpperCase(c)) {
                upper++;
            } else if (!Character.isDigit(c)) {
                return false;
            }
        }
        return upper >= 2;
    }

    /** "iOS", "1Password", "MH370": a capital after a small letter, or letters mixed with digits. */
    static boolean isMixedCase(String word) {
        boolean letter = false;
        boolean digit = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (i > 0 && Character.isUpperCase(c) && Character.isLowerCase(word.charAt(i - 1))) {
                return true;
            }
            letter |= Character.isLetter(c);
            digit |= Character.isDigit(c);
        }
        return letter && digit;
    }
}
