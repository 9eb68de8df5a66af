package org.tidings.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits text into word tokens that know whether they open a sentence, and folds words to lookup keys. */
final class Text {

    /** Abbreviations written with dots ("U.S.", "U.A.E.") first, then words with inner apostrophes and hyphens. */
    private static final Pattern WORD = Pattern.compile(
            "(?:\\p{Lu}\\.){2,}|[\\p{L}\\p{Nd}][\\p{L}\\p{M}\\p{Nd}]*(?:['’&-][\\p{L}\\p{M}\\p{Nd}]+)*");
    /** Characters that end a sentence, or a dateline dash: the next capitalised word is no evidence of a name. */
    private static final String SENTENCE_ENDS = "!?؟:;|•·\"“”«»\n\r\t-–—(";
    /** Abbreviations whose dot ends no sentence (guards "Mr. Obama" against reading "Obama" as a sentence opener). */
    private static final java.util.Set<String> ABBREVIATIONS = java.util.Set.of("mr", "mrs", "ms", "dr", "sen", "gov",
            "rep", "st", "gen", "col", "capt", "lt", "prof", "rev", "jr", "sr", "inc", "corp", "co", "ltd", "vs",
            "no", "sgt", "maj", "mt", "ft", "jan", "feb", "aug", "sept", "oct", "nov", "dec");
    /** Arabic one-letter prefixes (and, so, with, for, like) glued to the next word. */
    private static final String ARABIC_CLITICS = "وفبلك";
    /** Arabic words shorter than this keep their first letter: it is part of the word, not a prefix. */
    private static final int MIN_CLITIC_WORD = 4;
    private static final Pattern ARABIC_MARKS = Pattern.compile("[\\u064B-\\u065F\\u0670\\u0640]");

    private Text() {
    }

    /** One word of the text. {@code key} is the folded form used for every lookup. */
    record Token(String surface, String key, int start, int end, boolean sentenceStart) {

        boolean capitalised() {
            return Character.isUpperCase(surface.codePointAt(0));
        }

        boolean allCaps() {
            return surface.length() > 1 && surface.chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
        }

        boolean arabic() {
            return Character.UnicodeScript.of(surface.codePointAt(0)) == Character.UnicodeScript.ARABIC;
        }
    }

    static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        int previousEnd = 0;
        while (m.find()) {
            String surface = stripPossessive(m.group());
            boolean sentenceStart = tokens.isEmpty()
                    || endsSentence(text, previousEnd, m.start(), tokens.getLast());
            tokens.add(new Token(surface, fold(surface), m.start(), m.start() + surface.length(), sentenceStart));
            previousEnd = m.end();
        }
        return tokens;
    }

    /** Lower case, no dots, one apostrophe, Arabic without vowel marks and with one form of alef, yaa and taa marbuta. */
    static String fold(String word) {
        String s = word.toLowerCase(Locale.ROOT).replace("’", "'").replace(".", "");
        if (s.isEmpty() || Character.UnicodeScript.of(s.codePointAt(0)) != Character.UnicodeScript.ARABIC) {
            return s;
        }
        s = ARABIC_MARKS.matcher(s).replaceAll("");
        return s.replace('أ', 'ا').replace('إ', 'ا').replace('آ', 'ا').replace('ٱ', 'ا')
                .replace('ى', 'ي').replace('ة', 'ه');
    }

    /** Folds each word of a phrase and joins them with single spaces: the key of a gazetteer entry. */
    static String foldPhrase(String phrase) {
        StringBuilder key = new StringBuilder();
        for (Token token : tokens(phrase)) {
            if (!key.isEmpty()) {
                key.append(' ');
            }
            key.append(token.key());
        }
        return key.toString();
    }

    /**
     * A folded word and, for Arabic, the same word without a glued conjunction or preposition ("والاقتصاد",
     * "بالرياض", "للإمارات" are also "الاقتصاد", "الرياض", "الإمارات"). Short words are left alone: in them the
     * first letter is part of the word.
     */
    static List<String> withoutClitics(String key) {
        if (key.length() < MIN_CLITIC_WORD || Character.UnicodeScript.of(key.codePointAt(0))
                != Character.UnicodeScript.ARABIC) {
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

    private static String stripPossessive(String word) {
        if (word.length() > 3 && (word.endsWith("'s") || word.endsWith("’s"))) {
            return word.substring(0, word.length() - 2);
        }
        return word;
    }

    private static boolean endsSentence(String text, int from, int to, Token previous) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (SENTENCE_ENDS.indexOf(c) >= 0 || c == '.' && !(i == from && isAbbreviation(previous))) {
                return true;
            }
        }
        return false;
    }

    /** "Mr.", "Sen.", "W." (an initial): the dot after these ends no sentence. */
    static boolean isAbbreviation(Token token) {
        String s = token.surface();
        return ABBREVIATIONS.contains(token.key()) || s.length() == 1 && Character.isUpperCase(s.charAt(0));
    }
}
