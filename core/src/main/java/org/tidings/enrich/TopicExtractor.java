package org.tidings.enrich;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.tidings.text.Casing;
import org.tidings.text.Token;
import org.tidings.text.Tokenizer;

/**
 * Finds the people, organisations, places and key phrases of an article without a trained model: known names from
 * the gazetteer, then capitalised phrases classified by their words ({@link CapitalisedNames}), names after Arabic
 * titles ({@link ArabicNames}), then repeated content words ({@link KeyPhrases}). Immutable and thread-safe.
 */
final class TopicExtractor {

    /** A mention in the headline counts as much as three in the text: the headline says what the article is about. */
    private static final double TITLE_WEIGHT = 3.0;
    /** Mentions in the first part of the text count a little more: news puts the subject in the lead. */
    private static final double LEAD_BONUS = 0.5;
    private static final double LEAD_SHARE = 0.15;
    /** Below this many words every name counts: a headline-sized text mentions each name once. */
    private static final int SHORT_TEXT_TOKENS = 80;
    /**
     * A key phrase must recur: one occurrence, even in the headline (weight 3), says nothing about what the article
     * is about ("jumps", "says"); the headline and one more mention, or three in the text, do.
     */
    private static final double MIN_PHRASE_WEIGHT = TITLE_WEIGHT + 0.5;
    /** A headline with this share of capitalised words is in Title Case: its capitals are no evidence of names. */
    private static final double TITLE_CASE_SHARE = 0.7;
    /** Links in a text ("https://example.com/wp-content/uploads") are addresses, not words: no topic comes of them. */
    private static final Pattern LINK = Pattern.compile("\\b(?:https?://|www\\.)\\S+", Pattern.CASE_INSENSITIVE);

    private final CapitalisedNames capitalisedNames;
    private final ArabicNames arabicNames;
    private final KeyPhrases keyPhrases;

    TopicExtractor(Gazetteer gazetteer) {
        EntityWords words = EntityWords.load();
        this.capitalisedNames = new CapitalisedNames(gazetteer, words);
        this.arabicNames = new ArabicNames(gazetteer, words);
        this.keyPhrases = new KeyPhrases(words);
    }

    /** The topics and the raw place mentions (for the places of the article). */
    record Result(List<Topic> topics, List<Mention> places) {
    }

    /** @param language the article's language ("de"): its everyday words are no topics; Arabic shows names in Arabic */
    Result extract(String title, String text, String language) {
        String words = LINK.matcher(text).replaceAll(" ");
        List<Token> titleTokens = Tokenizer.NAMES.tokens(title);
        List<Token> bodyTokens = Tokenizer.NAMES.tokens(words);
        TopicTally doc = new TopicTally(language, lowerCaseWords(bodyTokens));
        boolean titleCase = Casing.isTitleCase(titleTokens, t -> !t.arabic() && t.key().length() > 3, TITLE_CASE_SHARE);
        scan(doc, title, titleTokens, i -> TITLE_WEIGHT, titleCase);
        int lead = (int) (bodyTokens.size() * LEAD_SHARE);
        scan(doc, words, bodyTokens, i -> i < lead ? 1 + LEAD_BONUS : 1, false);
        boolean shortText = bodyTokens.size() + titleTokens.size() < SHORT_TEXT_TOKENS;
        return new Result(doc.rank(shortText, MIN_PHRASE_WEIGHT), doc.places());
    }

    /** The weight of a mention at a token position. */
    interface Weights {
        double at(int tokenIndex);
    }

    private void scan(TopicTally doc, String text, List<Token> tokens, Weights weights, boolean titleCase) {
        boolean[] used = new boolean[tokens.size()];
        int i = 0;
        while (i < tokens.size()) {
            Token token = tokens.get(i);
            int next = token.arabic() ? arabicNames.scan(doc, tokens, i, weights, used)
                    : token.capitalised() ? capitalisedNames.scan(doc, text, tokens, i, weights, used, titleCase) : i + 1;
            i = Math.max(next, i + 1);
        }
        keyPhrases.collect(doc, tokens, weights, used);
    }

    static String phrase(List<Token> tokens, int from, int end) {
        return tokens.subList(from, end).stream().map(Token::surface).collect(Collectors.joining(" "));
    }

    static void markUsed(boolean[] used, int from, int end) {
        Arrays.fill(used, from, Math.min(end, used.length), true);
    }

    private static Set<String> lowerCaseWords(List<Token> tokens) {
        return tokens.stream().filter(token -> !token.arabic() && Character.isLowerCase(token.surface().codePointAt(0)))
                .map(Token::key).collect(Collectors.toSet());
    }
}
