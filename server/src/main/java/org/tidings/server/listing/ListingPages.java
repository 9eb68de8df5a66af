package org.tidings.server.listing;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.tidings.server.edition.Edition;
import org.tidings.server.edition.Editions;
import org.tidings.server.personal.ReaderFilters;
import org.tidings.server.site.AtomFeed;
import org.tidings.server.site.SiteAddress;
import org.tidings.server.store.ArticleView;
import org.tidings.server.store.Listing;
import org.tidings.server.store.ListingStore;

/**
 * Any list of articles as a page, in the reader's edition less what they muted, and as an Atom feed, in the
 * edition its address names, never a cookie's: an address gets the same list whoever subscribed.
 */
@Component
public record ListingPages(ListingStore listings, ReaderFilters filters, SiteAddress site, MessageSource messages, Clock clock) {

    /** A page of the listing, less what the reader muted (a page may then hold fewer than {@link ArticlePage#SIZE}). */
    public ArticlePage page(Listing listing, int requested) {
        int number = Math.clamp(requested, 1, ArticlePage.MAX);
        List<ArticleView> found = listings.latest(listing, ArticlePage.SIZE + 1, (number - 1) * ArticlePage.SIZE);
        return new ArticlePage(filters.visible(found.subList(0, Math.min(ArticlePage.SIZE, found.size()))), number,
                found.size() > ArticlePage.SIZE && number < ArticlePage.MAX);
    }

    /** The list page {@code listing} showing page {@code number} of {@code articles}; returns that page. */
    public ArticlePage show(Model model, ListingPage listing, Listing articles, int number) {
        ArticlePage page = page(articles, number);
        model.addAttribute("listing", listing);
        model.addAttribute("articles", page);
        return page;
    }

    public ResponseEntity<String> feed(HttpServletRequest request, Listing listing, String title, String pagePath) {
        Edition edition = Editions.byId(request.getParameter(Editions.PARAMETER)).orElse(Edition.WORLD);
        List<ArticleView> articles = listings.latest(edition.filter(listing), AtomFeed.ENTRIES, 0);
        String query = feedPath("", edition);
        String feedTitle = messages.getMessage("site.title", new Object[] {title}, LocaleContextHolder.getLocale());
        return AtomFeed.of(site.base(request), feedTitle, request.getRequestURI() + query, pagePath + query,
                articles.stream().map(AtomFeed.Entry::of).toList(), clock.instant());
    }

    /** The feed address of a page as the reader sees it, in their edition, for autodiscovery. */
    public static String feedPath(String feedPath, Edition edition) {
        return edition.all() ? feedPath : feedPath + "?" + Editions.PARAMETER + "=" + edition.id();
    }
}
