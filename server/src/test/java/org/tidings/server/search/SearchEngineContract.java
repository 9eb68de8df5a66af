package org.tidings.server.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tidings.server.search.SearchRequest.Sort;
import org.tidings.server.testing.Fixtures;
import org.tidings.story.RelatedCoverage.Candidate;

/**
 * What readers get from search whichever engine answers: the embedded Lucene index ({@code EmbeddedSearchContractTest})
 * and an OpenSearch node ({@code ClusterSearchContractTest}) run the same cases on the same articles, real headlines and
 * a few Arabic reports, written through {@link ArticleIndex} as the indexer writes them.
 */
public abstract class SearchEngineContract {

    protected static final Instant NOW = Instant.parse("2014-03-12T00:00:00Z");
    private static final List<Headlines.Headline> HEADLINES = Headlines.load();

    /** The engine under test, over an index that {@link #fill} has filled. */
    protected abstract SearchEngine engine();

    /** Every article of the contract, written and committed as the indexer does. */
    protected static void fill(ArticleIndex index) throws IOException {
        List<IndexedArticle> all = new ArrayList<>(Headlines.asArticles(HEADLINES));
        all.addAll(arabic());
        all.addAll(ferries());
        all.addAll(volcanoes());
        all.addAll(lighthouses());
        index.put(all);
        index.commit(NOW);
        index.refresh();
    }

    /** Short reports written for this test in Modern Standard Arabic. */
    private static List<IndexedArticle> arabic() {
        Instant t = Instant.parse("2014-03-11T09:00:00Z");
        return List.of(
                new IndexedArticle(9001, 900, "صحيفة الخليج", "الحكومة تعلن نتائج الانتخابات البرلمانية",
                        "أعلنت اللجنة العليا للانتخابات صباح اليوم النتائج النهائية للانتخابات البرلمانية بعد فرز الأصوات في جميع الدوائر.", "",
                        "ar", "politics", Set.of("gulf"), List.of(), t, null),
                new IndexedArticle(9002, 900, "صحيفة الخليج", "ارتفاع أسعار النفط في الأسواق العالمية",
                        "ارتفعت أسعار النفط الخام اليوم مع تراجع المخزونات الأمريكية وتزايد الطلب في آسيا.", "",
                        "ar", "business", Set.of("gulf"), List.of(), t.plusSeconds(60), null));
    }

    /** For the related block: a story of ferries, two other reports of it, an unrelated one and a French one. */
    private static List<IndexedArticle> ferries() {
        return List.of(
                ferry(8001, 80, "Ferry operator cancels island crossings as storm hits", "Crossings to the island were cancelled.", "en", 1L, 2),
                ferry(8002, 81, "Storm strands island travellers as ferries stop", "Travellers were stranded on the island.", "en", 1L, 1),
                ferry(8003, 82, "Island ferry crossings to resume after the storm", "The operator said crossings resume on Wednesday.", "en", 3L, 30),
                ferry(8004, 83, "Ferry operator warns of more island crossings cancelled", "More crossings may be cancelled.", "en", 4L, 40),
                ferry(8005, 82, "Bakery wins a prize for its bread", "The village bakery won.", "en", 6L, 3),
                ferry(8006, 84, "Traversées vers l'île annulées par la tempête", "Le ferry ne part plus.", "fr", 7L, 5));
    }

    private static IndexedArticle ferry(long id, long source, String title, String text, String lang, Long story, int hoursAgo) {
        return new IndexedArticle(id, source, "Publisher " + source, title, text, text, lang, "world", Set.of(), List.of(),
                NOW.minus(Duration.ofHours(hoursAgo)), story);
    }

