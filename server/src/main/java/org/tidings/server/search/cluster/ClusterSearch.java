package org.tidings.server.search.cluster;

import static org.tidings.server.search.cluster.Cluster.object;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.tidings.server.i18n.Message;
import org.tidings.server.search.ArticleSearch;
import org.tidings.server.search.Languages;
import org.tidings.server.search.QueryReader;
import org.tidings.server.search.Recency;
import org.tidings.server.search.SearchEngine;
import org.tidings.server.search.SearchFields;
import org.tidings.server.search.SearchRequest;
import org.tidings.server.search.SearchResults;
import org.tidings.server.search.Snippet;
import org.tidings.story.RelatedCoverage.Candidate;
import tools.jackson.databind.JsonNode;

/**
 * Searches on an OpenSearch cluster as the embedded index does: the reader's words in the same syntax, read first by
 * {@link QueryReader} (so the same queries are refused with the same sentences), over the same fields and weights, every
 * word required; the same filters; relevance with freshness as a factor on the best {@link Recency#CANDIDATES}, or
 * newest first; headlines and passages highlighted. While the cluster is away, a search says so, the filters have no
 * values and the related block is empty.
 */
public record ClusterSearch(Cluster cluster, String alias, Clock clock) implements SearchEngine {

    private static final int TERMS = 50_000;

    /** Around each match in the cluster's highlights: characters no article holds (Unicode private use). */
    static final String MARK = "\uE000", END = "\uE001";
    private static final int MAX_VALUES = 1000;

    @Override
    public SearchResults search(SearchRequest request, Collection<Long> hiddenSources) {
        Message problem = QueryReader.problemWith(request.query());
        if (problem != null) return SearchResults.problem(request, problem);
        int page = Math.min(request.page(), ArticleSearch.MAX_PAGE);
        int wanted = page * ArticleSearch.PAGE_SIZE;
        boolean newest = request.sort() == SearchRequest.Sort.NEWEST;
        Map<String, Object> body = object(
                "from", (page - 1) * ArticleSearch.PAGE_SIZE, "size", ArticleSearch.PAGE_SIZE,
                "track_total_hits", ArticleSearch.COUNT_EXACTLY_UP_TO,
                "_source", List.of(SearchFields.ID, SearchFields.SOURCE, SearchFields.PUBLISHER, SearchFields.PUBLISHED,
                        SearchFields.STORY, SearchFields.LANG, SearchFields.SECTION, "title_*"),
                "query", object("bool", object("must", List.of(words(request.query())), "filter", filters(request),
                        "must_not", hidden(hiddenSources))),
                "highlight", object("type", "unified", "pre_tags", List.of(MARK), "post_tags", List.of(END), "fields", object(
                        "title_*", object("number_of_fragments", 0),
                        "text_*", object("fragment_size", ArticleSearch.PASSAGE_CHARS, "number_of_fragments", ArticleSearch.PASSAGES,
                                "no_match_size", ArticleSearch.PASSAGE_CHARS))));
        if (newest) {
            body.put("sort", List.of(object(SearchFields.PUBLISHED, "desc")));
        } else {
            body.put("rescore", freshness(Math.max(wanted, Recency.CANDIDATES)));
        }
        JsonNode answer;
        try {
            answer = cluster.send("POST", "/" + alias + "/_search", body).body();
        } catch (IOException e) {
            return SearchResults.problem(request, Message.of("search.problem.unavailable"));
        }
        JsonNode total = answer.path("hits").path("total");
        List<SearchResults.Hit> hits = new ArrayList<>();
        for (JsonNode hit : answer.path("hits").path("hits")) hits.add(hit(hit));
        return new SearchResults(request.withPage(page), hits, total.path("value").asLong(), total.path("relation").asString("eq").equals("eq"),
                ArticleSearch.PAGE_SIZE, null);
    }

    /** Every word required in some field, with the embedded index's weights; the syntax is Lucene's classic one on both. */
    private static Map<String, Object> words(String query) {
        List<String> fields = QueryReader.fields().entrySet().stream().map(f -> f.getKey() + "^" + f.getValue()).toList();
        return object("query_string", object("query", query, "fields", fields, "default_operator", "AND",
                "allow_leading_wildcard", false, "auto_generate_synonyms_phrase_query", false));
    }

