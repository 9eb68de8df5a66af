package org.tidings.summary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TranslationCheckTest {

    private static final String ORIGINAL = "The bridge cost 40,000 pounds."; // 30 characters: 115 allowed

    @Test
    void aLineMayGrowToTwoAndAHalfTimesItsOriginalPlusSlack() {
        assertThat(TranslationCheck.plausible(ORIGINAL, "x".repeat(115))).isTrue();
        assertThat(TranslationCheck.plausible(ORIGINAL, "x".repeat(116))).isFalse();
    }

    @Test
    void aLineStatesNoNumberItsOriginalDoesNotWhateverItsDigits() {
        assertThat(TranslationCheck.plausible(ORIGINAL, "كلّف الجسر ٤٠٬٠٠٠ جنيه.")).isTrue();
        assertThat(TranslationCheck.plausible(ORIGINAL, "Die Brücke kostete 40.000 Pfund.")).isTrue();
        assertThat(TranslationCheck.plausible(ORIGINAL, "Die Brücke kostete Geld.")).as("leaving a number out").isTrue();
        assertThat(TranslationCheck.plausible(ORIGINAL, "كلّف الجسر ٩٠ مليون جنيه.")).isFalse();
        assertThat(TranslationCheck.plausible(ORIGINAL, "Die Brücke kostete 40.000 Pfund im Jahr 2019.")).isFalse();
    }

    @Test
    void numbersAreAsciiDigitsWithoutSeparators() {
        assertThat(TranslationCheck.numbers("٤٠٬٠٠٠ and 40,000 and 3")).containsExactly("40000", "40000", "3");
        assertThat(TranslationCheck.numbers("9.99 or ٣٫٥, and no number.")).containsExactly("999", "35");
    }

    @Test
    void aBackTranslationAgreesWhenEachOfItsSentencesRestsOnTheOriginal() {
        String original = "Engineers replaced the corroded steel cables and rebuilt the road deck.";
        assertThat(TranslationCheck.backTranslationAgrees(original,
                "The engineers replaced the corroded steel cables and rebuilt the deck of the road.", "en")).isTrue();
        assertThat(TranslationCheck.backTranslationAgrees(original,
                "Engineers replaced the corroded steel cables and rebuilt the road deck. The mayor resigned in protest on Friday.",
                "en")).as("a sentence the translation added").isFalse();
        assertThat(TranslationCheck.backTranslationAgrees(original, "", "en")).isFalse();
        assertThat(TranslationCheck.backTranslationAgrees(original, null, "en")).as("no line came back").isFalse();
    }
}
