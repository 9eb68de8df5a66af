package org.tidings.server.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tidings.server.comment.CommentCounts;
import org.tidings.server.edition.Edition;
import org.tidings.server.edition.Editions;
import org.tidings.server.personal.ReaderFilters;
import org.tidings.server.store.ArticleView;
import org.tidings.server.store.Listing;
import org.tidings.server.store.ListingStore;
import org.tidings.server.store.SourceStore;
import org.tidings.server.story.FrontPage;

/** The front page, in the reader's edition: top stories, a row per section, the latest articles; and its feed. */
@Controller
public class HomeController {

    /** Top stories above everything else: what a reader takes in before scrolling. */
    static final int TOP_STORIES = 6;
    /** Articles in a section's row: a glance at the section, its page has the rest. */
    static final int ROW = 4;

    /** A section's row on the front page. */
    public record SectionRow(String slug, List<ArticleView> articles) {}

    private final ListingStore listings;
    private final SourceStore sources;
    private final FrontPage frontPage;
    private final Feeds feeds;
    private final MessageSource messages;
    private final ReaderFilters filters;
    private final CommentCounts commentCounts;

    HomeController(ListingStore listings, SourceStore sources, FrontPage frontPage, Feeds feeds, MessageSource messages,
            ReaderFilters filters, CommentCounts commentCounts) {
        this.listings = listings;
        this.sources = sources;
        this.frontPage = frontPage;
        this.feeds = feeds;
        this.messages = messages;
        this.filters = filters;
        this.commentCounts = commentCounts;
    }

    @GetMapping("/")
    String home(@RequestParam(name = "page", defaultValue = "1") int pageNumber, HttpServletRequest request, Model model) {
        Edition edition = Editions.current(request);
        ArticlePage latest = ArticlePage.of(listings, edition.filter(Listing.ALL), pageNumber, filters);
        boolean first = latest.number() == 1;
        List<SectionRow> rows = new ArrayList<>();
        if (first && !latest.isEmpty()) {
            for (String slug : Sections.SLUGS) {
                List<ArticleView> row = filters.visible(listings.latest(edition.filter(Listing.section(slug)), ROW, 0));
                if (!row.isEmpty()) rows.add(new SectionRow(slug, row));
            }
        }
        List<ArticleView> articles = latest.articles();
        List<FrontPage.TopStory> top = first ? topStories(edition) : List.of();
        model.addAttribute("articles", articles);
        model.addAttribute("pageNumber", latest.number());
        model.addAttribute("hasNext", latest.hasNext());
        model.addAttribute("sourceCount", sources.count());
        model.addAttribute("top", top);
        model.addAttribute("commentCounts", commentCounts.of(Stream.concat(articles.stream().map(ArticleView::id),
                top.stream().map(t -> t.lead().id())).toList()));
        model.addAttribute("sections", rows);
        model.addAttribute("feedPath", Feeds.path("/feed.xml", edition));
        return "home";
    }

    /** The edition's top stories less those the reader muted, from a longer ranking so that muting leaves no gap. */
    private List<FrontPage.TopStory> topStories(Edition edition) {
        var shown = filters.visible(frontPage.top(TOP_STORIES * 2, edition.filter(Listing.ALL)), FrontPage.TopStory::lead);
        return shown.subList(0, Math.min(TOP_STORIES, shown.size()));
    }

    @GetMapping("/feed.xml")
    ResponseEntity<String> feed(HttpServletRequest request) {
        String name = messages.getMessage("home.latest", null, LocaleContextHolder.getLocale());
        return feeds.of(request, Listing.ALL, name, "/");
    }
}
