package org.tidings.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void latinSlugsAreLowerCaseAsciiWithHyphens() {
        assertThat(Slugs.slug("Côte d’Ivoire")).isEqualTo("cote-d-ivoire");
        assertThat(Slugs.slug("São Paulo")).isEqualTo("sao-paulo");
        assertThat(Slugs.slug("  Johnson & Johnson ")).isEqualTo("johnson-johnson");
        assertThat(Slugs.slug("U.S.")).isEqualTo("us");
    }

    @Test
    void arabicSlugsKeepFoldedArabicLetters() {
        assertThat(Slugs.slug("الأمم المتحدة")).isEqualTo("الامم-المتحده");
        assertThat(Slugs.slug("الْأُمَم المتحدة")).isEqualTo(Slugs.slug("الأمم المتحدة"));
    }

    @Test
    void slugsAreBoundedAndNeverStartOrEndWithAHyphen() {
        String slug = Slugs.slug("word ".repeat(100));
        assertThat(slug.length()).isLessThanOrEqualTo(80);
        assertThat(slug).doesNotStartWith("-").doesNotEndWith("-");
        assertThat(Slugs.slug("!!!")).isEmpty();
    }

    @Test
    void hashtagsJoinWords() {
        assertThat(Slugs.hashtag("Federal Reserve")).isEqualTo("#FederalReserve");
        assertThat(Slugs.hashtag("UAE")).isEqualTo("#UAE");
        assertThat(Slugs.hashtag("interest rates")).isEqualTo("#InterestRates");
        assertThat(Slugs.hashtag("McDonald's")).isEqualTo("#McDonalds");
        assertThat(Slugs.hashtag("O'Brien")).isEqualTo("#OBrien");
        assertThat(Slugs.hashtag("الأمم المتحدة")).isEqualTo("#الأمم_المتحدة");
        assertThat(Slugs.hashtag("Coca-Cola")).isEqualTo("#CocaCola");
    }
}
