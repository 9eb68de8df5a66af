package org.tidings.server.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tidings.story.RelatedCoverage.Candidate;

/** The related block's candidates from the index: recent, outside the article's story and hidden sources, in its language. */
class SimilarArticlesTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final Instant WEEK_AGO = NOW.minus(Duration.ofDays(7));
    private static SearchIndex index;
    private static SimilarArticles similar;

    @BeforeAll
    static void index() throws IOException {
        index = SearchIndex.inMemory();
        for (IndexedArticle a : List.of(
                article(1, 10, "Ferry operator cancels island crossings as storm hits", "Crossings to the island were cancelled.", "en", 1L, 2),
                article(2, 11, "Storm strands island travellers as ferries stop", "Travellers were stranded on the island.", "en", 1L, 1),
                article(3, 12, "Island ferry crossings to resume after the storm", "The operator said crossings resume on Wednesday.", "en", 3L, 30),
                article(4, 13, "Ferry operator warns of more island crossings cancelled", "More crossings may be cancelled.", "en", 4L, 40),
                article(5, 12, "Ferry operator cancelled island crossings last month", "An old report.", "en", 5L, 24 * 30),
                article(6, 12, "Bakery wins a prize for its bread", "The village bakery won.", "en", 6L, 3),
                article(7, 14, "Traversées vers l'île annulées par la tempête", "Le ferry ne part plus.", "fr", 7L, 5))) {
            index.put(a);
        }
        index.commit(NOW);
        index.refresh();
        similar = new SimilarArticles(index);
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    private static IndexedArticle article(long id, long source, String title, String text, String lang, Long story, int hoursAgo) {
        return new IndexedArticle(id, source, "Publisher " + source, title, text, text, lang, "world", Set.of(), List.of(),
                NOW.minus(Duration.ofHours(hoursAgo)), story);
    }

    private static List<String> ids(Candidate article, String lang, Set<Long> hidden) {
        return similar.recentLike(article, lang, WEEK_AGO, hidden, 50, 600).stream().map(Candidate::id).toList();
    }

    @Test
    void recentArticlesOfOtherStoriesThatShareTheArticlesWords() {
        Candidate cancelled = new Candidate("1", "1", "10", "Ferry operator cancels island crossings as storm hits",
                "Crossings to the island were cancelled.", NOW, null);
        List<String> found = ids(cancelled, null, Set.of());
        assertThat(found).as("its own story and itself are left out, and so is last month").doesNotContain("1", "2", "5")
                .contains("3", "4");
        assertThat(found.indexOf("6")).as("a common word alone ranks below (the ranking leaves it out)")
                .isIn(-1, found.size() - 1);
        assertThat(ids(cancelled, null, Set.of(13L))).as("hidden sources are left out").contains("3").doesNotContain("4");
    }

    @Test
    void eachCandidateComesWithWhatTheRankingReads() {
        Candidate resume = similar.recentLike(new Candidate("1", "1", "10", "Ferry operator cancels island crossings", null, NOW, null),
                null, WEEK_AGO, Set.of(), 50, 12).stream().filter(c -> c.id().equals("3")).findFirst().orElseThrow();
        assertThat(resume).isEqualTo(new Candidate("3", "3", "12", "Island ferry crossings to resume after the storm", "The operator",
                NOW.minus(Duration.ofHours(30)), null));
    }

    @Test
    void anArticleNotInTheIndexIsComparedInTheLanguageItGives() {
        Candidate copy = new Candidate("99", null, "20", "Ferry crossings to the island cancelled as storm hits", "", NOW, null);
        assertThat(ids(copy, "en", Set.of())).contains("1", "2", "3", "4").doesNotContain("7");
        assertThat(ids(copy, "de", Set.of())).as("no German article to compare with").isEmpty();
        assertThat(ids(new Candidate("98", null, "20", "île tempête ferry", null, NOW, null), "fr", Set.of())).containsExactly("7");
        assertThat(ids(new Candidate("97", null, "20", null, null, NOW, null), "en", Set.of())).isEmpty();
    }
}
