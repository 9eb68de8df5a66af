package org.tidings.server.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.tidings.server.edition.Edition;
import org.tidings.server.edition.Editions;
import org.tidings.server.store.ArticleView;
import org.tidings.server.store.Listing;
import org.tidings.server.store.ListingStore;

/**
 * The Atom feed of any list page. A feed's edition is the one its address names
 * ({@code ?edition=en-gulf}), never a cookie: a feed reader subscribed to an address gets the same
 * list whoever subscribed.
 */
@Component
class Feeds {

    private final ListingStore listings;
    private final SiteAddress site;
    private final MessageSource messages;
    private final Clock clock;

    Feeds(ListingStore listings, SiteAddress site, MessageSource messages, Clock clock) {
        this.listings = listings;
        this.site = site;
        this.messages = messages;
        this.clock = clock;
    }

    ResponseEntity<String> of(HttpServletRequest request, Listing listing, String title, String pagePath) {
        Edition edition = Editions.byId(request.getParameter(Editions.PARAMETER));
        if (edition == null) edition = Edition.WORLD;
        List<ArticleView> articles = listings.latest(edition.filter(listing), AtomFeed.ENTRIES, 0);
        String query = edition.all() ? "" : "?" + Editions.PARAMETER + "=" + edition.id();
        String feedTitle = messages.getMessage("site.title", new Object[] {title}, LocaleContextHolder.getLocale());
        return AtomFeed.of(site.base(request), feedTitle, request.getRequestURI() + query, pagePath + query, articles,
                clock.instant());
    }

    /** The feed address of a page as the reader sees it, in their edition, for autodiscovery. */
    static String path(String feedPath, Edition edition) {
        return edition.all() ? feedPath : feedPath + "?" + Editions.PARAMETER + "=" + edition.id();
    }
}
