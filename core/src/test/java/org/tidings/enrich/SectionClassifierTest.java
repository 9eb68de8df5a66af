package org.tidings.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.tidings.text.Tokenizer;

class SectionClassifierTest {

    private static final SectionClassifier CLASSIFIER = new SectionClassifier();

    @Test
    void englishHeadlinesOfEachSection() {
        assertThat(section("Stocks fall as inflation fears hit markets")).isEqualTo(Section.BUSINESS);
        assertThat(section("New smartphone app lets users encrypt messages")).isEqualTo(Section.TECHNOLOGY);
        assertThat(section("Flu outbreak fills hospitals as doctors urge vaccination")).isEqualTo(Section.HEALTH);
        assertThat(section("Striker scores twice as United win the cup final")).isEqualTo(Section.SPORTS);
        assertThat(section("Actress stars in new movie trailer ahead of premiere")).isEqualTo(Section.ENTERTAINMENT);
        assertThat(section("Voters head to the polls in presidential election")).isEqualTo(Section.POLITICS);
        assertThat(section("Troops cross border as ceasefire collapses")).isEqualTo(Section.WORLD);
        assertThat(section("NASA telescope spots planet orbiting distant star")).isEqualTo(Section.SCIENCE);
    }

    @Test
    void arabicHeadlinesOfEachSection() {
        assertThat(section("المنتخب يفوز في المباراة النهائية للبطولة")).isEqualTo(Section.SPORTS);
        assertThat(section("ارتفاع أسعار النفط يدعم البورصة والأسهم")).isEqualTo(Section.BUSINESS);
        assertThat(section("وزارة الصحة تطلق حملة لقاح ضد الانفلونزا في المستشفيات")).isEqualTo(Section.HEALTH);
        assertThat(section("الانتخابات البرلمانية: المعارضة تعلن مرشحها")).isEqualTo(Section.POLITICS);
    }

    @Test
    void arabicWordsCountThroughGluedConjunctionsAndPrepositions() {
        assertThat(section("وللمنتخب وبالمباراة والبطولة")).isEqualTo(Section.SPORTS);
        assertThat(section("والاقتصاد وبالبورصة")).isEqualTo(Section.BUSINESS);
    }

    @Test
    void sourceSectionDecidesWhenTheTextSaysNothing() {
        var result = CLASSIFIER.classify(Tokenizer.NAMES.tokens("A day to remember"), List.of(), Section.SPORTS);
        assertThat(result.section()).isEqualTo(Section.SPORTS);
        assertThat(result.confidence()).isBetween(0.5, 0.7);
    }

    @Test
    void strongEvidenceOutweighsTheSourceSection() {
        var result = CLASSIFIER.classify(Tokenizer.NAMES.tokens("Flu vaccine shortage worries doctors and hospitals"),
                Tokenizer.NAMES.tokens("Patients waited for the vaccine as the flu outbreak spread."), Section.BUSINESS);
        assertThat(result.section()).isEqualTo(Section.HEALTH);
    }

    @Test
    void noEvidenceAndNoPriorIsGeneralWithZeroConfidence() {
        var result = CLASSIFIER.classify(Tokenizer.NAMES.tokens("A day to remember"), List.of(), null);
        assertThat(result.section()).isEqualTo(Section.GENERAL);
        assertThat(result.confidence()).isZero();
    }

    @Test
    void oneWordRepeatedCannotOutvoteTheRest() {
        String body = "game ".repeat(200) + "The central bank raised interest rates and stocks fell; investors "
                + "sold shares as the economy slowed.";
        var result = CLASSIFIER.classify(Tokenizer.NAMES.tokens("Rates"), Tokenizer.NAMES.tokens(body), null);
        assertThat(result.section()).isEqualTo(Section.BUSINESS);
    }

    @Test
    void publisherSectionNamesAreUnderstood() {
        assertThat(Section.fromName("Tech")).isEqualTo(Section.TECHNOLOGY);
        assertThat(Section.fromName(" sport ")).isEqualTo(Section.SPORTS);
        assertThat(Section.fromName("economy")).isEqualTo(Section.BUSINESS);
        assertThat(Section.fromName("رياضة")).isEqualTo(Section.SPORTS);
        assertThat(Section.fromName("gardening")).isNull();
        assertThat(Section.fromName(null)).isNull();
    }

    private static Section section(String headline) {
        return CLASSIFIER.classify(Tokenizer.NAMES.tokens(headline), List.of(), null).section();
    }
}
