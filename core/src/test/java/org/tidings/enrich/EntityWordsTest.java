package org.tidings.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EntityWordsTest {

    private static final EntityWords WORDS = EntityWords.load();

    @Test
    void eachListIsReadAsKeys() {
        assertThat(WORDS.titles()).contains("president", "mr");
        assertThat(WORDS.givenNames()).contains("charles", "john");
        assertThat(WORDS.orgSuffixes()).contains("holdings", "inc");
        assertThat(WORDS.agencies()).contains("reuters", "getty images");
    }

    @Test
    void monthsWeekdaysAndGenericWordsAreNoNames() {
        assertThat(WORDS.generic()).contains("march", "monday");
        assertThat(WORDS.generic()).doesNotContain("obama");
        assertThat(WORDS.stopWords()).contains("the", "und");
    }
}