    private static List<Object> filters(SearchRequest request) {
        List<Object> filters = new ArrayList<>();
        if (request.source() != null) filters.add(term(SearchFields.SOURCE, request.source().toString()));
        if (request.section() != null) filters.add(term(SearchFields.SECTION, SearchFields.keyword(request.section())));
        if (request.lang() != null) filters.add(term(SearchFields.LANG, SearchFields.keyword(request.lang())));
        if (request.region() != null) filters.add(term(SearchFields.REGION, SearchFields.keyword(request.region())));
        if (request.from() != null || request.to() != null) {
            Map<String, Object> range = new java.util.LinkedHashMap<>();
            if (request.from() != null) range.put("gte", request.from().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
            if (request.to() != null) range.put("lte", request.to().atTime(LocalTime.MAX).toInstant(ZoneOffset.UTC).toEpochMilli());
            filters.add(object("range", object(SearchFields.PUBLISHED, range)));
        }
        return filters;
    }

    private static Map<String, Object> term(String field, String value) {
        return object("term", object(field, value));
    }

    /**
     * The sources to leave out, in {@code terms} clauses of at most {@value #TERMS} each: a cluster refuses a longer one
     * ({@code index.max_terms_count}, 65,536 by default), and an instance whose readers added that many private feeds
     * hides them all from each search.
     */
    private static List<Object> hidden(Collection<Long> hiddenSources) {
        List<String> ids = hiddenSources.stream().map(String::valueOf).toList();
        List<Object> clauses = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += TERMS) {
            clauses.add(object("terms", object(SearchFields.SOURCE, ids.subList(from, Math.min(ids.size(), from + TERMS)))));
        }
        return clauses;
    }

    /**
     * Freshness as a factor between 1 and 2 on the best matches' scores, halved every {@link Recency#HALF_LIFE_MILLIS}
     * of age: the embedded index's {@link Recency}, in the cluster's own decay function (no script needed).
     */
    private Map<String, Object> freshness(int window) {
        Map<String, Object> fresh = object("function_score", object("query", object("match_all", Map.of()),
                "functions", List.of(
                        object("exp", object(SearchFields.PUBLISHED, object("origin", clock.millis(), "scale", Recency.HALF_LIFE_MILLIS,
                                "decay", 0.5))),
                        object("weight", 1)),
                "score_mode", "sum", "boost_mode", "replace"));
        return object("window_size", window, "query", object("rescore_query", fresh, "query_weight", 1, "rescore_query_weight", 1,
                "score_mode", "multiply"));
    }

    private static SearchResults.Hit hit(JsonNode hit) {
        JsonNode source = hit.path("_source");
        String lang = source.path(SearchFields.LANG).asString(null);
        String suffix = Languages.suffix(lang);
        JsonNode marked = hit.path("highlight");
        Snippet title = snippet(marked.path(SearchFields.title(suffix)));
        if (title == null) title = new Snippet(plain(source.path(SearchFields.title(suffix)).asString("")));
        String story = source.path(SearchFields.STORY).asString(null);
        return new SearchResults.Hit(Long.parseLong(source.path(SearchFields.ID).asString()), title,
                snippet(marked.path(SearchFields.text(suffix))), Long.parseLong(source.path(SearchFields.SOURCE).asString()),
                source.path(SearchFields.PUBLISHER).asString(null), Instant.ofEpochMilli(source.path(SearchFields.PUBLISHED).asLong()),
                story == null ? null : Long.valueOf(story), lang, source.path(SearchFields.SECTION).asString(null));
    }

    private static List<Snippet.Part> plain(String text) {
        return text.isEmpty() ? List.of() : List.of(new Snippet.Part(text, false));
    }

    /** The cluster's fragments, each match between {@link #MARK} and {@link #END}, as parts; null when there are none. */
    static Snippet snippet(JsonNode fragments) {
        if (!fragments.isArray() || fragments.isEmpty()) return null;
        List<Snippet.Part> parts = new ArrayList<>();
        for (JsonNode fragment : fragments) {
            if (!parts.isEmpty()) add(parts, Snippet.GAP, false);
            String text = fragment.asString();
            int at = 0;
            while (at < text.length()) {
                int mark = text.indexOf(MARK, at);
                if (mark < 0) {
                    add(parts, text.substring(at), false);
                    break;
                }
                add(parts, text.substring(at, mark), false);
                int end = text.indexOf(END, mark);
                if (end < 0) end = text.length();
                add(parts, text.substring(mark + MARK.length(), end), true);
                at = end + END.length();
            }
        }
        if (!parts.isEmpty() && !parts.getFirst().match()) parts.set(0, new Snippet.Part(parts.getFirst().text().stripLeading(), false));
        return new Snippet(List.copyOf(parts));
    }

