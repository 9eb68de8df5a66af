package org.tidings.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.tidings.server.edition.Edition;
import org.tidings.server.edition.Editions;
import org.tidings.server.i18n.Message;
import org.tidings.server.personal.ReaderFilters;
import org.tidings.server.store.Listing;
import org.tidings.server.store.ListingStore;
import org.tidings.server.story.FrontPage;

/** A section's page ({@code /section/technology}): its top stories and latest articles in the reader's edition, and its feed. */
@Controller
class SectionController {

    /** Top stories above a section's latest: fewer than the front page's, a section is one subject. */
    static final int TOP_STORIES = 4;

    private final ListingStore listings;
    private final FrontPage frontPage;
    private final Feeds feeds;
    private final MessageSource messages;
    private final ReaderFilters filters;

    SectionController(ListingStore listings, FrontPage frontPage, Feeds feeds, MessageSource messages, ReaderFilters filters) {
        this.listings = listings;
        this.frontPage = frontPage;
        this.feeds = feeds;
        this.messages = messages;
        this.filters = filters;
    }

    @GetMapping("/section/{slug}")
    String section(@PathVariable("slug") String slug, @RequestParam(name = "page", defaultValue = "1") int page,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!Sections.exists(slug)) return NotFound.page(response, model, Message.of("notFound.section", slug));
        Edition edition = Editions.current(request);
        Listing listing = edition.filter(Listing.section(slug));
        ArticlePage articles = ArticlePage.of(listings, listing, page, filters);
        String path = "/section/" + slug;
        String name = messages.getMessage(Sections.messageKey(slug), null, LocaleContextHolder.getLocale());
        model.addAttribute("listing", new ListingPage("section", name, path, Feeds.path(path + "/feed.xml", edition), null,
                articles.number() == 1 ? filters.visible(frontPage.top(TOP_STORIES, listing), FrontPage.TopStory::lead) : java.util.List.of()));
        model.addAttribute("articles", articles);
        return "listing";
    }

    @GetMapping(path = "/section/{slug}/feed.xml")
    ResponseEntity<String> feed(@PathVariable("slug") String slug, HttpServletRequest request) {
        if (!Sections.exists(slug)) return ResponseEntity.notFound().build();
        String name = messages.getMessage(Sections.messageKey(slug), null, LocaleContextHolder.getLocale());
        return feeds.of(request, Listing.section(slug), name, "/section/" + slug);
    }
}
