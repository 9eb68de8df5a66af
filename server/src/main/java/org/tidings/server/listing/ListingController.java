package org.tidings.server.listing;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;
import org.tidings.server.edition.Edition;
import org.tidings.server.edition.Editions;
import org.tidings.server.site.NotFound;
import org.tidings.server.store.EnrichmentStore;
import org.tidings.server.store.Listing;
import org.tidings.server.store.Source;
import org.tidings.server.store.SourceStore;

/** A topic's page (a hashtag's link; in the reader's edition), a publisher's (any edition: it is read whole), and their feeds. */
@Controller
record ListingController(ListingPages pages, EnrichmentStore enrichment, SourceStore sources) {

    @GetMapping("/topic/{slug}")
    String topic(@PathVariable("slug") String slug, @RequestParam(name = "page", defaultValue = "1") int page,
            HttpServletRequest request, Model model) {
        var topic = enrichment.topic(slug).orElseThrow(() -> new NotFound("notFound.topic", slug));
        Edition edition = Editions.current(request);
        String path = topicPath(slug);
        pages.show(model, new ListingPage("topic", topic.label(), path, ListingPages.feedPath(path + "/feed.xml", edition), null),
                edition.filter(Listing.topic(slug)), page);
        return "listing";
    }

    @GetMapping("/topic/{slug}/feed.xml")
    ResponseEntity<String> topicFeed(@PathVariable("slug") String slug, HttpServletRequest request) {
        return enrichment.topic(slug).map(t -> pages.feed(request, Listing.topic(slug), t.label(), topicPath(slug)))
                .orElse(ResponseEntity.notFound().build());
    }

    @GetMapping("/source/{id}")
    String source(@PathVariable("id") long id, @RequestParam(name = "page", defaultValue = "1") int page, Model model) {
        Source source = sources.findById(id).filter(Source::listed).orElseThrow(() -> new NotFound("notFound.source", id));
        String path = "/source/" + id;
        pages.show(model, new ListingPage("source", source.name(), path, path + "/feed.xml", source.siteUrl()),
                Listing.source(id), page);
        return "listing";
    }

    @GetMapping("/source/{id}/feed.xml")
    ResponseEntity<String> sourceFeed(@PathVariable("id") long id, HttpServletRequest request) {
        return sources.findById(id).filter(Source::listed)
                .map(s -> pages.feed(request, Listing.source(id), s.name(), "/source/" + id))
                .orElse(ResponseEntity.notFound().build());
    }

    private static String topicPath(String slug) {
        return "/topic/" + UriUtils.encodePathSegment(slug, StandardCharsets.UTF_8);
    }
}