    /** The same report at three ages: freshness decides between equal matches. */
    private static List<IndexedArticle> volcanoes() {
        return List.of(
                new IndexedArticle(7001, 70, "A", "Volcano erupts near the coast", null, "", "en", null, Set.of(), List.of(), NOW.minusSeconds(86_400 * 30), null),
                new IndexedArticle(7002, 70, "A", "Volcano erupts near the coast", null, "", "en", null, Set.of(), List.of(), NOW.minusSeconds(3_600), null),
                new IndexedArticle(7003, 70, "A", "Volcano erupts near the coast", null, "", "en", null, Set.of(), List.of(), NOW.minusSeconds(86_400 * 3), null));
    }

    /** A reader's private feed: kept out of the edition until published, its articles indexed like any other. */
    protected static final long PRIVATE_FEED = 950;

    /** Two reports of the private feed and one of a published source, sharing their words. */
    private static List<IndexedArticle> lighthouses() {
        return List.of(
                lighthouse(9501, PRIVATE_FEED, "Lighthouse keeper logs the coldest winter", "The keeper of the headland lighthouse logged the coldest winter in forty years.", 96L, 4),
                lighthouse(9502, PRIVATE_FEED, "Lighthouse lamp restored by volunteers", "Volunteers restored the lighthouse lamp over the winter.", 97L, 6),
                lighthouse(9511, 951, "Lighthouse open day draws visitors to the headland", "Visitors climbed the lighthouse stairs on the headland.", 98L, 2));
    }

    private static IndexedArticle lighthouse(long id, long source, String title, String text, Long story, int hoursAgo) {
        return new IndexedArticle(id, source, "Coast " + source, title, text, text, "en", "world", Set.of(), List.of(),
                NOW.minus(Duration.ofHours(hoursAgo)), story);
    }

    private SearchResults run(String query) {
        return engine().search(Fixtures.search(query), List.of());
    }

    private static List<String> titles(SearchResults results) {
        return results.hits().stream().map(h -> h.title().plainText()).toList();
    }

    /**
     * Whether the engine has a stemmer for each language: the embedded index always; a cluster when it has OpenSearch's
     * language analyzers (every distribution but the test one, which lacks the analysis-common module).
     */
    protected abstract boolean stems();

    @Test
    void everyWordIsRequired() {
        SearchResults results = run("apple carplay");
        assertThat(results.problem()).isNull();
        assertThat(results.hits()).isNotEmpty();
        for (String title : titles(results)) assertThat(title.toLowerCase(Locale.ROOT)).contains("apple").contains("carplay");
        assertThat(results.total()).isLessThan(run("apple").total());
    }

    @Test
    void wordsAreStemmedInTheirLanguage() {
        assertThat(stems()).as("the engine has its languages' stemmers (on OpenSearch, the analysis-common module)").isTrue();
        SearchResults results = run("apple updates");
        assertThat(results.hits()).isNotEmpty();
        for (String title : titles(results)) assertThat(title.toLowerCase(Locale.ROOT)).contains("apple").contains("update");
        for (String query : List.of("الانتخابات", "انتخابات", "للانتخابات")) {
            assertThat(run(query).hits()).as(query).extracting(SearchResults.Hit::id).containsExactly(9001L);
        }
    }

    @Test
    void aPhraseMatchesOnlyItsWordsInOrder() {
        SearchResults phrase = run("\"chiquita fyffes\"");
        assertThat(phrase.hits()).isNotEmpty();
        for (String title : titles(phrase)) {
            assertThat(title.toLowerCase(Locale.ROOT).replaceAll("\\W+", " ")).contains("chiquita fyffes");
        }
        assertThat(phrase.total()).isLessThan(run("chiquita fyffes").total());
    }

    @Test
    void aPrefixMatchesTheWordsThatStartWithItAndTheyAreMarked() {
        SearchResults results = run("carpl*");
        assertThat(results.hits()).isNotEmpty();
        for (String title : titles(results)) assertThat(title).containsIgnoringCase("carplay");
        assertThat(results.hits().getFirst().title().parts()).anyMatch(p -> p.match() && p.text().equalsIgnoreCase("carplay"));
    }

