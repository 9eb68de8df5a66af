package org.tidings.server.listing;

import java.util.List;
import java.util.Map;
import org.tidings.server.store.ArticleView;
import org.springframework.web.util.UriComponentsBuilder;
import org.tidings.server.search.SearchRequest;
import org.tidings.server.search.SearchResults;

/**
 * What the search page shows. {@code asked} is false for a bare {@code /search} (only the form); {@code from} and
 * {@code to} are the days as typed, to show them again; {@code articles} are the hits as lists show them (their
 * pictures and leads), by id.
 */
public record SearchPage(SearchRequest request, SearchResults results, boolean asked, String from, String to,
        List<Option> publishers, List<Option> sections, List<Option> languages, List<Option> regions,
        Map<Long, ArticleView> articles) {

    public record Option(String value, String label, boolean selected) {}

    public String pageLink(int page) {
        return link("/search", request.withPage(page));
    }

    public String sortLink(SearchRequest.Sort sort) {
        return link("/search", request.withSort(sort).withPage(1));
    }

    /** The same search as an Atom feed, newest first. */
    public String feedLink() {
        return link("/search/feed", request.withSort(SearchRequest.Sort.NEWEST).withPage(1));
    }

    static String link(String path, SearchRequest r) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path).queryParam("q", r.query());
        if (r.sort() != SearchRequest.Sort.RELEVANCE) uri.queryParam("sort", r.sort().param());
        if (r.source() != null) uri.queryParam("source", r.source());
        if (r.section() != null) uri.queryParam("section", r.section());
        // "language", not "lang": ?lang= switches the interface language
        if (r.lang() != null) uri.queryParam("language", r.lang());
        if (r.region() != null) uri.queryParam("region", r.region());
        if (r.from() != null) uri.queryParam("from", r.from());
        if (r.to() != null) uri.queryParam("to", r.to());
        if (r.page() > 1) uri.queryParam("page", r.page());
        return uri.encode().build().toUriString();
    }
}
