package org.tidings.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrequentWordsTest {

    @Test
    void everydayWordsOfEachLanguageAreCommonInAnyCase() {
        assertThat(FrequentWords.isCommon("Available", "en")).isTrue();
        assertThat(FrequentWords.isCommon("Rent", "en-GB")).isTrue();
        assertThat(FrequentWords.isCommon("Gibt", "de")).isTrue();
        assertThat(FrequentWords.isCommon("Zůstává", "cs")).isTrue();
    }

    @Test
    void namesTheListCapitalisesAreNotCommon() {
        assertThat(FrequentWords.isCommon("China", "en")).isFalse();
        assertThat(FrequentWords.isCommon("Paris", "en")).isFalse();
        assertThat(FrequentWords.isCommon("Zuckerberg", "en")).isFalse();
    }

    @Test
    void singleLettersAreCommonInEveryLanguage() {
        assertThat(FrequentWords.isCommon("X", "en")).isTrue();
        assertThat(FrequentWords.isCommon("X", "xx")).isTrue();
        assertThat(FrequentWords.isCommon("Available", "xx")).isFalse();
    }

    @Test
    void capitalisedNounsAreFrequentButNotCommon() {
        assertThat(FrequentWords.isFrequent("Menschen", "de")).isTrue();
        assertThat(FrequentWords.isFrequent("Kernfusion", "de")).isFalse();
        assertThat(FrequentWords.isCommon("Berlin", "de")).isFalse();
    }
}
