package org.tidings.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Rule-based sentence splitting inside one line, for languages without a sentence model. A
 * sentence ends at {@code . ! ? …} (plus closing quotes and brackets) followed by white space and
 * a capital letter, a digit or an opening quote, unless the word before the period is a known
 * abbreviation, an initial or (in German) an ordinal number.
 */
final class RuleSplitter {

    /** Abbreviations that end with a period without ending the sentence ("Mr. Smith", "z.B. ein"). */
    private static final Set<String> COMMON = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "sen", "rep", "gov", "lt", "col",
            "sgt", "capt", "vs", "etc", "inc", "ltd", "co", "corp", "no", "nos", "fig", "approx",
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
            "u.s", "u.k", "e.g", "i.e", "a.m", "p.m");
    private static final Map<String, Set<String>> BY_LANGUAGE = Map.of(
            "de", Set.of("z.b", "bzw", "nr", "usw", "ca", "hr", "fr", "dr", "vgl", "s", "str", "inkl", "evtl", "d.h"),
            "fr", Set.of("m", "mme", "mlle", "av", "bd", "env", "p", "cf", "n°"),
            "es", Set.of("sr", "sra", "srta", "dña", "d", "ee.uu", "pág", "núm", "av", "ud", "uds"),
            "pt", Set.of("sr", "sra", "dr", "dra", "av", "pág", "n.º"),
            "it", Set.of("sig", "sigg", "dott", "ing", "avv", "pag"),
            "nl", Set.of("dhr", "mevr", "bijv", "o.a", "nr"));

    private RuleSplitter() {
    }

    static List<int[]> spans(String line, String language) {
        List<int[]> spans = new ArrayList<>();
        Set<String> extra = BY_LANGUAGE.getOrDefault(language, Set.of());
        int start = 0;
        for (int i = 0; i < line.length(); i++) {
            if (!isTerminal(line.charAt(i))) {
                continue;
            }
            int end = skipClosers(line, i + 1);
            if (endsSentence(line, i, end, language, extra)) {
                spans.add(new int[] {start, end});
                start = end;
                i = end - 1;
            }
        }
        if (start < line.length()) {
            spans.add(new int[] {start, line.length()});
        }
        return spans;
    }

    private static boolean isTerminal(char c) {
        return c == '.' || c == '!' || c == '?' || c == '…' || c == '。' || c == '！' || c == '？';
    }

    private static int skipClosers(String line, int i) {
        while (i < line.length() && (isTerminal(line.charAt(i)) || "\"'”’»)]".indexOf(line.charAt(i)) >= 0)) {
            i++;
        }
        return i;
    }

    private static boolean endsSentence(String line, int mark, int end, String language, Set<String> extra) {
        if (isWide(line.charAt(mark))) {
            return true;
        }
        if (end >= line.length() || !Character.isWhitespace(line.charAt(end))) {
            return false;
        }
        int next = end;
        while (next < line.length() && Character.isWhitespace(line.charAt(next))) {
            next++;
        }
        if (next >= line.length() || !startsSentence(line.charAt(next))) {
            return false;
        }
        return line.charAt(mark) != '.' || !isAbbreviation(line, mark, language, extra);
    }

    /**
     * Whether the text before {@code end} ends with an abbreviation or initial and its period
     * ("said Robert M." + "Danin..."): the sentence models split there.
     */
    static boolean endsWithAbbreviation(String line, int end, String language) {
        int period = end - 1;
        while (period > 0 && Character.isWhitespace(line.charAt(period))) {
            period--;
        }
        return period > 0 && line.charAt(period) == '.'
                && isAbbreviation(line, period, language, BY_LANGUAGE.getOrDefault(language, Set.of()));
    }

    private static boolean isWide(char c) {
        return c == '。' || c == '！' || c == '？';
    }

    private static boolean startsSentence(char c) {
        return Character.isUpperCase(c) || Character.isDigit(c) || "\"'“‘«¿¡([—–-".indexOf(c) >= 0
                || Character.isLetter(c) && !Character.isLowerCase(c);
    }

    private static boolean isAbbreviation(String line, int period, String language, Set<String> extra) {
        int wordStart = period;
        while (wordStart > 0 && !Character.isWhitespace(line.charAt(wordStart - 1))
                && "\"'“‘«([".indexOf(line.charAt(wordStart - 1)) < 0) {
            wordStart--;
        }
        String word = line.substring(wordStart, period).toLowerCase(Locale.ROOT);
        if (word.length() == 1 && Character.isLetter(word.charAt(0))) {
            return true; // an initial: "J. Smith"
        }
        if ("de".equals(language) && word.length() <= 2 && word.chars().allMatch(Character::isDigit)) {
            return true; // a German ordinal: "am 5. Mai"
        }
        return COMMON.contains(word) || extra.contains(word);
    }
}
