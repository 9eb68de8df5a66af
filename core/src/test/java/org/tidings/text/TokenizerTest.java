package org.tidings.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class TokenizerTest {

    private static List<String> surfaces(Tokenizer tokenizer, String text) {
        return tokenizer.tokens(text).stream().map(Token::surface).toList();
    }

    private static List<String> sentenceStarts(Tokenizer tokenizer, String text) {
        return tokenizer.tokens(text).stream().filter(Token::sentenceStart).map(Token::surface).toList();
    }

    @Test
    void tokensKnowTheirOffsetsAndKeys() {
        String text = "Mr. Obama’s visit to the U.S. Senate";
        Token obama = Tokenizer.NAMES.tokens(text).get(1);
        assertThat(obama.surface()).isEqualTo("Obama");
        assertThat(text.substring(obama.start(), obama.end())).isEqualTo("Obama");
        assertThat(obama.key()).isEqualTo("obama");
        assertThat(Tokenizer.NAMES.tokens(text).get(5).key()).isEqualTo("us");
    }

    @Test
    void eachProfileJoinsWhatItsStageCompares() {
        String text = "U.S. Coca-Cola's $9.99 deal isn't over";
        assertThat(surfaces(Tokenizer.NAMES, text)).containsExactly("U.S.", "Coca-Cola", "9", "99", "deal", "isn't", "over");
        assertThat(surfaces(Tokenizer.SENTENCES, text))
                .containsExactly("U.S", "Coca", "Cola's", "9.99", "deal", "isn't", "over");
        assertThat(surfaces(Tokenizer.HEADLINES, text))
                .containsExactly("U", "S", "Coca", "Cola's", "9", "99", "deal", "isn't", "over");
    }

    @Test
    void aPeriodAfterAnAbbreviationOrInitialEndsNoSentence() {
        assertThat(sentenceStarts(Tokenizer.NAMES, "Talks with Mr. Obama and John F. Kennedy. Later, Sen. Paul left"))
                .containsExactly("Talks", "Later");
        assertThat(sentenceStarts(Tokenizer.HEADLINES, "Shares fell. Analysts: Chiquita sees loss"))
                .containsExactly("Shares", "Analysts", "Chiquita");
    }

    @Test
    void aClauseOpensAfterAColonDashOrQuote() {
        assertThat(sentenceStarts(Tokenizer.SENTENCES, "He said: “Prices rose” — Markets fell"))
                .containsExactly("He", "Prices", "Markets");
        assertThat(sentenceStarts(Tokenizer.NAMES, "DUBAI - Emaar said")).containsExactly("DUBAI", "Emaar");
    }

    @Test
    void arabicWordsAreFoldedAndMarkedAsArabic() {
        Token word = Tokenizer.NAMES.tokens("الإمارات").getFirst();
        assertThat(word.arabic()).isTrue();
        assertThat(word.key()).isEqualTo("الامارات");
        assertThat(word.capitalised()).isFalse();
    }

    @Test
    void casingOfATokenIsItsSurfaces() {
        List<Token> tokens = Tokenizer.NAMES.tokens("NASA and Nasa");
        assertThat(tokens.get(0).allCaps()).isTrue();
        assertThat(tokens.get(2).allCaps()).isFalse();
        assertThat(tokens.get(2).capitalised()).isTrue();
        assertThat(tokens.get(1).capitalised()).isFalse();
    }

    @Test
    void emptyAndHostileTextGiveNoTokens() {
        assertThat(Tokenizer.NAMES.tokens("")).isEmpty();
        assertThat(Tokenizer.SENTENCES.tokens("\u0000\uFFFF ... ’’")).isEmpty();
        assertThat(Tokenizer.HEADLINES.tokens("'''")).isEmpty();
    }
}
