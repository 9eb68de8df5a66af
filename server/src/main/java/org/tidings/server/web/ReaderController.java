package org.tidings.server.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.tidings.server.ai.ArticleAssistant;
import org.tidings.server.i18n.Message;
import org.tidings.server.store.ArticleStore;
import org.tidings.server.store.ArticleView;
import org.tidings.server.store.EnrichmentStore;
import org.tidings.server.store.SourceStore;

/** The pages every reader sees: one article, one story, and the sources with their health (the front page is HomeController's). */
@Controller
class ReaderController {

    /** Other reports of the same story shown beside an article: enough to compare, not a second front page. */
    static final int COVERAGE = 8;

    private final ArticleStore articles;
    private final SourceStore sources;

    private final ArticleAssistant assistant;
    private final EnrichmentStore enrichment;

    ReaderController(ArticleStore articles, SourceStore sources, ArticleAssistant assistant, EnrichmentStore enrichment) {
        this.articles = articles;
        this.sources = sources;
        this.assistant = assistant;
        this.enrichment = enrichment;
    }

    @GetMapping("/article/{id}")
    String article(@PathVariable("id") long id, @RequestParam(name = "q", required = false) String question,
            Model model, HttpServletResponse response) {
        Optional<ArticleView> article = articles.findById(id);
        if (article.isEmpty()) return NotFound.page(response, model, Message.of("notFound.article", id));
        model.addAttribute("article", article.get());
        model.addAttribute("ai", assistant.forArticle(article.get(), question));
        model.addAttribute("coverage", articles.coverage(article.get(), COVERAGE));
        model.addAttribute("copies", articles.copiesOf(id));
        model.addAttribute("topics", enrichment.topicsOf(id));
        return "article";
    }

    @GetMapping("/story/{id}")
    String story(@PathVariable("id") long id, Model model, HttpServletResponse response) {
        List<ArticleView> timeline = articles.story(id);
        if (timeline.isEmpty()) return NotFound.page(response, model, Message.of("notFound.story", id));
        model.addAttribute("storyId", id);
        model.addAttribute("timeline", timeline);
        model.addAttribute("publishers", timeline.stream().map(ArticleView::sourceName).distinct().toList());
        return "story";
    }

    @GetMapping("/sources")
    String sources(Model model) {
        model.addAttribute("sources", sources.findAll());
        return "sources";
    }
}
