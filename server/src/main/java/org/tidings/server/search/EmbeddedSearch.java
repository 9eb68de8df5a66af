package org.tidings.server.search;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.tidings.story.RelatedCoverage.Candidate;

/** The embedded Lucene index as the {@link SearchEngine}. */
record EmbeddedSearch(ArticleSearch articles, SimilarArticles similar) implements SearchEngine {

    @Override
    public SearchResults search(SearchRequest request, Collection<Long> hiddenSources) {
        return articles.search(request, hiddenSources);
    }

    @Override
    public List<String> values(ArticleSearch.Filter filter, Collection<Long> hiddenSources) {
        return articles.values(filter, hiddenSources);
    }

    @Override
    public List<Candidate> recentLike(Candidate article, String lang, Instant since, Collection<Long> hiddenSources,
            int limit, int leadChars) {
        return similar.recentLike(article, lang, since, hiddenSources, limit, leadChars);
    }
}