    private static void add(List<Snippet.Part> parts, String text, boolean match) {
        if (text.isEmpty()) return;
        String run = !parts.isEmpty() && parts.getLast().match() == match ? parts.removeLast().text() + text : text;
        parts.add(new Snippet.Part(run, match));
    }

    @Override
    public List<String> values(ArticleSearch.Filter filter, Collection<Long> hiddenSources) {
        try {
            JsonNode answer = cluster.send("POST", "/" + alias + "/_search", object("size", 0,
                    "query", object("bool", object("must_not", hidden(hiddenSources))),
                    "aggs", object("values", object("terms", object("field", filter.field(), "size", MAX_VALUES))))).body();
            List<String> values = new ArrayList<>();
            for (JsonNode bucket : answer.path("aggregations").path("values").path("buckets")) values.add(bucket.path("key").asString());
            return values;
        } catch (IOException e) {
            return List.of(); // the search page says the cluster is away
        }
    }

    /** The related block's candidates by the cluster's more-like-this on the article's headline and lead, as {@code SimilarArticles} does. */
    @Override
    public List<Candidate> recentLike(Candidate article, String lang, Instant since, Collection<Long> hiddenSources, int limit,
            int leadChars) {
        try {
            String suffix = indexedLanguage(article.id(), lang);
            String title = SearchFields.title(suffix);
            List<String> like = new ArrayList<>();
            if (article.title() != null && !article.title().isBlank()) like.add(article.title());
            if (article.text() != null && !article.text().isBlank()) like.add(article.text());
            if (like.isEmpty()) return List.of();
            List<Object> mustNot = new ArrayList<>(hidden(hiddenSources));
            mustNot.add(term(SearchFields.ID, article.id()));
            if (article.storyId() != null) mustNot.add(term(SearchFields.STORY, article.storyId()));
            JsonNode answer = cluster.send("POST", "/" + alias + "/_search", object("size", limit,
                    "_source", List.of(SearchFields.ID, SearchFields.SOURCE, SearchFields.PUBLISHED, SearchFields.STORY, title, SearchFields.LEAD),
                    "query", object("bool", object(
                            "must", List.of(object("more_like_this", object("fields", List.of(title, SearchFields.text(suffix)),
                                    "like", like, "min_term_freq", 1, "min_doc_freq", 1, "max_query_terms", 25))),
                            "filter", List.of(object("range", object(SearchFields.PUBLISHED, object("gte", since.toEpochMilli())))),
                            "must_not", mustNot)))).body();
            List<Candidate> found = new ArrayList<>();
            for (JsonNode hit : answer.path("hits").path("hits")) {
                JsonNode doc = hit.path("_source");
                String lead = doc.path(SearchFields.LEAD).asString(null);
                if (lead != null && lead.length() > leadChars) lead = lead.substring(0, leadChars);
                found.add(new Candidate(doc.path(SearchFields.ID).asString(), doc.path(SearchFields.STORY).asString(null),
                        doc.path(SearchFields.SOURCE).asString(), doc.path(title).asString(null), lead,
                        Instant.ofEpochMilli(doc.path(SearchFields.PUBLISHED).asLong()), null));
            }
            return found;
        } catch (IOException e) {
            return List.of(); // the block is a courtesy: empty while the cluster is away
        }
    }

    /** The field suffix the article was indexed with, or that of {@code lang} when it is not in the index. */
    private String indexedLanguage(String articleId, String lang) throws IOException {
        JsonNode own = cluster.send("GET", "/" + alias + "/_doc/" + articleId + "?_source=" + SearchFields.LANG, null, 404).body();
        String indexed = own == null ? null : own.path("_source").path(SearchFields.LANG).asString(null);
        return Languages.suffix(indexed != null ? indexed : lang);
    }
}
