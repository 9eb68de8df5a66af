package org.tidings.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordsTest {

    private static List<String> terms(String text) {
        return Words.of(text).stream().map(Words.Word::term).toList();
    }

    private static List<String> names(String text) {
        return Words.of(text).stream().filter(Words.Word::name).map(Words.Word::term).toList();
    }

    @Test
    void dropsStopWordsAndFoldsInflections() {
        assertThat(terms("Sbarro files for bankruptcy")).containsExactly("sbarro", "fil", "bankruptcy");
        assertThat(terms("Sbarro filed for bankruptcy")).containsExactly("sbarro", "fil", "bankruptcy");
        assertThat(terms("Sbarro filing bankruptcy")).containsExactly("sbarro", "fil", "bankruptcy");
    }

    @Test
    void stripsPossessivesAndFoldsAccents() {
        assertThat(terms("Fed's Plosser and Café Zürich")).containsExactly("fed", "plosser", "caf", "zurich");
    }

    @Test
    void findsNamesInSentenceCaseButNotInTitleCase() {
        assertThat(names("Pizza chain Sbarro files for bankruptcy again")).containsExactly("sbarro");
        assertThat(names("Pizza Chain Sbarro Files For Bankruptcy Again")).isEmpty();
    }

    @Test
    void aPeriodAfterATitleOrInitialEndsNoSentence() {
        assertThat(names("Bitcoin exchange Mt. Gox files for bankruptcy. Hackers attack")).containsExactly("mt", "gox");
        assertThat(names("Mt. Gox files bankruptcy in US and faces more hacks")).containsExactly("gox");
    }

    @Test
    void acronymsAreNamesEvenInTitleCase() {
        assertThat(names("Why GM Delayed The Recall")).containsExactly("gm");
        assertThat(names("Search resumes for MH370 off the coast")).containsExactly("mh370");
    }

    @Test
    void anAllCapsHeadlineHasNoAcronyms() {
        assertThat(names("COSMOS A SPACETIME ODYSSEY SEE PRESIDENT OBAMA")).isEmpty();
        assertThat(terms("COSMOS A SPACETIME ODYSSEY")).containsExactly("cosmo", "spacetim", "odyssey");
    }

    @Test
    void sentenceStartIsNotAName() {
        assertThat(names("Shares fell. Analysts blamed Chiquita")).containsExactly("chiquita");
    }

    @Test
    void survivesHostileInput() {
        assertThat(Words.of(null)).isEmpty();
        assertThat(Words.of("")).isEmpty();
        assertThat(Words.of("\u0000\u0001\uFFFF\uD800 ... ''' ’’")).isEmpty();
        assertThat(Words.of("word ".repeat(1_000_000))).hasSizeLessThanOrEqualTo(Words.MAX_CHARS);
        assertThat(Words.of("x".repeat(100_000))).isEmpty();
    }
}
