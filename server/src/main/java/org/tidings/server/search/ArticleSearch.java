package org.tidings.server.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.tidings.server.i18n.Message;

/** A reader's search: one page of hits with their headline and best passages highlighted. */
public record ArticleSearch(SearchIndex index, Clock clock) {

    /** Results per page: a screenful of headlines with their passages. */
    public static final int PAGE_SIZE = 20;
    /** Deeper pages are not offered: a reader refines the query instead (and deep pages cost the most). */
    public static final int MAX_PAGE = 50;
    /** Matches counted exactly; beyond, "more than" (counting every match of a common word costs more than the page). */
    public static final int COUNT_EXACTLY_UP_TO = 10_000;
    public static final int PASSAGES = 2;
    /** Length of a passage, in characters (the highlighter extends it to whole words). */
    public static final int PASSAGE_CHARS = 160;
    /** Where the first match sits in its passage: a little before the middle, so the words after it show. */
    private static final float PASSAGE_CENTER = 0.4f;

    /** For an article stored without a headline (the highlighter has nothing to return). */
    private static final Snippet NO_TITLE = new Snippet(List.of());

    /** The search page's filters whose values come from the index. */
    public enum Filter {
        SECTION(SearchFields.SECTION), LANGUAGE(SearchFields.LANG), REGION(SearchFields.REGION);

        private final String field;

        Filter(String field) {
            this.field = field;
        }

        /** The field the filter's values are in. */
        public String field() {
            return field;
        }
    }

    /**
     * Searches, leaving out the articles of {@code hiddenSources}: disabled publishers, and the private feeds the reader
     * does not subscribe to (the index holds every article; who may see which is the caller's to say, at each search).
     */
    public SearchResults search(SearchRequest request, Collection<Long> hiddenSources) {
        Query words;
        try {
            words = new QueryReader(index.analyzer()).read(request.query());
        } catch (QueryReader.Problem problem) {
            return SearchResults.problem(request, problem.message);
        }
        int page = Math.min(request.page(), MAX_PAGE);
        int wanted = page * PAGE_SIZE;
        try {
            return index.read(searcher -> {
                boolean newest = request.sort() == SearchRequest.Sort.NEWEST;
                CollectorManager<?, ? extends TopDocs> collector = newest
                        ? new TopFieldCollectorManager(SearchFields.NEWEST_FIRST, wanted, COUNT_EXACTLY_UP_TO)
                        : new TopScoreDocCollectorManager(Math.max(wanted, Recency.CANDIDATES), COUNT_EXACTLY_UP_TO);
                TopDocs top = searcher.search(filtered(words, request, hiddenSources), collector);
                ScoreDoc[] ranked = newest ? top.scoreDocs : Recency.reorder(searcher, top.scoreDocs, clock.millis());
                ScoreDoc[] pageDocs = Arrays.copyOfRange(ranked, Math.min(ranked.length, (page - 1) * PAGE_SIZE),
                        Math.min(ranked.length, wanted));
                return new SearchResults(request.withPage(page), hits(searcher, words, pageDocs), top.totalHits.value(),
                        top.totalHits.relation() == TotalHits.Relation.EQUAL_TO, PAGE_SIZE, null);
            });
        } catch (IndexSearcher.TooManyClauses e) {
            return SearchResults.problem(request, Message.of("search.problem.tooBroad"));
        } catch (IOException e) {
            throw new UncheckedIOException("search failed", e);
        }
    }

