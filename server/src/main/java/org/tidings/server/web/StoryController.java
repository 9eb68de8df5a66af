package org.tidings.server.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.tidings.server.ai.StoryAssistant;
import org.tidings.server.comment.CommentCounts;
import org.tidings.server.comment.CommentSections;
import org.tidings.server.i18n.Message;
import org.tidings.server.store.StoryStore;
import org.tidings.server.store.ArticleView;

/** The page of one story: its digest across publishers and every report in order of publication. */
@Controller
class StoryController {

    private final StoryStore stories;
    private final StoryAssistant assistant;
    private final CommentSections comments;
    private final CommentCounts commentCounts;

    StoryController(StoryStore stories, StoryAssistant assistant, CommentSections comments, CommentCounts commentCounts) {
        this.stories = stories;
        this.assistant = assistant;
        this.comments = comments;
        this.commentCounts = commentCounts;
    }

    @GetMapping("/story/{id}")
    String story(@PathVariable("id") long id, @RequestParam(name = "ai", required = false) String feature,
            Model model, HttpServletResponse response) {
        List<ArticleView> timeline = stories.timeline(id);
        if (timeline.isEmpty()) return NotFound.page(response, model, Message.of("notFound.story", id));
        model.addAttribute("storyId", id);
        model.addAttribute("timeline", timeline);
        model.addAttribute("publishers", timeline.stream().map(ArticleView::sourceName).distinct().toList());
        model.addAttribute("digest", assistant.forStory(id, timeline, feature));
        model.addAttribute("commentCounts", commentCounts.of(timeline.stream().map(ArticleView::id).toList()));
        model.addAttribute("storyComments", comments.forStory(timeline));
        return "story";
    }
}
