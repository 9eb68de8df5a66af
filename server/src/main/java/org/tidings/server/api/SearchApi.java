package org.tidings.server.api;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tidings.server.account.CurrentReader;
import org.tidings.server.personal.ReaderFilters;
import org.tidings.server.search.ArticleSearch;
import org.tidings.server.search.SearchEngine;
import org.tidings.server.search.SearchRequest;
import org.tidings.server.search.SearchResults;
import org.tidings.server.site.SiteAddress;
import org.tidings.server.store.SearchStore;

/**
 * The site's search with its filters (publisher, section, language, region, days published, newest first), paged by
 * cursor; a private feed's articles are found by its subscribers only, and what the bearer muted is left out, as on the
 * search page. A filter that does not parse is a problem (400).
 */
@RestController
@RequestMapping(path = ApiSecurity.PREFIX, produces = MediaType.APPLICATION_JSON_VALUE)
record SearchApi(SearchEngine search, SearchStore store, ReaderFilters filters, SiteAddress site, CurrentReader current) {

    @GetMapping("/search")
    Views.SearchPage search(@RequestParam("q") String query,
            @RequestParam(name = "sort", required = false) String sort,
            @RequestParam(name = "source", required = false) Long source,
            @RequestParam(name = "section", required = false) String section,
            @RequestParam(name = "language", required = false) String language,
            @RequestParam(name = "region", required = false) String region,
            @RequestParam(name = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(name = "to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(name = "cursor", required = false) String cursor, HttpServletRequest request) {
        if (sort != null && !List.of("relevance", "newest").contains(sort)) throw ApiProblem.badRequest("api.problem.detail.sort", sort);
        String list = String.join("|", "search", query, String.valueOf(sort), String.valueOf(source), String.valueOf(section),
                String.valueOf(language), String.valueOf(region), String.valueOf(from), String.valueOf(to));
        int page = cursor == null ? 1 : (int) Cursor.number(Cursor.read(cursor, list, 1).getFirst());
        if (cursor != null && (page < 2 || page > ArticleSearch.MAX_PAGE)) throw Cursor.bad();
        SearchRequest asked = new SearchRequest(query, SearchRequest.Sort.of(sort), source, section, language, region, from, to, page);
        SearchResults results = search.search(asked, store.hiddenSourceIds(current.id()));
        if (results.problem() != null && results.problem().key().equals("search.problem.unavailable")) {
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "search-unavailable", results.problem(), Duration.ofMinutes(1));
        }
        if (results.problem() != null) throw new ApiProblem(HttpStatus.BAD_REQUEST, "bad-query", results.problem());
        String base = site.base(request);
        List<Views.Hit> hits = filters.visibleBy(results.hits(), h -> new ReaderFilters.Subject(h.id(), h.sourceId(),
                h.title().plainText(), h.passage() == null ? null : h.passage().plainText())).stream().map(h -> Views.Hit.of(h, base)).toList();
        boolean more = results.hasNext() && page < ArticleSearch.MAX_PAGE;
        return new Views.SearchPage(hits, results.total(), results.exact(), more ? Cursor.of(list, Integer.toString(page + 1)) : null);
    }
}
