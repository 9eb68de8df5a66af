package org.tidings.server.search;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.tidings.story.RelatedCoverage.Candidate;

/**
 * What readers ask of the index: the search page and its feed, the filters' values, and the related block's
 * candidates. The embedded Lucene index answers by default ({@link EmbeddedSearch}), an OpenSearch cluster when
 * {@code tidings.search.url} is set.
 */
public interface SearchEngine {

    /**
     * Searches, leaving out the articles of {@code hiddenSources}: disabled publishers, and the private feeds the reader
     * does not subscribe to (the index holds every article; who may see which is the caller's to say, at each search).
     */
    SearchResults search(SearchRequest request, Collection<Long> hiddenSources);

    /**
     * The values {@code filter} has in the articles a reader may see, in no order: those of {@code hiddenSources} left
     * out, so that a private feed adds no language, section or region to the lists of readers who do not subscribe.
     */
    List<String> values(ArticleSearch.Filter filter, Collection<Long> hiddenSources);

    /** Recent articles like {@code article}, best first: see {@link SimilarArticles#recentLike}. */
    List<Candidate> recentLike(Candidate article, String lang, Instant since, Collection<Long> hiddenSources, int limit,
            int leadChars);
}
