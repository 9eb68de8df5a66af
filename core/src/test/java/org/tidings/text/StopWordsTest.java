package org.tidings.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StopWordsTest {

    @Test
    void everyLanguageHoldsTheFunctionWordsOfEachAsKeys() {
        assertThat(StopWords.everyLanguage()).contains("the", "und", "les", "los", "في", "الي");
        assertThat(StopWords.everyLanguage()).doesNotContain("bankruptcy", "ukraine");
    }

    @Test
    void headlineFillersAreStopWordsOfHeadlines() {
        assertThat(StopWords.headlines()).contains("the", "update", "video", "says");
        assertThat(StopWords.headlines()).doesNotContain("bankruptcy");
    }

    @Test
    void sentenceListsAreByLanguageWithEnglishForOthers() {
        assertThat(StopWords.sentences("de")).contains("und", "der").doesNotContain("the");
        assertThat(StopWords.sentences("fr")).contains("les", "dans");
        assertThat(StopWords.sentences("xx")).isEqualTo(StopWords.sentences("en")).contains("the");
    }
}
