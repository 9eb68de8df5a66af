package org.tidings.server.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.tidings.server.ai.StoryAssistant;
import org.tidings.server.i18n.Message;
import org.tidings.server.store.ArticleStore;
import org.tidings.server.store.ArticleView;

/** The page of one story: its digest across publishers and every report in order of publication. */
@Controller
class StoryController {

    private final ArticleStore articles;
    private final StoryAssistant assistant;

    StoryController(ArticleStore articles, StoryAssistant assistant) {
        this.articles = articles;
        this.assistant = assistant;
    }

    @GetMapping("/story/{id}")
    String story(@PathVariable("id") long id, @RequestParam(name = "ai", required = false) String feature,
            Model model, HttpServletResponse response) {
        List<ArticleView> timeline = articles.story(id);
        if (timeline.isEmpty()) return NotFound.page(response, model, Message.of("notFound.story", id));
        model.addAttribute("storyId", id);
        model.addAttribute("timeline", timeline);
        model.addAttribute("publishers", timeline.stream().map(ArticleView::sourceName).distinct().toList());
        model.addAttribute("digest", assistant.forStory(id, timeline, feature));
        return "story";
    }
}
