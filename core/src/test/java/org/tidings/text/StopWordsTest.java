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
    void listsAreByLanguageWithEnglishForOthers() {
        assertThat(StopWords.of("de")).contains("und", "der").doesNotContain("the");
        assertThat(StopWords.of("fr")).contains("les", "dans");
        assertThat(StopWords.of("nl")).contains("het", "een");
        assertThat(StopWords.of("xx")).isEqualTo(StopWords.of("en")).contains("the");
    }

    @Test
    void newsWordsAreStopWordsOfTopicsButNotOfSentences() {
        assertThat(StopWords.everyLanguage()).contains("officials", "announced");
        assertThat(StopWords.of("en")).doesNotContain("officials", "announced");
    }
}
