package org.tidings.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ArticleDigestTest {

    private static final String SUDAN = GroundingSet.resource("/summary/articles/nytimes-1.txt");

    @Test
    void aNewsArticleGetsThreeSummarySentencesAndFiveOtherKeyPointsInArticleOrder() {
        ArticleDigest digest = Summarizer.digest(SUDAN, "en");

        assertThat(digest.summary()).hasSize(3);
        assertThat(digest.keyPoints()).hasSize(5);
        assertInArticleOrder(digest.summary());
        assertInArticleOrder(digest.keyPoints());
        Set<Integer> summaryIndices = new HashSet<>(digest.summary().stream().map(Sentence::index).toList());
        assertThat(digest.keyPoints()).noneMatch(s -> summaryIndices.contains(s.index()));
    }

    @Test
    void everyCitedSentenceIsTheArticlesOwnTextAtItsOffsets() {
        ArticleDigest digest = Summarizer.digest(SUDAN, "en");
        for (Sentence s : concat(digest.summary(), digest.keyPoints())) {
            assertThat(SUDAN.substring(s.start(), s.end())).isEqualTo(s.text());
            assertThat(digest.sentences().get(s.index())).isEqualTo(s);
        }
    }

    @Test
    void theSummaryCoversTheNewsNotTheCaptionsOrBoilerplate() {
        ArticleDigest digest = Summarizer.digest(SUDAN, "en");
        String summary = String.join(" ", digest.summary().stream().map(Sentence::text).toList());
        assertThat(summary).containsIgnoringCase("Sudan").containsIgnoringCase("sanctions");
        assertThat(digest.summary()).allMatch(s -> s.text().split("\\s+").length >= ArticleSummarizer.MIN_WORDS);
    }

    @Test
    void theSummaryDoesNotRepeatItself() {
        String text = "The council approved the new budget on Monday after a long debate.\n\n"
                + "The council approved the new budget on Monday after a long debate, officials said.\n\n"
                + "Schools will receive twelve million euros more than last year under the plan.\n\n"
                + "Opposition members walked out of the chamber before the final vote was held.";
        ArticleDigest digest = Summarizer.digest(text, "en");
        assertThat(digest.summary()).extracting(Sentence::index).doesNotContainSequence(0, 1);
        assertThat(digest.summary()).extracting(Sentence::index).contains(2, 3);
    }

    @Test
    void aShortTextIsItsOwnSummaryAndHasNoFurtherKeyPoints() {
        ArticleDigest digest = Summarizer.digest("The mayor resigned on Friday after ten years in office. "
                + "An election will be held in the spring to choose a successor.", "en");
        assertThat(digest.summary()).hasSize(2);
        assertThat(digest.keyPoints()).isEmpty();
    }

    @Test
    void otherLanguagesAreDigestedToo() {
        ArticleDigest digest = Summarizer.digest(GroundingSet.resource("/summary/articles/lemonde-1.txt"), "fr-FR");
        assertThat(digest.lang()).isEqualTo("fr");
        assertThat(digest.summary()).hasSize(3);
        assertThat(String.join(" ", digest.summary().stream().map(Sentence::text).toList())).contains("renseignement");
    }

    private static void assertInArticleOrder(List<Sentence> sentences) {
        assertThat(sentences).extracting(Sentence::index).isSorted();
    }

    private static List<Sentence> concat(List<Sentence> a, List<Sentence> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
