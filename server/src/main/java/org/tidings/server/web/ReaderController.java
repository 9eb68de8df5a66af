package org.tidings.server.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.tidings.article.ArticleText;
import org.tidings.server.ai.ArticleAssistant;
import org.tidings.server.comment.CommentSections;
import org.tidings.server.i18n.Message;
import org.tidings.server.personal.PersonalPages;
import org.tidings.server.personal.ReaderFilters;
import org.tidings.server.store.ArticleStore;
import org.tidings.server.store.ArticleView;
import org.tidings.server.store.EnrichmentStore;
import org.tidings.server.store.SourceStore;
import org.tidings.server.store.StoryStore;
import org.tidings.server.story.RelatedArticles;

/** One article's page, and the sources with their health (the front page is HomeController's, a story's StoryController's). */
@Controller
class ReaderController {

    /** Other reports of the same story shown beside an article: enough to compare, not a second front page. */
    static final int COVERAGE = 8;
    /** Similar articles of other stories shown after them: a few leads to follow, not a list to scroll. */
    static final int RELATED = 6;

    private final ArticleStore articles;
    private final StoryStore stories;
    private final SourceStore sources;

    private final ArticleAssistant assistant;
    private final CommentSections comments;
    private final ReaderFilters filters;
    private final PersonalPages personal;
    private final EnrichmentStore enrichment;
    private final RelatedArticles related;

    ReaderController(ArticleStore articles, StoryStore stories, SourceStore sources, ArticleAssistant assistant,
            CommentSections comments, ReaderFilters filters, PersonalPages personal, EnrichmentStore enrichment,
            RelatedArticles related) {
        this.articles = articles;
        this.stories = stories;
        this.sources = sources;
        this.assistant = assistant;
        this.comments = comments;
        this.filters = filters;
        this.personal = personal;
        this.enrichment = enrichment;
        this.related = related;
    }

    @GetMapping("/article/{id}")
    String article(@PathVariable("id") long id, @RequestParam(name = "q", required = false) String question,
            @RequestParam(name = "ai", required = false) String feature, Locale locale,
            Model model, HttpServletResponse response) {
        Optional<ArticleView> article = articles.findById(id);
        if (article.isEmpty()) return NotFound.page(response, model, Message.of("notFound.article", id));
        ArticleText body = articles.body(id).orElse(ArticleText.NONE);
        model.addAttribute("article", article.get());
        model.addAttribute("body", body);
        model.addAttribute("ai", assistant.forArticle(article.get(), body, enrichment.digest(id, body.text()), question,
                feature, locale));
        model.addAttribute("coverage", filters.visible(stories.coverage(article.get(), COVERAGE)));
        model.addAttribute("related", filters.visible(related.similarTo(article.get(), RELATED)));
        model.addAttribute("personal", personal.onArticleOpened(article.get()));
        model.addAttribute("copies", articles.copiesOf(id));
        model.addAttribute("comments", comments.forArticle(id));
        model.addAttribute("topics", enrichment.topicsOf(id));
        return "article";
    }

    @GetMapping("/sources")
    String sources(Model model) {
        model.addAttribute("sources", sources.findAll());
        return "sources";
    }
}
