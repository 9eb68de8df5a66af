package org.tidings.server.search;

import java.time.Instant;
import java.util.List;
import org.tidings.server.i18n.Message;

/**
 * One page of results, or the reason there are none to show.
 *
 * @param total      matching articles, exact when {@code exact}, else at least that many
 * @param problem    why the query could not run (empty, malformed), or null
 */
public record SearchResults(SearchRequest request, List<Hit> hits, long total, boolean exact, int pageSize,
        Message problem) {

    /** One article found: its headline and a passage, with the query's words marked. */
    public record Hit(long id, Snippet title, Snippet passage, long sourceId, String publisher, Instant publishedAt,
            Long storyId, String lang, String section) {}

    public static SearchResults problem(SearchRequest request, Message problem) {
        return new SearchResults(request, List.of(), 0, true, 0, problem);
    }

    /**
     * These results less the hits a reader does not want (muted publishers, topics, words). The
     * total still counts them: paging stays stable, and a page may show fewer than its size.
     */
    public SearchResults keeping(java.util.function.UnaryOperator<List<Hit>> filter) {
        return new SearchResults(request, filter.apply(hits), total, exact, pageSize, problem);
    }

    public boolean hasNext() {
        return (long) request.page() * pageSize < total;
    }

    public boolean hasPrevious() {
        return request.page() > 1;
    }
}
