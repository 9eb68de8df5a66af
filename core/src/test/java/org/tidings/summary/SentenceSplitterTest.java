package org.tidings.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    @Test
    void sentencesKeepTheirIndexAndOffsets() {
        String text = "Storm closes bridge\n\nThe bridge closed on Tuesday. Mr. Smith said it may reopen on Thursday.";
        List<Sentence> sentences = Summarizer.sentences(text, "en");
        assertThat(sentences).extracting(Sentence::text).containsExactly(
                "Storm closes bridge", "The bridge closed on Tuesday.", "Mr. Smith said it may reopen on Thursday.");
        for (Sentence s : sentences) {
            assertThat(text.substring(s.start(), s.end())).isEqualTo(s.text());
        }
        assertThat(sentences).extracting(Sentence::index).containsExactly(0, 1, 2);
    }

    @Test
    void aHeadingIsNotGluedToTheParagraphBelowButWrappedLinesAreJoined() {
        String text = "Bridge closed\nThe bridge on the coast\nroad closed on Tuesday. It reopens Friday.";
        assertThat(Summarizer.sentences(text, "en")).extracting(Sentence::text).containsExactly(
                "Bridge closed", "The bridge on the coast\nroad closed on Tuesday.", "It reopens Friday.");
    }

    @Test
    void thePeriodInsideADomainNameDoesNotEndTheSentence() {
        String text = "This isn’t the first time the Snopes.com writer has expressed this view. He did it again.";
        assertThat(Summarizer.sentences(text, "en")).hasSize(2);
    }

    @Test
    void germanAndFrenchUseTheirOwnModels() {
        assertThat(SentenceSplitter.hasModel("de-DE")).isTrue();
        assertThat(SentenceSplitter.hasModel("fr")).isTrue();
        assertThat(Summarizer.sentences("Das kostet z.B. 50 Euro im Store. Es läuft ab OS X 10.10.", "de"))
                .hasSize(2);
    }

    @Test
    void languagesWithoutAModelUseRulesThatKnowTheirAbbreviations() {
        assertThat(SentenceSplitter.hasModel("es")).isFalse();
        String text = "El Sr. García llegó a Madrid el lunes. Después habló con la prensa. ¿Volverá pronto?";
        assertThat(Summarizer.sentences(text, "es")).extracting(Sentence::text).containsExactly(
                "El Sr. García llegó a Madrid el lunes.", "Después habló con la prensa.", "¿Volverá pronto?");
    }

    @Test
    void rulesDoNotSplitInitialsOrGermanOrdinals() {
        assertThat(RuleSplitter.spans("J. K. Rowling wrote it. Then she left.", "xx")).hasSize(2);
        assertThat(RuleSplitter.spans("Am 5. Mai stimmte das Parlament ab. Es war knapp.", "de")).hasSize(2);
    }

    @Test
    void emptyAndBlankTextHaveNoSentences() {
        assertThat(Summarizer.sentences(null, "en")).isEmpty();
        assertThat(Summarizer.sentences("", null)).isEmpty();
        assertThat(Summarizer.sentences(" \n\n \t ", "en")).isEmpty();
        assertThat(Summarizer.sentences("... !!! ---", "en")).isEmpty();
    }
}
