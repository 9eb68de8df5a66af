package org.tidings.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.tidings.server.i18n.Message;
import org.tidings.server.personal.ReaderFilters;
import org.tidings.server.store.Listing;
import org.tidings.server.store.ListingStore;
import org.tidings.server.store.Source;
import org.tidings.server.store.SourceStore;

/**
 * A publisher's page ({@code /source/12}): everything of theirs, newest first, whatever the
 * reader's edition (a publisher is read whole), and its feed.
 */
@Controller
class SourcePageController {

    private final ListingStore listings;
    private final SourceStore sources;
    private final Feeds feeds;
    private final ReaderFilters filters;

    SourcePageController(ListingStore listings, SourceStore sources, Feeds feeds, ReaderFilters filters) {
        this.listings = listings;
        this.sources = sources;
        this.feeds = feeds;
        this.filters = filters;
    }

    @GetMapping("/source/{id}")
    String source(@PathVariable("id") long id, @RequestParam(name = "page", defaultValue = "1") int page,
            HttpServletResponse response, Model model) {
        Optional<Source> source = sources.findById(id).filter(Source::enabled);
        if (source.isEmpty()) return NotFound.page(response, model, Message.of("notFound.source", id));
        String path = "/source/" + id;
        model.addAttribute("listing", new ListingPage("source", source.get().name(), path, path + "/feed.xml",
                source.get().siteUrl(), List.of()));
        model.addAttribute("articles", ArticlePage.of(listings, Listing.source(id), page, filters));
        return "listing";
    }

    @GetMapping("/source/{id}/feed.xml")
    ResponseEntity<String> feed(@PathVariable("id") long id, HttpServletRequest request) {
        Optional<Source> source = sources.findById(id).filter(Source::enabled);
        if (source.isEmpty()) return ResponseEntity.notFound().build();
        return feeds.of(request, Listing.source(id), source.get().name(), "/source/" + id);
    }
}
