package org.tidings.server.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.tidings.server.ai.ArticleAssistant;
import org.tidings.server.comment.CommentCounts;
import org.tidings.server.comment.CommentSections;
import org.tidings.server.i18n.Message;
import org.tidings.server.personal.PersonalPages;
import org.tidings.server.personal.ReaderFilters;
import org.tidings.server.store.ArticleStore;
import org.tidings.server.store.ArticleView;
import org.tidings.server.store.SourceStore;
import org.tidings.server.story.FrontPage;

/** The pages every reader sees: the latest articles, one article, and the sources with their health. */
@Controller
class ReaderController {

    /** Articles per page of the latest list: a screenful or two on a phone, one long scroll on a desktop. */
    static final int PAGE_SIZE = 40;
    /** Deeper pages than this are not offered: readers use search for the archive. */
    static final int MAX_PAGE = 50;
    /** Other reports of the same story shown beside an article: enough to compare, not a second front page. */
    static final int COVERAGE = 8;
    /** Top stories above the latest list: what a reader takes in before scrolling. */
    static final int TOP_STORIES = 6;

    private final ArticleStore articles;
    private final SourceStore sources;

    private final ArticleAssistant assistant;
    private final FrontPage frontPage;
    private final CommentSections comments;
    private final CommentCounts commentCounts;
    private final ReaderFilters filters;
    private final PersonalPages personal;

    ReaderController(ArticleStore articles, SourceStore sources, ArticleAssistant assistant, FrontPage frontPage,
            CommentSections comments, CommentCounts commentCounts, ReaderFilters filters, PersonalPages personal) {
        this.articles = articles;
        this.sources = sources;
        this.assistant = assistant;
        this.frontPage = frontPage;
        this.comments = comments;
        this.commentCounts = commentCounts;
        this.filters = filters;
        this.personal = personal;
    }

    @GetMapping("/")
    String home(@RequestParam(name = "page", defaultValue = "1") int pageNumber, Model model) {
        int page = Math.clamp(pageNumber, 1, MAX_PAGE);
        var latest = articles.latest(PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
        model.addAttribute("articles", filters.visible(latest.subList(0, Math.min(PAGE_SIZE, latest.size()))));
        model.addAttribute("pageNumber", page);
        model.addAttribute("hasNext", latest.size() > PAGE_SIZE && page < MAX_PAGE);
        model.addAttribute("sourceCount", sources.count());
        var top = page == 1 ? topStories() : List.<FrontPage.TopStory>of();
        model.addAttribute("top", top);
        model.addAttribute("commentCounts", commentCounts.of(java.util.stream.Stream.concat(latest.stream().map(ArticleView::id),
                top.stream().map(t -> t.lead().id())).toList()));
        return "home";
    }

    /** The top stories less those the reader muted, from a longer ranking so that muting leaves no gap. */
    private List<FrontPage.TopStory> topStories() {
        var shown = filters.visible(frontPage.top(TOP_STORIES * 2), FrontPage.TopStory::lead);
        return shown.subList(0, Math.min(TOP_STORIES, shown.size()));
    }

    @GetMapping("/article/{id}")
    String article(@PathVariable("id") long id, @RequestParam(name = "q", required = false) String question,
            @RequestParam(name = "ai", required = false) String feature, Locale locale,
            Model model, HttpServletResponse response) {
        Optional<ArticleView> article = articles.findById(id);
        if (article.isEmpty()) return NotFound.page(response, model, Message.of("notFound.article", id));
        model.addAttribute("article", article.get());
        model.addAttribute("ai", assistant.forArticle(article.get(), question, feature, locale));
        model.addAttribute("coverage", filters.visible(articles.coverage(article.get(), COVERAGE)));
        model.addAttribute("personal", personal.onArticleOpened(article.get()));
        model.addAttribute("copies", articles.copiesOf(id));
        model.addAttribute("comments", comments.forArticle(id));
        return "article";
    }

    @GetMapping("/sources")
    String sources(Model model) {
        model.addAttribute("sources", sources.findAll());
        return "sources";
    }
}
