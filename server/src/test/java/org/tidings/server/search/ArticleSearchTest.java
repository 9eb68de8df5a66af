package org.tidings.server.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tidings.server.search.SearchRequest.Sort;
import org.tidings.server.testing.Fixtures;

/** Queries on an index of real headlines (and a few Arabic reports): words, phrases, prefixes, filters, order, passages. */
class ArticleSearchTest {

    private static final Instant NOW = Instant.parse("2014-03-12T00:00:00Z");
    private static SearchIndex index;
    private static ArticleSearch search;
    private static List<Headlines.Headline> headlines;

    @BeforeAll
    static void indexHeadlines() throws IOException {
        headlines = Headlines.load();
        index = SearchIndex.inMemory();
        for (IndexedArticle a : Headlines.asArticles(headlines)) index.put(a);
        for (IndexedArticle a : arabic()) index.put(a);
        index.commit(NOW);
        index.refresh();
        search = new ArticleSearch(index, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    /** Short reports written for this test in Modern Standard Arabic. */
    static List<IndexedArticle> arabic() {
        Instant t = Instant.parse("2014-03-11T09:00:00Z");
        return List.of(
                new IndexedArticle(9001, 900, "صحيفة الخليج", "الحكومة تعلن نتائج الانتخابات البرلمانية",
                        "أعلنت اللجنة العليا للانتخابات صباح اليوم النتائج النهائية للانتخابات البرلمانية بعد فرز الأصوات في جميع الدوائر.", "",
                        "ar", "politics", Set.of("gulf"), List.of(), t, null),
                new IndexedArticle(9002, 900, "صحيفة الخليج", "ارتفاع أسعار النفط في الأسواق العالمية",
                        "ارتفعت أسعار النفط الخام اليوم مع تراجع المخزونات الأمريكية وتزايد الطلب في آسيا.", "",
                        "ar", "business", Set.of("gulf"), List.of(), t.plusSeconds(60), null));
    }

    private static SearchResults run(String query) {
        return search.search(Fixtures.search(query), List.of());
    }

    private static List<String> titles(SearchResults results) {
        return results.hits().stream().map(h -> h.title().plainText()).toList();
    }

    @Test
    void everyWordIsRequiredAndWordsAreStemmed() {
        SearchResults results = run("apple updates");
        assertThat(results.problem()).isNull();
        assertThat(results.hits()).isNotEmpty();
        for (String title : titles(results)) {
            assertThat(title.toLowerCase(Locale.ROOT)).contains("apple").contains("update");
        }
    }

    @Test
    void aPhraseMatchesOnlyItsWordsInOrder() {
        SearchResults phrase = run("\"chiquita fyffes\"");
        SearchResults words = run("chiquita fyffes");
        assertThat(phrase.hits()).isNotEmpty();
        for (String title : titles(phrase)) {
            assertThat(title.toLowerCase(Locale.ROOT).replaceAll("\\W+", " ")).contains("chiquita fyffes"); // punctuation between is no gap
        }
        assertThat(phrase.total()).isLessThan(words.total());
    }

    @Test
    void aPrefixMatchesTheWordsThatStartWithIt() {
        SearchResults results = run("carpl*");
        assertThat(results.hits()).isNotEmpty();
        for (String title : titles(results)) assertThat(title).containsIgnoringCase("carplay");
        assertThat(results.hits().getFirst().title().parts()).anyMatch(p -> p.match() && p.text().equalsIgnoreCase("carplay"));
    }

    @Test
    void theMatchingWordsAreMarkedInTheHeadline() {
        SearchResults results = run("obama");
        assertThat(results.hits()).isNotEmpty();
        for (SearchResults.Hit hit : results.hits()) {
            assertThat(hit.title().parts()).filteredOn(Snippet.Part::match).extracting(p -> p.text().toLowerCase(Locale.ROOT))
                    .containsOnly("obama");
            assertThat(hit.title().plainText()).isEqualTo(titleOf(hit.id()));
        }
    }

    @Test
    void filtersNarrowBySectionPublisherRegionLanguageAndDays() {
        SearchRequest apple = Fixtures.search("apple");
        long all = search.search(apple, List.of()).total();
        SearchResults tech = search.search(new SearchRequest("apple", Sort.RELEVANCE, null, "technology", null, null, null, null, 1), List.of());
        assertThat(tech.total()).isPositive().isLessThanOrEqualTo(all);
        assertThat(tech.hits()).allMatch(h -> h.section().equals("technology"));

        long reuters = Headlines.sourceIds(headlines).get("Reuters");
        SearchResults byReuters = search.search(new SearchRequest("the OR a OR to OR of OR in", Sort.RELEVANCE, reuters, null, null, null, null, null, 1), List.of());
        assertThat(byReuters.hits()).isNotEmpty().allMatch(h -> h.publisher().equals("Reuters"));

        SearchResults arabicOnly = search.search(new SearchRequest("النفط OR apple", Sort.RELEVANCE, null, null, "ar", null, null, null, 1), List.of());
        assertThat(arabicOnly.hits()).extracting(SearchResults.Hit::id).containsExactly(9002L);
        SearchResults gulf = search.search(new SearchRequest("النفط OR apple", Sort.RELEVANCE, null, null, null, "GULF", null, null, 1), List.of());
        assertThat(gulf.hits()).extracting(SearchResults.Hit::id).containsExactly(9002L);

        LocalDate day = LocalDate.of(2014, 3, 11);
        SearchResults onTheEleventh = search.search(new SearchRequest("apple", Sort.RELEVANCE, null, null, null, null, day, day, 1), List.of());
        assertThat(onTheEleventh.hits()).isNotEmpty()
                .allMatch(h -> h.publishedAt().atZone(ZoneOffset.UTC).toLocalDate().equals(day));
        SearchResults onTheTwelfth = search.search(new SearchRequest("apple", Sort.RELEVANCE, null, null, null, null, day.plusDays(1), null, 1), List.of());
        assertThat(onTheTwelfth.total()).isZero(); // every Apple headline of the sample is of the 11th
    }

    @Test
    void hiddenSourcesAreLeftOut() {
        long reuters = Headlines.sourceIds(headlines).get("Reuters");
        SearchResults results = search.search(Fixtures.search("the OR a OR to OR of OR in"), List.of(reuters));
        assertThat(results.total()).isPositive();
        assertThat(results.hits()).noneMatch(h -> h.publisher().equals("Reuters"));
    }

    @Test
    void newestFirstOrdersByPublicationTime() {
        SearchResults results = search.search(Fixtures.search("apple").withSort(Sort.NEWEST), List.of());
        List<Instant> times = results.hits().stream().map(SearchResults.Hit::publishedAt).toList();
        assertThat(times).hasSizeGreaterThan(5);
        List<Instant> sorted = new ArrayList<>(times);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertThat(times).isEqualTo(sorted);
    }

    @Test
    void betweenEqualMatchesTheFresherReportRanksFirst() throws IOException {
        try (SearchIndex own = SearchIndex.inMemory()) {
            own.put(new IndexedArticle(1, 1, "A", "Volcano erupts near the coast", null, "", "en", null, Set.of(), List.of(), NOW.minusSeconds(86_400 * 30), null));
            own.put(new IndexedArticle(2, 1, "A", "Volcano erupts near the coast", null, "", "en", null, Set.of(), List.of(), NOW.minusSeconds(3_600), null));
            own.put(new IndexedArticle(3, 1, "A", "Volcano erupts near the coast", null, "", "en", null, Set.of(), List.of(), NOW.minusSeconds(86_400 * 3), null));
            own.refresh();
            SearchResults results = new ArticleSearch(own, Clock.fixed(NOW, ZoneOffset.UTC)).search(Fixtures.search("volcano"), List.of());
            assertThat(results.hits()).extracting(SearchResults.Hit::id).containsExactly(2L, 3L, 1L);
        }
    }

    @Test
    void pagesFollowEachOtherWithoutRepeats() {
        SearchResults first = run("the OR a OR to OR of");
        assertThat(first.total()).isGreaterThan(ArticleSearch.PAGE_SIZE);
        assertThat(first.exact()).isTrue();
        assertThat(first.hasNext()).isTrue();
        SearchResults second = search.search(Fixtures.search("the OR a OR to OR of").withPage(2), List.of());
        assertThat(second.hits()).isNotEmpty();
        assertThat(second.hits()).extracting(SearchResults.Hit::id)
                .doesNotContainAnyElementsOf(first.hits().stream().map(SearchResults.Hit::id).toList());
    }

    @Test
    void anArabicQueryFindsArabicTextWhateverTheWordForm() {
        for (String query : List.of("الانتخابات", "انتخابات", "للانتخابات")) {
            SearchResults results = run(query);
            assertThat(results.hits()).as(query).extracting(SearchResults.Hit::id).containsExactly(9001L);
        }
        SearchResults results = run("الانتخابات البرلمانية");
        SearchResults.Hit hit = results.hits().getFirst();
        assertThat(hit.passage().parts()).anyMatch(Snippet.Part::match);
        assertThat(hit.passage().plainText()).contains("فرز الأصوات");
        assertThat(hit.title().parts()).anyMatch(p -> p.match() && p.text().equals("الانتخابات"));
    }

    @Test
    void unreadableQueriesGetAReasonNotAnError() {
        assertThat(run("").problem().key()).isEqualTo("search.problem.empty");
        assertThat(run("   ").problem().key()).isEqualTo("search.problem.empty");
        assertThat(run("\"apple tv").problem().key()).isEqualTo("search.problem.malformed");
        assertThat(run("(apple OR").problem().key()).isEqualTo("search.problem.malformed");
        assertThat(run("apple AND").problem().key()).isEqualTo("search.problem.malformed");
        assertThat(run("*pple").problem().key()).isIn("search.problem.malformed", "search.problem.shortPrefix");
        assertThat(run("a*").problem().key()).isEqualTo("search.problem.shortPrefix");
        assertThat(run("x".repeat(QueryReader.MAX_CHARS + 1)).problem().key()).isEqualTo("search.problem.tooLong");
        assertThat(run("!!! ???").problem().key()).isEqualTo("search.problem.malformed");
        assertThat(run("apple").problem()).isNull();
    }

    @Test
    void aWildcardWordTooLongOrWithTooManyWildcardsIsRefusedBeforeItCostsASecond() {
        // found by fuzzing: reading these built an automaton for every field, 60-130 MiB and a second before any search
        assertThat(run("ab*c*d*e*f*g*h*i*j*k*l*m*n*o*p*q*r*s*t*u*v*w*x*y*z*").problem().key()).isEqualTo("search.problem.tooBroad");
        assertThat(run("||*ab" + "|".repeat(136)).problem().key()).isEqualTo("search.problem.tooBroad");
        assertThat(run("\u0000s*" + "\uFFFD".repeat(22) + "w*s*").problem().key()).isEqualTo("search.problem.tooBroad");
        assertThat(run("wea*er*").problem()).isNull();
    }

    @Test
    void aRegularExpressionIsNotRead() {
        // found by fuzzing: "/(/" threw IllegalArgumentException out of the query reader, a server error for the reader
        assertThat(run("/(/").problem().key()).isEqualTo("search.problem.malformed");
        assertThat(run("/appl.*/").problem().key()).isEqualTo("search.problem.malformed");
    }

    private static String titleOf(long id) {
        return headlines.stream().filter(h -> h.id() == id).findFirst().orElseThrow().title();
    }
}