    @Test
    void theMatchingWordsAreMarkedInTheWholeHeadline() {
        SearchResults results = run("obama");
        assertThat(results.hits()).isNotEmpty();
        for (SearchResults.Hit hit : results.hits()) {
            assertThat(hit.title().parts()).filteredOn(Snippet.Part::match).extracting(p -> p.text().toLowerCase(Locale.ROOT))
                    .containsOnly("obama");
            assertThat(HEADLINES).anyMatch(h -> h.id() == hit.id() && h.title().equals(hit.title().plainText()));
        }
    }

    @Test
    void filtersNarrowBySectionPublisherRegionLanguageAndDays() {
        long all = run("apple").total();
        SearchResults tech = engine().search(new SearchRequest("apple", Sort.RELEVANCE, null, "technology", null, null, null, null, 1), List.of());
        assertThat(tech.total()).isPositive().isLessThanOrEqualTo(all);
        assertThat(tech.hits()).allMatch(h -> h.section().equals("technology"));

        long reuters = Headlines.sourceIds(HEADLINES).get("Reuters");
        SearchResults byReuters = engine().search(new SearchRequest("the OR a OR to OR of OR in", Sort.RELEVANCE, reuters, null, null, null, null, null, 1), List.of());
        assertThat(byReuters.hits()).isNotEmpty().allMatch(h -> h.publisher().equals("Reuters"));

        SearchResults arabicOnly = engine().search(new SearchRequest("النفط OR apple", Sort.RELEVANCE, null, null, "ar", null, null, null, 1), List.of());
        assertThat(arabicOnly.hits()).extracting(SearchResults.Hit::id).containsExactly(9002L);
        SearchResults gulf = engine().search(new SearchRequest("النفط OR apple", Sort.RELEVANCE, null, null, null, "GULF", null, null, 1), List.of());
        assertThat(gulf.hits()).extracting(SearchResults.Hit::id).containsExactly(9002L);

        LocalDate day = LocalDate.of(2014, 3, 11);
        SearchResults onTheEleventh = engine().search(new SearchRequest("apple", Sort.RELEVANCE, null, null, null, null, day, day, 1), List.of());
        assertThat(onTheEleventh.hits()).isNotEmpty().allMatch(h -> h.publishedAt().atZone(ZoneOffset.UTC).toLocalDate().equals(day));
        assertThat(engine().search(new SearchRequest("apple", Sort.RELEVANCE, null, null, null, null, day.plusDays(1), null, 1), List.of())
                .total()).isZero();
    }

    @Test
    void theFiltersValuesComeFromTheIndex() {
        assertThat(engine().values(ArticleSearch.Filter.SECTION, List.of())).contains("technology", "politics", "business", "world");
        assertThat(engine().values(ArticleSearch.Filter.LANGUAGE, List.of())).containsExactlyInAnyOrder("en", "ar", "fr");
        assertThat(engine().values(ArticleSearch.Filter.REGION, List.of())).contains("gulf", "uk", "us");
    }

    @Test
    void aHiddenSourceAddsNoValueToTheFilters() {
        List<Long> gulfPaper = List.of(900L);
        assertThat(engine().values(ArticleSearch.Filter.LANGUAGE, gulfPaper)).as("its articles are the only Arabic ones")
                .containsExactlyInAnyOrder("en", "fr");
        assertThat(engine().values(ArticleSearch.Filter.REGION, gulfPaper)).doesNotContain("gulf").contains("uk", "us");
        assertThat(engine().values(ArticleSearch.Filter.SECTION, gulfPaper)).as("others publish business, none politics")
                .contains("business").doesNotContain("politics");
        List<Long> many = new java.util.ArrayList<>(gulfPaper);
        for (long id = 1_000_000; many.size() < 100_000; id++) many.add(id);
        assertThat(engine().values(ArticleSearch.Filter.LANGUAGE, many)).as("with 100,000 sources hidden")
                .containsExactlyInAnyOrder("en", "fr");
    }

