package org.tidings.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;


class WordsTest {

    @Test
    void numbersAreCanonicalWhateverTheirSpelling() {
        assertThat(numbers("It cost $9.99 for 255,904 people over two years.", "en"))
                .containsExactly("9.99", "255904", "2");
        assertThat(numbers("Before their first birthday, not their third.", "en")).containsExactly("1th", "3th");
        assertThat(numbers("Twenty per cent of the A350 fleet.", "en")).containsExactly("20");
        assertThat(numbers("Deux enfants et trois blessés.", "fr")).containsExactly("2", "3");
    }

    @Test
    void inflectionsAndLongWordsShareATerm() {
        assertThat(terms("killed kills killing", "en")).containsOnly("kill");
        assertThat(terms("presidential president presidents", "en")).containsOnly("presid");
        assertThat(terms("remplacera remplacer", "fr")).containsOnly("rempla");
        assertThat(terms("Obama's", "en")).containsExactly("obama");
    }

    @Test
    void namesAreCapitalizedInsideTheSentenceOrMixedCase() {
        List<Term> tokens = Words.terms("Engineers said Mojang patched iOS and 1Password on Tuesday.", "en");
        assertThat(tokens.stream().filter(Term::name).map(Term::key))
                .containsExactly("mojang", "ios", "1passw", "tuesda");
        assertThat(tokens.getFirst().name()).isFalse();
        assertThat(tokens.getFirst().capital()).isTrue();
    }

    @Test
    void germanNounsAreNotNamesButAllCapsAreAndFirstWordsAreNeither() {
        List<Term> tokens = Words.terms("Dank der TOTP-Funktion braucht man kein Gerät.", "de");
        assertThat(tokens.stream().filter(Term::name).map(Term::key)).containsExactly("totp");
        assertThat(tokens.stream().filter(Term::capital).map(Term::key)).containsExactly("funkti", "gerät");
    }

    @Test
    void negationCuesAreFoundInEachLanguage() {
        assertThat(negated("The staff did not do all they could to stabilise her.", "en")).containsExactly("stabil");
        assertThat(negated("They didn't vote.", "en")).containsExactly("vote");
        assertThat(negated("Elle ne remplacera pas la commission.", "fr")).contains("rempla");
        assertThat(negated("2 209 Français n’ont pas été joints.", "fr")).isNotEmpty();
        assertThat(negated("Not only the bridge closed.", "en")).isEmpty();
    }

    private static List<String> numbers(String text, String lang) {
        return Words.terms(text, lang).stream().map(Term::number).filter(n -> n != null).toList();
    }

    private static List<String> terms(String text, String lang) {
        return Words.terms(text, lang).stream().filter(Term::content).map(Term::key).toList();
    }

    private static java.util.Set<String> negated(String text, String lang) {
        return AnalysedSentence.of(new Sentence(0, 0, text.length(), text), lang).negated();
    }
}
