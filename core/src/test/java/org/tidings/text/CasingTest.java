package org.tidings.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CasingTest {

    private static boolean titleCase(String headline) {
        return Casing.isTitleCase(Tokenizer.HEADLINES.tokens(headline), t -> t.key().length() > 3, 0.8);
    }

    @Test
    void titleCaseIsWhenNearlyEveryLongWordIsCapitalised() {
        assertThat(titleCase("Pizza Chain Sbarro Files For Bankruptcy Again")).isTrue();
        assertThat(titleCase("Pizza chain Sbarro files for bankruptcy again")).isFalse();
        assertThat(titleCase("Sbarro Files")).isFalse();
    }

    @Test
    void shoutingIsWhenMostWordsAreInCapitals() {
        assertThat(Casing.isShouting(Tokenizer.HEADLINES.tokens("COSMOS A SPACETIME ODYSSEY SEE PRESIDENT"))).isTrue();
        assertThat(Casing.isShouting(Tokenizer.HEADLINES.tokens("GM and IBM report results"))).isFalse();
    }

    @Test
    void acronymsAreShortRunsOfCapitalsAndDigits() {
        assertThat(Casing.isAcronym("IBM")).isTrue();
        assertThat(Casing.isAcronym("MH370")).isTrue();
        assertThat(Casing.isAcronym("A")).isFalse();
        assertThat(Casing.isAcronym("Apple")).isFalse();
        assertThat(Casing.isAcronym("UNICEFS")).isFalse();
    }

    @Test
    void mixedCaseIsACapitalAfterASmallLetterOrLettersWithDigits() {
        assertThat(Casing.isMixedCase("iOS")).isTrue();
        assertThat(Casing.isMixedCase("1Password")).isTrue();
        assertThat(Casing.isMixedCase("Apple")).isFalse();
        assertThat(Casing.isMixedCase("NASA")).isFalse();
    }

    @Test
    void namesAreAcronymsMixedCaseOrCapitalisedInsideASentence() {
        assertThat(Casing.isName("Mojang", false, true)).isTrue();
        assertThat(Casing.isName("Engineers", true, true)).isFalse();
        assertThat(Casing.isName("Gerät", false, false)).isFalse();
        assertThat(Casing.isName("TOTP", true, false)).isTrue();
        assertThat(Casing.isName("iOS", true, false)).isTrue();
        assertThat(Casing.isName("patched", false, true)).isFalse();
    }
}
