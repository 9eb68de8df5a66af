package org.tidings.server.frontpage;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.tidings.server.comment.CommentSections;
import org.tidings.server.edition.Edition;
import org.tidings.server.edition.Editions;
import org.tidings.server.listing.ArticlePage;
import org.tidings.server.listing.ListingPage;
import org.tidings.server.listing.ListingPages;
import org.tidings.server.personal.ReaderFilters;
import org.tidings.server.site.NotFound;
import org.tidings.server.site.Sections;
import org.tidings.server.store.ArticleView;
import org.tidings.server.store.Listing;
import org.tidings.server.store.ListingStore;
import org.tidings.server.store.SourceStore;

/** The front page and a section's page, each with its top stories, in the reader's edition, and the feed of each. */
@Controller
public record FrontPageController(ListingPages pages, ListingStore listings, SourceStore sources, TopStoryRanking ranking,
        MessageSource messages, ReaderFilters filters, CommentSections comments) {

    /** Top stories above everything else: what a reader takes in before scrolling. */
    static final int TOP_STORIES = 6;
    /** Top stories above a section's latest: fewer than the front page's, a section is one subject. */
    static final int SECTION_TOP_STORIES = 4;
    /** Other publishers' headlines under a top story: the breadth of its coverage at a glance. */
    static final int OTHER_REPORTS = 3;
    /** Articles in a section's row: a glance at the section, its page has the rest. */
    static final int ROW = 4;

    public record SectionRow(String slug, List<ArticleView> articles) {}

    @GetMapping("/")
    String home(@RequestParam(name = "page", defaultValue = "1") int pageNumber, HttpServletRequest request, Model model) {
        Edition edition = Editions.current(request);
        ArticlePage latest = pages.page(edition.filter(Listing.ALL), pageNumber);
        boolean first = latest.number() == 1;
        List<SectionRow> rows = !first || latest.isEmpty() ? List.of() : Sections.SLUGS.stream()
                .map(slug -> new SectionRow(slug, filters.visible(listings.latest(edition.filter(Listing.section(slug)), ROW, 0))))
                .filter(row -> !row.articles().isEmpty()).toList();
        List<TopStory> top = first ? top(TOP_STORIES, edition.filter(Listing.ALL)) : List.of();
        model.addAttribute("articles", latest.articles());
        model.addAttribute("pageNumber", latest.number());
        model.addAttribute("hasNext", latest.hasNext());
        model.addAttribute("sourceCount", sources.count());
        model.addAttribute("top", top);
        model.addAttribute("commentCounts", comments.counts(Stream.concat(latest.articles().stream().map(ArticleView::id),
                top.stream().map(t -> t.lead().id())).toList()));
        model.addAttribute("sections", rows);
        model.addAttribute("feedPath", ListingPages.feedPath("/feed.xml", edition));
        return "home";
    }

    @GetMapping("/feed.xml")
    ResponseEntity<String> feed(HttpServletRequest request) {
        return pages.feed(request, Listing.ALL, message("home.latest"), "/");
    }

    @GetMapping("/section/{slug}")
    String section(@PathVariable("slug") String slug, @RequestParam(name = "page", defaultValue = "1") int page,
            HttpServletRequest request, Model model) {
        if (!Sections.exists(slug)) throw new NotFound("notFound.section", slug);
        Edition edition = Editions.current(request);
        Listing listing = edition.filter(Listing.section(slug));
        String path = "/section/" + slug;
        ArticlePage shown = pages.show(model, new ListingPage("section", message(Sections.messageKey(slug)), path,
                ListingPages.feedPath(path + "/feed.xml", edition), null), listing, page);
        model.addAttribute("top", shown.number() == 1 ? top(SECTION_TOP_STORIES, listing) : List.of());
        return "listing";
    }

    @GetMapping("/section/{slug}/feed.xml")
    ResponseEntity<String> sectionFeed(@PathVariable("slug") String slug, HttpServletRequest request) {
        if (!Sections.exists(slug)) return ResponseEntity.notFound().build();
        return pages.feed(request, Listing.section(slug), message(Sections.messageKey(slug)), "/section/" + slug);
    }

    /**
     * The listing's top stories less those the reader muted, from a longer ranking so that muting leaves no gap; each
     * with up to {@value #OTHER_REPORTS} other publishers' headlines, those of muted sources and topics left out.
     */
    private List<TopStory> top(int limit, Listing listing) {
        return filters.visible(ranking.top(limit * 2, listing), TopStory::lead).stream().limit(limit)
                .map(t -> t.withOthers(filters.visibleBy(t.others(),
                        r -> new ReaderFilters.Subject(r.articleId(), r.sourceId(), r.title(), null)).stream().limit(OTHER_REPORTS).toList()))
                .toList();
    }

    private String message(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