    @Test
    void mutedSourcesAreLeftOut() {
        long reuters = Headlines.sourceIds(HEADLINES).get("Reuters");
        SearchResults results = engine().search(Fixtures.search("the OR a OR to OR of OR in"), List.of(reuters));
        assertThat(results.total()).isPositive();
        assertThat(results.hits()).noneMatch(h -> h.publisher().equals("Reuters"));
    }

    @Test
    void newestFirstOrdersByPublicationTime() {
        List<Instant> times = engine().search(Fixtures.search("apple").withSort(Sort.NEWEST), List.of()).hits().stream()
                .map(SearchResults.Hit::publishedAt).toList();
        assertThat(times).hasSizeGreaterThan(5);
        List<Instant> sorted = new ArrayList<>(times);
        sorted.sort(Comparator.reverseOrder());
        assertThat(times).isEqualTo(sorted);
    }

    @Test
    void betweenEqualMatchesTheFresherReportRanksFirst() {
        assertThat(run("volcano").hits()).extracting(SearchResults.Hit::id).containsExactly(7002L, 7003L, 7001L);
    }

    @Test
    void pagesFollowEachOtherWithoutRepeats() {
        SearchResults first = run("the OR a OR to OR of");
        assertThat(first.total()).isGreaterThan(ArticleSearch.PAGE_SIZE);
        assertThat(first.exact()).isTrue();
        assertThat(first.hasNext()).isTrue();
        SearchResults second = engine().search(Fixtures.search("the OR a OR to OR of").withPage(2), List.of());
        assertThat(second.hits()).isNotEmpty().extracting(SearchResults.Hit::id)
                .doesNotContainAnyElementsOf(first.hits().stream().map(SearchResults.Hit::id).toList());
    }

