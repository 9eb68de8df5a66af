package org.tidings.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WordListsTest {

    @Test
    void sectionsHoldTheirEntriesInFileOrderWithoutComments() {
        var sections = WordLists.sections("/org/tidings/text/abbreviations.txt", "\\s+");
        assertThat(sections).containsKeys("any", "de", "fr");
        assertThat(sections.get("any")).startsWith("mr", "mrs", "ms");
        assertThat(sections.values()).noneMatch(words -> words.stream().anyMatch(w -> w.startsWith("#")));
    }

    @Test
    void aMissingListIsAnError() {
        assertThatThrownBy(() -> WordLists.lines("/org/tidings/text/missing.txt"))
                .isInstanceOf(IllegalStateException.class);
    }
}
