package org.tidings.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.tidings.text.Abbreviations;

/**
 * Rule-based sentence splitting inside one line, for languages without a sentence model. A
 * sentence ends at {@code . ! ? …} (plus closing quotes and brackets) followed by white space and
 * a capital letter, a digit or an opening quote, unless the word before the period is a known
 * abbreviation, an initial or (in German) an ordinal number.
 */
final class RuleSplitter {

    /** Marks that end a sentence, and what may close it after the mark (quotes, brackets). */
    static final String TERMINALS = ".!?…。！？";
    static final String CLOSERS = "\"'”’»)]";

    private RuleSplitter() {
    }

    static List<int[]> spans(String line, String language) {
        List<int[]> spans = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < line.length(); i++) {
            if (!isTerminal(line.charAt(i))) {
                continue;
            }
            int end = skipClosers(line, i + 1);
            if (endsSentence(line, i, end, language)) {
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
        return TERMINALS.indexOf(c) >= 0;
    }

    private static int skipClosers(String line, int i) {
        while (i < line.length() && (isTerminal(line.charAt(i)) || CLOSERS.indexOf(line.charAt(i)) >= 0)) {
            i++;
        }
        return i;
    }

    private static boolean endsSentence(String line, int mark, int end, String language) {
        if ("。！？".indexOf(line.charAt(mark)) >= 0) { // wide marks end a sentence without a space after them
            return true;
        }
        int next = end;
        while (next < line.length() && Character.isWhitespace(line.charAt(next))) {
            next++;
        }
        if (next == end || next >= line.length() || !startsSentence(line.charAt(next))) {
            return false; // no white space after the mark, or no sentence start after that
        }
        return line.charAt(mark) != '.' || !isAbbreviation(line, mark, language);
    }

    /** Whether the text before {@code end} ends with an abbreviation and its period: models split there. */
    static boolean endsWithAbbreviation(String line, int end, String language) {
        int period = end - 1;
        while (period > 0 && Character.isWhitespace(line.charAt(period))) {
            period--;
        }
        return period > 0 && line.charAt(period) == '.' && isAbbreviation(line, period, language);
    }

    private static boolean startsSentence(char c) {
        return Character.isUpperCase(c) || Character.isDigit(c) || "\"'“‘«¿¡([—–-".indexOf(c) >= 0
                || Character.isLetter(c) && !Character.isLowerCase(c);
    }

    private static boolean isAbbreviation(String line, int period, String language) {
        int wordStart = period;
        while (wordStart > 0 && !Character.isWhitespace(line.charAt(wordStart - 1))
                && "\"'“‘«([".indexOf(line.charAt(wordStart - 1)) < 0) {
            wordStart--;
        }
        String word = line.substring(wordStart, period).toLowerCase(Locale.ROOT);
        if ("de".equals(language) && word.length() <= 2 && word.chars().allMatch(Character::isDigit)) {
            return true; // a German ordinal: "am 5. Mai"
        }
        return Abbreviations.endsNoSentence(word, language);
    }
}
