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
import org.springframework.web.util.UriUtils;
import org.tidings.server.edition.Edition;
import org.tidings.server.edition.Editions;
import org.tidings.server.i18n.Message;
import org.tidings.server.personal.ReaderFilters;
import org.tidings.server.store.EnrichmentStore;
import org.tidings.server.store.Listing;
import org.tidings.server.store.ListingStore;

/** A topic's page ({@code /topic/federal-reserve}, its hashtag's link): the latest on that person, place, organisation or subject. */
@Controller
class TopicController {

    private final ListingStore listings;
    private final EnrichmentStore enrichment;
    private final Feeds feeds;
    private final ReaderFilters filters;

    TopicController(ListingStore listings, EnrichmentStore enrichment, Feeds feeds, ReaderFilters filters) {
        this.listings = listings;
        this.enrichment = enrichment;
        this.feeds = feeds;
        this.filters = filters;
    }

    @GetMapping("/topic/{slug}")
    String topic(@PathVariable("slug") String slug, @RequestParam(name = "page", defaultValue = "1") int page,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<EnrichmentStore.TopicTag> topic = enrichment.topic(slug);
        if (topic.isEmpty()) return NotFound.page(response, model, Message.of("notFound.topic", slug));
        Edition edition = Editions.current(request);
        ArticlePage articles = ArticlePage.of(listings, edition.filter(Listing.topic(slug)), page, filters);
        String path = "/topic/" + UriUtils.encodePathSegment(slug, java.nio.charset.StandardCharsets.UTF_8);
        model.addAttribute("listing", new ListingPage("topic", topic.get().label(), path,
                Feeds.path(path + "/feed.xml", edition), null, List.of()));
        model.addAttribute("articles", articles);
        return "listing";
    }

    @GetMapping("/topic/{slug}/feed.xml")
    ResponseEntity<String> feed(@PathVariable("slug") String slug, HttpServletRequest request) {
        Optional<EnrichmentStore.TopicTag> topic = enrichment.topic(slug);
        if (topic.isEmpty()) return ResponseEntity.notFound().build();
        return feeds.of(request, Listing.topic(slug), topic.get().label(),
                "/topic/" + UriUtils.encodePathSegment(slug, java.nio.charset.StandardCharsets.UTF_8));
    }
}
