package org.tidings.server.listing;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.text.Collator;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.tidings.server.account.CurrentReader;
import org.tidings.server.i18n.Message;
import org.tidings.server.i18n.Names;
import org.tidings.server.personal.ReaderFilters;
import org.tidings.server.search.ArticleSearch;
import org.tidings.server.search.SearchEngine;
import org.tidings.server.search.SearchRequest;
import org.tidings.server.search.SearchResults;
import org.tidings.server.site.AtomFeed;
import org.tidings.server.site.SiteAddress;
import org.tidings.server.store.Archive;
import org.tidings.server.store.ArticleView;
import org.tidings.server.store.SearchStore;
import org.tidings.server.store.Source;
import org.tidings.server.store.SourceStore;

/** The search page ({@code /search?q=}) and the same results as an Atom feed ({@code /search/feed?q=}). */
@Controller
record SearchController(SearchEngine search, SearchStore store, SourceStore sources, MessageSource messages,
        ReaderFilters filters, SiteAddress site, Clock clock, Archive archive, CurrentReader current) {

    @GetMapping("/search")
    String search(@RequestParam Map<String, String> params, HttpServletRequest request, HttpServletResponse response, Model model) {
        Locale locale = RequestContextUtils.getLocale(request);
        Read read = read(params);
        boolean asked = params.containsKey("q");
        List<Long> hidden = store.hiddenSourceIds(current.id());
        SearchResults results = asked || read.problem() != null ? results(read.request(), read.problem(), hidden) : null;
        if (results != null && results.problem() != null && !results.problem().key().equals("search.problem.empty")) {
            response.setStatus(unavailable(results) ? HttpServletResponse.SC_SERVICE_UNAVAILABLE : HttpServletResponse.SC_BAD_REQUEST);
        }
        SearchRequest asking = read.request();
        model.addAttribute("search", new SearchPage(asking, results, asked, params.get("from"), params.get("to"), publishers(asking),
                options(ArticleSearch.Filter.SECTION, asking.section(), hidden, locale,
                        slug -> messages.getMessage("search.section." + slug, null, Names.capitalised(slug), locale)),
                options(ArticleSearch.Filter.LANGUAGE, asking.lang(), hidden, locale, code -> Names.language(code, locale)),
                options(ArticleSearch.Filter.REGION, asking.region(), hidden, locale, code -> Names.region(code, messages, locale)),
                listed(results)));
        return "search";
    }

    /** The found articles as lists show them (their pictures and leads), by id: one query for the page of hits. */
    private Map<Long, ArticleView> listed(SearchResults results) {
        if (results == null || results.hits().isEmpty()) return Map.of();
        return archive.findByIds(results.hits().stream().map(SearchResults.Hit::id).toList()).stream()
                .collect(java.util.stream.Collectors.toMap(ArticleView::id, a -> a));
    }

    @GetMapping("/search/feed")
    ResponseEntity<String> feed(@RequestParam Map<String, String> params, HttpServletRequest request) {
        Locale locale = RequestContextUtils.getLocale(request);
        Read read = read(params);
        SearchRequest newest = read.request().withSort(SearchRequest.Sort.NEWEST).withPage(1);
        SearchResults results = results(newest, read.problem(), store.hiddenSourceIds(current.id()));
        if (results.problem() != null) {
            return ResponseEntity.status(unavailable(results) ? 503 : 400).contentType(MediaType.parseMediaType("text/plain;charset=UTF-8"))
                    .body(text(results.problem(), locale) + "\n");
        }
        return AtomFeed.of(site.base(request), text(Message.of("search.feed.title", newest.query()), locale),
                SearchPage.link("/search/feed", newest), SearchPage.link("/search", newest), results.hits().stream()
                        .map(h -> new AtomFeed.Entry(h.id(), h.title().plainText(), null, h.publishedAt(), h.publishedAt(),
                                h.publisher(), h.passage() == null ? null : h.passage().plainText()))
                        .toList(), clock.instant());
    }

    /**
     * The problem when there is one, else the hits the reader may see (a private feed's only by its subscribers) less
     * the publishers, topics and words a signed-in reader muted.
     */
    private SearchResults results(SearchRequest request, Message problem, List<Long> hidden) {
        if (problem != null) return SearchResults.problem(request, problem);
        return search.search(request, hidden).keeping(hits -> filters.visibleBy(hits,
                h -> new ReaderFilters.Subject(h.id(), h.sourceId(), h.title().plainText(), h.passage().plainText())));
    }

    /** The search engine (an OpenSearch cluster) did not answer: not the reader's doing. */
    static boolean unavailable(SearchResults results) {
        return results.problem() != null && results.problem().key().equals("search.problem.unavailable");
    }

    /** The request a query string makes; a filter that cannot be read is a problem to show, not an error page. */
    private record Read(SearchRequest request, Message problem) {}

    private static Read read(Map<String, String> params) {
        Message problem = null;
        Long source = null;
        String sourceText = params.get("source");
        if (sourceText != null && !sourceText.isBlank()) {
            try {
                source = Long.parseLong(sourceText.strip());
            } catch (NumberFormatException e) {
                problem = Message.of("search.problem.publisher");
            }
        }
        LocalDate from = null, to = null;
        try {
            from = day(params.get("from"));
            to = day(params.get("to"));
        } catch (DateTimeParseException e) {
            problem = Message.of("search.problem.date");
        }
        int page = 1;
        try {
            page = Math.clamp(Integer.parseInt(params.getOrDefault("page", "1").strip()), 1, ArticleSearch.MAX_PAGE);
        } catch (NumberFormatException e) {
            // an unreadable page number is the first page
        }
        return new Read(new SearchRequest(params.get("q"), SearchRequest.Sort.of(params.get("sort")), source,
                params.get("section"), params.get("language"), params.get("region"), from, to, page), problem);
    }

    private static LocalDate day(String text) {
        return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
    }

    private List<SearchPage.Option> publishers(SearchRequest request) {
        return sources.findAll().stream().filter(Source::listed)
                .map(s -> new SearchPage.Option(Long.toString(s.id()), s.name(), Long.valueOf(s.id()).equals(request.source())))
                .toList();
    }

    /**
     * The values a filter has in the articles the reader may see, with the reader's names for them, in the reader's
     * alphabetical order.
     */
    private List<SearchPage.Option> options(ArticleSearch.Filter filter, String selected, List<Long> hidden, Locale locale,
            Function<String, String> label) {
        String chosen = selected == null ? "" : selected.strip();
        return search.values(filter, hidden).stream().map(v -> new SearchPage.Option(v, label.apply(v), v.equalsIgnoreCase(chosen)))
                .sorted(Comparator.comparing(SearchPage.Option::label, Collator.getInstance(locale))).toList();
    }

    private String text(Message message, Locale locale) {
        return messages.getMessage(message.key(), message.args().toArray(), locale);
    }
}