    @Test
    void anArabicReportIsFoundAndItsPassageMarked() {
        SearchResults results = run("الانتخابات البرلمانية");
        assertThat(results.hits()).extracting(SearchResults.Hit::id).containsExactly(9001L);
        SearchResults.Hit hit = results.hits().getFirst();
        assertThat(hit.passage().parts()).anyMatch(Snippet.Part::match);
        assertThat(hit.passage().plainText()).contains("فرز الأصوات");
        assertThat(hit.title().parts()).anyMatch(p -> p.match() && p.text().equals("الانتخابات"));
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

    @Test
    void unreadableQueriesGetAReasonNotAnError() {
        assertThat(run("").problem().key()).isEqualTo("search.problem.empty");
        assertThat(run("\"apple tv").problem().key()).isEqualTo("search.problem.malformed");
        assertThat(run("a*").problem().key()).isEqualTo("search.problem.shortPrefix");
        assertThat(run("x".repeat(QueryReader.MAX_CHARS + 1)).problem().key()).isEqualTo("search.problem.tooLong");
        assertThat(run("apple").problem()).isNull();
    }

    @Test
    void relatedCandidatesAreRecentReportsOfOtherStoriesSharingTheWords() {
        Candidate cancelled = new Candidate("8001", "1", "80", "Ferry operator cancels island crossings as storm hits",
                "Crossings to the island were cancelled.", NOW, null);
        List<String> found = engine().recentLike(cancelled, null, NOW.minus(Duration.ofDays(7)), Set.of(), 50, 600).stream()
                .map(Candidate::id).toList();
        assertThat(found).as("itself and its own story are left out").doesNotContain("8001", "8002")
                .as("another language").doesNotContain("8006");
        assertThat(found.subList(0, 2)).as("other stories sharing its words first").containsExactlyInAnyOrder("8003", "8004");
        assertThat(engine().recentLike(cancelled, null, NOW.minus(Duration.ofDays(7)), Set.of(83L), 50, 600))
                .extracting(Candidate::id).as("a muted source").doesNotContain("8004");
        assertThat(engine().recentLike(cancelled, null, NOW.minus(Duration.ofDays(7)), Set.of(), 50, 10))
                .allMatch(c -> c.text() == null || c.text().length() <= 10);
    }

    /**
     * A private feed's articles are in the index; whoever may not see them (anyone but its subscribers) gets a search
     * told to hide its source, and then no page, order, total or publisher filter shows them.
     */
    @Test
    void aPrivateFeedIsFoundOnlyBySearchesNotToldToHideIt() {
        List<Long> hidden = List.of(PRIVATE_FEED);
        SearchResults others = engine().search(Fixtures.search("lighthouse"), hidden);
        assertThat(others.hits()).extracting(SearchResults.Hit::id).containsExactly(9511L);
        assertThat(others.total()).as("nor counted").isEqualTo(1);
        assertThat(engine().search(Fixtures.search("lighthouse").withSort(Sort.NEWEST), hidden).hits())
                .extracting(SearchResults.Hit::id).containsExactly(9511L);
        SearchRequest ofTheFeed = new SearchRequest("lighthouse OR winter", Sort.RELEVANCE, PRIVATE_FEED, null, null, null, null, null, 1);
        assertThat(engine().search(ofTheFeed, hidden).total()).as("asked for by its publisher filter").isZero();
        assertThat(engine().search(ofTheFeed.withPage(2), hidden).hits()).isEmpty();

        SearchResults subscriber = engine().search(Fixtures.search("lighthouse"), List.of());
        assertThat(subscriber.hits()).extracting(SearchResults.Hit::id).containsExactlyInAnyOrder(9501L, 9502L, 9511L);
        assertThat(subscriber.hits()).filteredOn(h -> h.id() == 9501L).singleElement().satisfies(h -> {
            assertThat(h.sourceId()).isEqualTo(PRIVATE_FEED);
            assertThat(h.title().parts()).anyMatch(p -> p.match() && p.text().equalsIgnoreCase("lighthouse"));
        });
        assertThat(engine().search(Fixtures.search("lighthouse").withSort(Sort.NEWEST), List.of()).hits())
                .extracting(SearchResults.Hit::id).containsExactly(9511L, 9501L, 9502L);
        assertThat(engine().search(ofTheFeed, List.of()).hits()).extracting(SearchResults.Hit::id).containsExactlyInAnyOrder(9501L, 9502L);
    }

    /** An instance whose readers added 100,000 private feeds: a search hides them all and still answers. */
    @Test
    void aSearchHidesAHundredThousandPrivateFeeds() {
        List<Long> hidden = new java.util.ArrayList<>(java.util.stream.LongStream.range(1_000_000, 1_100_000).boxed().toList());
        hidden.add(PRIVATE_FEED);
        assertThat(engine().search(Fixtures.search("lighthouse"), hidden).hits()).extracting(SearchResults.Hit::id).containsExactly(9511L);
        Candidate openDay = new Candidate("9511", "98", "951", "Lighthouse open day draws visitors to the headland",
                "Visitors climbed the lighthouse stairs on the headland.", NOW, null);
        assertThat(engine().recentLike(openDay, null, NOW.minus(Duration.ofDays(7)), Set.copyOf(hidden), 50, 600))
                .extracting(Candidate::id).isNotEmpty().doesNotContain("9501", "9502");
    }

    @Test
    void relatedCandidatesLeaveOutAPrivateFeedTheyAreToldToHide() {
        Candidate openDay = new Candidate("9511", "98", "951", "Lighthouse open day draws visitors to the headland",
                "Visitors climbed the lighthouse stairs on the headland.", NOW, null);
        Instant since = NOW.minus(Duration.ofDays(7));
        assertThat(engine().recentLike(openDay, null, since, Set.of(PRIVATE_FEED), 50, 600)).extracting(Candidate::id)
                .isNotEmpty().doesNotContain("9501", "9502");
        assertThat(engine().recentLike(openDay, null, since, Set.of(), 50, 600)).extracting(Candidate::id)
                .as("they are in the index: only the filter keeps them out").containsAnyOf("9501", "9502");
    }
}
