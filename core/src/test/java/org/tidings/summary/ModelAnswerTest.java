package org.tidings.summary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ModelAnswerTest {

    @Test
    void sentencesComeWithoutListMarksMarkdownHeadingsOrAnIntroduction() {
        String answer = """
                Here is a summary of the article:
                ## Summary
                - The **bridge** reopened on Tuesday. Engineers replaced the cables.
                12. The mayor cut a ribbon.
                • Traders had lost __customers__.

                1999 was a dry year.
                """;
        assertThat(ModelAnswer.sentences(answer, "en")).containsExactly("The bridge reopened on Tuesday.",
                "Engineers replaced the cables.", "The mayor cut a ribbon.", "Traders had lost customers.",
                "1999 was a dry year.");
        assertThat(ModelAnswer.sentences("  \n- \n", "en")).isEmpty();
    }

    @Test
    void aHeadlineIsTheFirstLineWithoutItsLabelOrQuotes() {
        assertThat(ModelAnswer.headline("\n  Neutral headline: \"Harbour bridge reopens\"\nIt was closed."))
                .containsExactly("Harbour bridge reopens");
        assertThat(ModelAnswer.headline("**«Le pont rouvre»**")).containsExactly("Le pont rouvre");
        assertThat(ModelAnswer.headline("HEADLINE:Bridge reopens after repairs")).containsExactly("Bridge reopens after repairs");
        assertThat(ModelAnswer.headline(" \n \"\" ")).isEmpty();
    }

    @Test
    void numberedLinesAreReadByTheirNumberFirstOneWinsMissingOnesAreNull() {
        String answer = """
                Here you go:
                1. Eins.
                [2] Zwei.
                3) Drei.
                3. Noch einmal drei.
                4: Vier
                9. Neun.
                """;
        assertThat(ModelAnswer.numberedLines(answer, 5)).containsExactly("Eins.", "Zwei.", "Drei.", "Vier", null);
        assertThat(ModelAnswer.numberedLines("no numbers at all", 2)).containsExactly(null, null);
    }
}
