package org.tidings.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageTagsTest {

    @Test
    void tagsBecomeTheirPrimaryLanguageInLowerCase() {
        assertThat(LanguageTags.primary("en-US")).isEqualTo("en");
        assertThat(LanguageTags.primary("EN")).isEqualTo("en");
        assertThat(LanguageTags.primary(" pt_BR ")).isEqualTo("pt");
        assertThat(LanguageTags.primary("zh-Hant-TW")).isEqualTo("zh");
    }

    @Test
    void threeLetterCodesBecomeTwoLetterOnesWhereThereIsOne() {
        assertThat(LanguageTags.primary("eng")).isEqualTo("en");
        assertThat(LanguageTags.primary("ara")).isEqualTo("ar");
        assertThat(LanguageTags.twoLetter("deu")).isEqualTo("de");
        assertThat(LanguageTags.twoLetter("cmn")).isEqualTo("zh");
        assertThat(LanguageTags.twoLetter("xyz")).isNull();
        assertThat(LanguageTags.primary("xyz")).isEqualTo("xyz");
    }

    @Test
    void tagsWithoutAPrimarySubtagHaveNoLanguage() {
        assertThat(LanguageTags.primary(null)).isNull();
        assertThat(LanguageTags.primary("  ")).isNull();
        assertThat(LanguageTags.primary("-US")).isNull();
    }
}
