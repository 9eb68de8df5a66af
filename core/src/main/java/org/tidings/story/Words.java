package org.tidings.story;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.tidings.text.Abbreviations;
import org.tidings.text.Casing;
import org.tidings.text.Folding;
import org.tidings.text.Stems;
import org.tidings.text.StopWords;
import org.tidings.text.Token;
import org.tidings.text.Tokenizer;

/**
 * The words of headlines and leads that carry topic: lower-cased, accents folded, possessives and common English
 * inflections stripped, stop words and headline fillers dropped. Also tells which words were written as names
 * (capitalised inside a sentence-case text, or acronyms).
 */
final class Words {

    /** Longest input looked at: a hostile 10 MB "headline" must not cost more than a real one. */
    static final int MAX_CHARS = 20_000;
    /** A headline with this share of its content words capitalised is in Title Case. */
    private static final double TITLE_CASE_SHARE = 0.8;
    /** Longer "words" are noise (URLs, base64), not topic. */
    private static final int MAX_WORD = 40;

    private static final Set<String> STOP = StopWords.headlines();

    private Words() {
    }

    record Word(String term, boolean name) {
    }

    /** The topic words of a text, in order. */
    static List<Word> of(String text) {
        List<Word> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        List<Token> tokens = Tokenizer.HEADLINES.tokens(text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text);
        boolean titleCase = Casing.isTitleCase(tokens, t -> !STOP.contains(t.key()), TITLE_CASE_SHARE);
        boolean shouting = Casing.isShouting(tokens);
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            String term = normalize(token.surface());
            if (term != null) {
                boolean sentenceStart = token.sentenceStart() && !(i > 0 && afterAbbreviation(text, tokens.get(i - 1), token));
                out.add(new Word(term, !shouting && isName(token, sentenceStart, titleCase)));
            }
        }
        return out;
    }

    /** The normalized form of one raw token, or null for a stop word or noise. */
    static String normalize(String token) {
        String lower = Folding.withoutAccents(token.toLowerCase(Locale.ROOT));
        if (lower.endsWith("'s") || lower.endsWith("’s")) {
            lower = lower.substring(0, lower.length() - 2);
        }
        lower = lower.replace("'", "").replace("’", "");
        if (lower.isEmpty() || lower.length() > MAX_WORD || STOP.contains(lower)) {
            return null;
        }
        return Stems.headline(lower);
    }

    private static boolean isName(Token token, boolean sentenceStart, boolean titleCase) {
        return Casing.isAcronym(token.surface())
                || !titleCase && !sentenceStart && Character.isUpperCase(token.surface().charAt(0));
    }

    /** "Mt. Gox", "Sen. Paul": only a period and spaces after a title or initial, which ends no sentence. */
    private static boolean afterAbbreviation(String text, Token previous, Token token) {
        return Abbreviations.keepsPeriod(previous) && text.substring(previous.end(), token.start()).strip().equals(".");
    }
}
