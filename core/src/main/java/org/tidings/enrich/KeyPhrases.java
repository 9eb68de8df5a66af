package org.tidings.enrich;

import java.util.List;

import org.tidings.enrich.TopicExtractor.Weights;
import org.tidings.text.Token;

/** Key phrases: content words and two-word phrases that recur ("interest rates", "الطاقة المتجددة"). */
final class KeyPhrases {

    /** Words shorter than this are rarely a subject ("set", "win"). */
    private static final int MIN_PHRASE_CHARS = 4;
    /** Arabic phrases are counted without a glued "and", "with" or "for" ("والطاقة", "للطاقة" are "الطاقة"). */
    private static final String ARABIC_GLUED = "وبفك";

    private final EntityWords words;

    KeyPhrases(EntityWords words) {
        this.words = words;
    }

    void collect(TopicTally doc, List<Token> tokens, Weights weights, boolean[] used) {
        Token previous = null;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (used[i] || !isContentWord(doc, token)) {
                previous = null;
                continue;
            }
            doc.addPhrase(phraseSurface(token), phraseKey(token), weights.at(i));
            if (previous != null && !token.sentenceStart()) {
                doc.addPhrase(phraseSurface(previous) + " " + token.surface(),
                        phraseKey(previous) + " " + phraseKey(token), weights.at(i));
            }
            previous = token;
        }
    }

    private boolean isContentWord(TopicTally doc, Token token) {
        String key = token.key();
        if (key.length() < MIN_PHRASE_CHARS || words.stopWords().contains(key) || words.generic().contains(key)
                || isElided(key) || !Character.isLetter(key.codePointAt(0)) || key.chars().anyMatch(Character::isDigit)) {
            return false;
        }
        return token.arabic() || !token.capitalised() || token.sentenceStart() && doc.isCommonWord(key);
    }

    /** "d'un", "l'Assemblée", "qu'il": French and Italian elisions glue a function word to the next. */
    private static boolean isElided(String key) {
        int apostrophe = key.indexOf('\'');
        return apostrophe > 0 && apostrophe <= 2;
    }

    /** The word as shown, without the glued prefix that {@link #phraseKey} drops. */
    private static String phraseSurface(Token token) {
        String surface = token.surface();
        if (phraseKey(token).equals(token.key())) {
            return surface;
        }
        return token.key().startsWith("لل") ? "ال" + surface.substring(2) : surface.substring(1);
    }

    private static String phraseKey(Token token) {
        String key = token.key();
        if (!token.arabic() || key.length() <= 5) {
            return key;
        }
        if (key.startsWith("لل")) {
            return "ال" + key.substring(2);
        }
        boolean gluedToArticle = ARABIC_GLUED.indexOf(key.charAt(0)) >= 0 && key.startsWith("ال", 1);
        return gluedToArticle ? key.substring(1) : key;
    }
}
