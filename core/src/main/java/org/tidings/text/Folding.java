package org.tidings.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The forms words are compared in: lower case, without accents, and Arabic without vowel marks or glued prefixes. */
public final class Folding {

    /** Arabic one-letter prefixes (and, so, with, for, like) glued to the next word. */
    private static final String ARABIC_CLITICS = "وفبلك";
    /** Arabic words shorter than this keep their first letter: it is part of the word, not a prefix. */
    private static final int MIN_CLITIC_WORD = 4;
    private static final Pattern ARABIC_MARKS = Pattern.compile("[\\u064B-\\u065F\\u0670\\u0640]");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /** No letter below the Arabic block is Arabic: most words are told apart without a script lookup. */
    private static final char FIRST_ARABIC = '\u0600';

    private Folding() {
    }

    /** Lower case, no dots, one apostrophe; Arabic without vowel marks, one form of alef, yaa and taa marbuta. */
    public static String key(String word) {
        if (isAsciiKey(word)) {
            return word;
        }
        String s = word.toLowerCase(Locale.ROOT).replace("’", "'").replace(".", "");
        if (!isArabic(s)) {
            return s;
        }
        return ARABIC_MARKS.matcher(s).replaceAll("").replace('أ', 'ا').replace('إ', 'ا').replace('آ', 'ا').replace('ٱ', 'ا')
                .replace('ى', 'ي').replace('ة', 'ه');
    }

    /** The keys of a phrase's words joined by single spaces: the key of a name of several words. */
    public static String phraseKey(String phrase) {
        return Tokenizer.NAMES.tokens(phrase).stream().map(Token::key).collect(Collectors.joining(" "));
    }

    /** "Zürich" is "Zurich"; compatibility forms are decomposed too ("ﬁ" is "fi", "º" is "o"), as URLs want them. */
    public static String withoutAccents(String s) {
        for (int i = 0; i < s.length(); i++) { // a loop, not a stream: most words are ASCII and need no copy
            if (s.charAt(i) > 127) {
                return MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFKD)).replaceAll("");
            }
        }
        return s;
    }

    /**
     * A key and, for Arabic, the word without a glued conjunction or preposition ("بالرياض" is also "الرياض"). Short
     * words are left alone: in them the first letter is part of the word.
     */
    public static List<String> withoutClitics(String key) {
        if (key.length() < MIN_CLITIC_WORD || !isArabic(key)) {
            return List.of(key);
        }
        List<String> variants = new ArrayList<>(List.of(key));
        if (key.startsWith("لل")) {
            variants.add("ال" + key.substring(2));
        }
        if (ARABIC_CLITICS.indexOf(key.charAt(0)) >= 0) {
            variants.add(key.substring(1));
            if (key.length() > MIN_CLITIC_WORD && ARABIC_CLITICS.indexOf(key.charAt(1)) >= 0) {
                variants.add(key.substring(2));
            }
        }
        return variants;
    }

    /** Most words of a text are their own key: ASCII without capitals or dots (one pass, no copy). */
    private static boolean isAsciiKey(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c > 127 || c == '.' || c >= 'A' && c <= 'Z') {
                return false;
            }
        }
        return true;
    }

    public static boolean isArabic(String s) {
        return !s.isEmpty() && s.charAt(0) >= FIRST_ARABIC
                && Character.UnicodeScript.of(s.codePointAt(0)) == Character.UnicodeScript.ARABIC;
    }
}
