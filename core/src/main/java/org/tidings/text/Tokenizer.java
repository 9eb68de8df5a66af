package org.tidings.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits text into {@link Token}s; each profile decides what joins a word and what ends a sentence. */
public final class Tokenizer {

    /**
     * Headlines and leads for story clustering: letters and digits joined by an inner apostrophe between letters
     * ("don't", "Fed's"); periods, hyphens and commas split ("U.S." is "U" and "S").
     */
    public static final Tokenizer HEADLINES = new Tokenizer(
            "[\\p{L}\\p{Nd}]+(?:(?<=\\p{L})['’](?=\\p{L})[\\p{L}\\p{Nd}]+)*", ".!?:\n", false, false);

    /**
     * One sentence for summaries and grounding: an inner apostrophe, period, comma or ampersand joins ("9.99",
     * "255,904", "U.S", "AT&T"), hyphens split ("six-month" matches "six months"); a colon, semicolon, dash, quote
     * or bracket opens a clause.
     */
    public static final Tokenizer SENTENCES = new Tokenizer(
            "[\\p{L}\\p{M}\\p{N}]+(?:['’.,&][\\p{L}\\p{M}\\p{N}]+)*", ":;\"“«—–!?(", false, false);

    /**
     * Running text for names and topics: dotted abbreviations ("U.S.", "U.A.E.") whole, then words with inner
     * apostrophes, ampersands and hyphens ("Coca-Cola"); the possessive is cut off. A period ends a sentence unless
     * it follows an abbreviation or an initial, and so do a dateline dash, a bullet or a line break.
     */
    public static final Tokenizer NAMES = new Tokenizer(
            "(?:\\p{Lu}\\.){2,}|[\\p{L}\\p{Nd}][\\p{L}\\p{M}\\p{Nd}]*(?:['’&-][\\p{L}\\p{M}\\p{Nd}]+)*",
            "!?؟:;|•·\"“”«»\n\r\t-–—(", true, true);

    /** Possessives are cut only from words longer than this ("it's" stays whole). */
    private static final int MIN_POSSESSIVE_WORD = 3;

    private final Pattern word;
    /** Characters between two words that make the second open a sentence or clause. */
    private final String sentenceBreaks;
    /** Whether a period also makes the next word open a sentence, unless it follows an abbreviation or initial. */
    private final boolean periodBreaksAfterWords;
    private final boolean cutsPossessive;

    private Tokenizer(String word, String sentenceBreaks, boolean periodBreaksAfterWords, boolean cutsPossessive) {
        this.word = Pattern.compile(word);
        this.sentenceBreaks = sentenceBreaks;
        this.periodBreaksAfterWords = periodBreaksAfterWords;
        this.cutsPossessive = cutsPossessive;
    }

    public List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = word.matcher(text);
        int previousEnd = 0;
        while (m.find()) {
            String surface = cutsPossessive ? withoutPossessive(m.group()) : m.group();
            boolean sentenceStart = tokens.isEmpty() || endsSentence(text, previousEnd, m.start(), tokens.getLast());
            tokens.add(new Token(surface, Folding.key(surface), m.start(), m.start() + surface.length(), sentenceStart));
            previousEnd = m.end();
        }
        return tokens;
    }

    private boolean endsSentence(String text, int from, int to, Token previous) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (sentenceBreaks.indexOf(c) >= 0
                    || periodBreaksAfterWords && c == '.' && !(i == from && Abbreviations.keepsPeriod(previous))) {
                return true;
            }
        }
        return false;
    }

    /** "Obama's" is "Obama". */
    private static String withoutPossessive(String word) {
        boolean possessive = word.length() > MIN_POSSESSIVE_WORD && (word.endsWith("'s") || word.endsWith("’s"));
        return possessive ? word.substring(0, word.length() - 2) : word;
    }
}
