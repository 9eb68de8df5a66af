package org.tidings.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AbbreviationsTest {

    @Test
    void abbreviationsAndInitialsEndNoSentence() {
        assertThat(Abbreviations.endsNoSentence("mr", "en")).isTrue();
        assertThat(Abbreviations.endsNoSentence("u.s", "fr")).isTrue();
        assertThat(Abbreviations.endsNoSentence("m", "en")).isTrue();
        assertThat(Abbreviations.endsNoSentence("market", "en")).isFalse();
    }

    @Test
    void someAbbreviationsBelongToOneLanguage() {
        assertThat(Abbreviations.endsNoSentence("bzw", "de")).isTrue();
        assertThat(Abbreviations.endsNoSentence("bzw", "en")).isFalse();
        assertThat(Abbreviations.endsNoSentence("mme", "fr")).isTrue();
    }

    @Test
    void tokensKeepThePeriodAfterTitlesAndInitials() {
        var tokens = Tokenizer.HEADLINES.tokens("Sen. Paul and J. Smith sat");
        assertThat(Abbreviations.keepsPeriod(tokens.get(0))).isTrue();
        assertThat(Abbreviations.keepsPeriod(tokens.get(3))).isTrue();
        assertThat(Abbreviations.keepsPeriod(tokens.get(1))).isFalse();
        assertThat(Abbreviations.keepsPeriod(tokens.get(5))).isFalse();
    }
}