    /** The values {@code filter} has in the articles not of {@code hiddenSources}, in no order. */
    public List<String> values(Filter filter, Collection<Long> hiddenSources) {
        try {
            return List.copyOf(index.values(filter.field, hiddenSources.isEmpty() ? null : SearchFields.sources(hiddenSources)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Query filtered(Query words, SearchRequest request, Collection<Long> hiddenSources) {
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(words, Occur.MUST);
        if (request.source() != null) query.add(new TermQuery(new Term(SearchFields.SOURCE, request.source().toString())), Occur.FILTER);
        keyword(query, SearchFields.SECTION, request.section());
        keyword(query, SearchFields.LANG, request.lang());
        keyword(query, SearchFields.REGION, request.region());
        if (request.from() != null || request.to() != null) {
            long from = request.from() == null ? Long.MIN_VALUE : request.from().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            long to = request.to() == null ? Long.MAX_VALUE : request.to().atTime(LocalTime.MAX).toInstant(ZoneOffset.UTC).toEpochMilli();
            query.add(LongPoint.newRangeQuery(SearchFields.PUBLISHED, from, to), Occur.FILTER);
        }
        if (!hiddenSources.isEmpty()) query.add(SearchFields.sources(hiddenSources), Occur.MUST_NOT);
        return query.build();
    }

    private static void keyword(BooleanQuery.Builder query, String field, String value) {
        if (value != null) query.add(new TermQuery(new Term(field, SearchFields.keyword(value))), Occur.FILTER);
    }

    private List<SearchResults.Hit> hits(IndexSearcher searcher, Query words, ScoreDoc[] docs) throws IOException {
        if (docs.length == 0) return List.of();
        int[] ids = Arrays.stream(docs).mapToInt(d -> d.doc).toArray();
        StoredFields stored = searcher.storedFields();
        Document[] found = new Document[docs.length];
        Set<String> languages = new LinkedHashSet<>();
        for (int i = 0; i < docs.length; i++) {
            found[i] = stored.document(ids[i], Set.of(SearchFields.ID, SearchFields.SOURCE, SearchFields.PUBLISHER,
                    SearchFields.PUBLISHED, SearchFields.STORY, SearchFields.LANG, SearchFields.SECTION));
            languages.add(Languages.suffix(found[i].get(SearchFields.LANG)));
        }
        // only the fields of the hits' languages: each field highlighted costs term lookups for every hit
        List<String> titleFields = languages.stream().map(SearchFields::title).toList();
        List<String> textFields = languages.stream().map(SearchFields::text).toList();
        String[] fields = Stream.concat(titleFields.stream(), textFields.stream()).toArray(String[]::new);
        int[] passages = IntStream.range(0, fields.length).map(i -> i < titleFields.size() ? 1 : PASSAGES).toArray();
        Map<String, Object[]> marked = highlighter(searcher).highlight(fields, words, ids, passages);
        List<SearchResults.Hit> hits = new ArrayList<>(docs.length);
        for (int i = 0; i < docs.length; i++) {
            Document doc = found[i];
            hits.add(new SearchResults.Hit(
                    Long.parseLong(doc.get(SearchFields.ID)),
                    Objects.requireNonNullElse(first(marked, titleFields, i), NO_TITLE),
                    first(marked, textFields, i),
                    Long.parseLong(doc.get(SearchFields.SOURCE)),
                    doc.get(SearchFields.PUBLISHER),
                    SearchFields.published(doc),
                    SearchFields.story(doc),
                    doc.get(SearchFields.LANG),
                    doc.get(SearchFields.SECTION)));
        }
        return hits;
    }

    /**
     * The highlighted value of whichever language field the document has. A headline with no match
     * comes back whole, unmarked (the highlighter's "no match" passage is the whole field).
     */
    private static Snippet first(Map<String, Object[]> marked, List<String> fields, int i) {
        for (String field : fields) {
            if (marked.get(field)[i] instanceof Snippet snippet) return snippet;
        }
        return null;
    }

    private Highlighter highlighter(IndexSearcher searcher) {
        return new Highlighter(UnifiedHighlighter.builder(searcher, index.analyzer())
                .withFormatter(new Snippet.Formatter())
                .withMaxLength(SearchFields.MAX_TEXT_CHARS)
                // passages of about PASSAGE_CHARS around the matches, cut between words (news sentences run long)
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getWordInstance(Locale.ROOT), PASSAGE_CHARS, PASSAGE_CENTER)));
    }

    private static final class Highlighter extends UnifiedHighlighter {
        Highlighter(Builder builder) {
            super(builder);
        }

        @Override
        protected OffsetSource getOptimizedOffsetSource(UHComponents components) {
            // a prefix* expands to many terms: finding them again in the 20 hits' text is cheaper than
            // looking each one up in the postings of every hit
            return components.automata().length > 0 ? OffsetSource.ANALYSIS : super.getOptimizedOffsetSource(components);
        }

        @Override
        protected BreakIterator getBreakIterator(String field) {
            // a headline is highlighted whole, never cut into passages
            return field.startsWith("title_") ? new WholeBreakIterator() : super.getBreakIterator(field);
        }

        Map<String, Object[]> highlight(String[] fields, Query query, int[] docIds, int[] maxPassages) throws IOException {
            return highlightFieldsAsObjects(fields, query, docIds, maxPassages);
        }
    }
}
