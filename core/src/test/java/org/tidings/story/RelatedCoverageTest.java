package org.tidings.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tidings.story.RelatedCoverage.Candidate;
import org.tidings.story.RelatedCoverage.Reason;
import org.tidings.story.RelatedCoverage.Related;

class RelatedCoverageTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    private static Candidate c(String id, String story, String publisher, String title, int hoursAgo) {
        return new Candidate(id, story, publisher, title, null, NOW.minus(Duration.ofHours(hoursAgo)), null);
    }

    private final Candidate article = c("a", "s1", "Daily", "Sbarro files for bankruptcy for the second time", 1);

    @Test
    void sameStoryFromOtherPublishersFirstThenSimilarThenNothingUnrelated() {
        List<Candidate> pool = List.of(
                c("same-daily", "s1", "Daily", "Sbarro bankruptcy: what it means for malls", 2),
                c("same-herald", "s1", "Herald", "Pizza chain Sbarro in court again", 3),
                c("similar", "s2", "Wire", "Sbarro rival pizza chains see bankruptcy risk", 4),
                c("unrelated", "s3", "Wire", "Apple shows a new iPhone", 1),
                c("weak", "s4", "Post", "Second time lucky for the national football team", 1));
        List<Related> related = RelatedCoverage.rank(article, pool, NOW, 10);
        assertThat(related).extracting(Related::id).containsExactly("same-herald", "same-daily", "similar");
        assertThat(related).extracting(Related::reason).containsExactly(Reason.SAME_STORY, Reason.SAME_STORY, Reason.SIMILAR);
    }

    @Test
    void spreadsOverPublishers() {
        List<Candidate> pool = List.of(
                c("w1", "s1", "Wire", "Sbarro files for bankruptcy protection", 2),
                c("w2", "s1", "Wire", "Sbarro files for bankruptcy, closes stores", 2),
                c("w3", "s1", "Wire", "Sbarro bankruptcy filing details", 2),
                c("h1", "s1", "Herald", "Pizza chain in court", 3),
                c("p1", "s1", "Post", "Mall pizza maker bankrupt", 3));
        List<Related> related = RelatedCoverage.rank(article, pool, NOW, 3);
        assertThat(related).extracting(Related::id).containsExactlyInAnyOrder("w1", "h1", "p1");
    }

    @Test
    void leavesOutCopiesTheArticleItselfAndOldSimilarArticles() {
        List<Candidate> pool = List.of(
                article,
                new Candidate("copy", "s1", "Wire", "Sbarro files for bankruptcy for the second time", null, NOW, "a"),
                c("old", "s9", "Wire", "Sbarro files for bankruptcy for the first time", 24 * 30));
        assertThat(RelatedCoverage.rank(article, pool, NOW, 5)).isEmpty();
        assertThat(RelatedCoverage.rank(article, List.of(), NOW, 5)).isEmpty();
        assertThat(RelatedCoverage.rank(article, pool, NOW, 0)).isEmpty();
    }

    @Test
    void oneSharedWordIsNotEnoughForASimilarArticle() {
        Candidate shortOne = c("short", null, "Daily", "Sbarro bankruptcy", 1);
        List<Candidate> pool = List.of(
                c("judge", "s5", "Wire", "Bankruptcy judge", 2),
                c("closing", "s6", "Herald", "Sbarro closing malls stores", 2));
        assertThat(RelatedCoverage.rank(shortOne, pool, NOW, 5)).extracting(Related::id).isEmpty();
    }

    @Test
    void similarArticlesFromOtherPublishersComeFirstAndRecentOnly() {
        List<Candidate> pool = List.of(
                c("own-similar", "s2", "Daily", "Sbarro bankruptcy second time pizza chain creditors", 2),
                c("other-similar", "s3", "Herald", "Sbarro bankruptcy second time creditors", 2),
                c("other-old", "s4", "Post", "Sbarro bankruptcy second time creditors", 24 * 8));
        assertThat(RelatedCoverage.rank(article, pool, NOW, 5)).extracting(Related::id)
                .containsExactly("other-similar", "own-similar");
    }
}
