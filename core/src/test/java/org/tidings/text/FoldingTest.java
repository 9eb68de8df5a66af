package org.tidings.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FoldingTest {

    @Test
    void keysAreLowerCaseWithoutDotsAndWithOneApostrophe() {
        assertThat(Folding.key("U.S.")).isEqualTo("us");
        assertThat(Folding.key("Don’t")).isEqualTo("don't");
        assertThat(Folding.key("Zürich")).isEqualTo("zürich");
    }

    @Test
    void arabicKeysLoseVowelMarksAndUnifyLetterForms() {
        assertThat(Folding.key("الْأُمَم")).isEqualTo("الامم");
        assertThat(Folding.key("مدرسة")).isEqualTo("مدرسه");
        assertThat(Folding.key("مستشفى")).isEqualTo("مستشفي");
    }

    @Test
    void phraseKeysJoinTheKeysOfTheWords() {
        assertThat(Folding.phraseKey("  Bank of  England ")).isEqualTo("bank of england");
        assertThat(Folding.phraseKey("U.S. Senate")).isEqualTo("us senate");
    }

    @Test
    void accentsAreStripped() {
        assertThat(Folding.withoutAccents("Côte d’Ivoire, Zürich, São Paulo")).isEqualTo("Cote d’Ivoire, Zurich, Sao Paulo");
        assertThat(Folding.withoutAccents("plain")).isEqualTo("plain");
        assertThat(Folding.withoutAccents("ﬁnal 1º")).isEqualTo("final 1o");
    }

    @Test
    void arabicPrefixesGluedToAWordAreAlsoTriedWithout() {
        assertThat(Folding.withoutClitics("والاقتصاد")).containsExactly("والاقتصاد", "الاقتصاد");
        assertThat(Folding.withoutClitics("للامارات")).contains("الامارات");
        assertThat(Folding.withoutClitics("وفد")).containsExactly("وفد");
        assertThat(Folding.withoutClitics("economy")).containsExactly("economy");
    }
}
