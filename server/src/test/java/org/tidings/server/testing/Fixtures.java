package org.tidings.server.testing;

import org.tidings.server.search.SearchRequest;
import org.tidings.server.store.SourceSettings;

/** The settings and requests tests make most: a plain source, a search by words alone. */
public final class Fixtures {

    private Fixtures() {}

    /** A source with only a feed and a name: full text wanted, enabled. */
    public static SourceSettings source(String feedUrl, String name) {
        return new SourceSettings(feedUrl, name, null, null, null, null, true, true);
    }

    /** Words alone: relevance order, no filters, first page. */
    public static SearchRequest search(String query) {
        return new SearchRequest(query, SearchRequest.Sort.RELEVANCE, null, null, null, null, null, null, 1);
    }
}
