package org.tidings.server.article;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.View;
import org.tidings.article.ArticleText;
import org.tidings.server.ai.ArticleAssistant;
import org.tidings.server.ai.StoryAssistant;
import org.tidings.server.comment.CommentSections;
import org.tidings.server.personal.PersonalPages;
import org.tidings.server.personal.ReaderFilters;
import org.tidings.server.site.NotFound;
import org.tidings.server.store.Archive;
import org.tidings.server.store.ArticleView;
import org.tidings.server.store.EnrichmentStore;
import org.tidings.server.store.SourceStore;
import org.tidings.story.Story;

/** One article's page, and one story's page: its digest across publishers and every report in order of publication. */
@Controller
record ArticleController(Archive archive, EnrichmentStore enrichment, RelatedArticles related,
        ArticleAssistant articleAssistant, StoryAssistant storyAssistant, CommentSections comments,
        ReaderFilters filters, PersonalPages personal, SourceStore sources) {

    /** Other reports of the same story shown beside an article: enough to compare, not a second front page. */
    static final int COVERAGE = 8;
    /** Similar articles of other stories shown after them: a few leads to follow, not a list to scroll. */
    static final int RELATED = 6;

    @GetMapping("/article/{id}")
    String article(@PathVariable("id") long id, @RequestParam(name = "q", required = false) String question,
            @RequestParam(name = "ai", required = false) String feature, Locale locale, Model model) {
        ArticleView article = archive.findById(id).filter(a -> !personal.hidden(a)).orElseThrow(() -> new NotFound("notFound.article", id));
        ArticleText body = archive.body(id).orElse(ArticleText.NONE);
        model.addAttribute("article", article);
        model.addAttribute("body", body);
        model.addAttribute("ai", articleAssistant.forArticle(article, body, enrichment.digest(id, body.text()), question,
                feature, locale));
        model.addAttribute("coverage", filters.visible(archive.coverage(article, COVERAGE)));
        model.addAttribute("related", filters.visible(related.similarTo(article, RELATED)));
        model.addAttribute("personal", personal.onArticleOpened(article));
        model.addAttribute("copies", archive.copiesOf(id));
        model.addAttribute("comments", comments.forArticle(id));
        model.addAttribute("topics", enrichment.topicsOf(id));
        return "article";
    }

    /**
     * A story's page. A story bears the id of the article that founded it; when the story desk merges it into another,
     * that article goes with it, and so the story's address leads (for good: 301) to the story it became part of.
     */
    @GetMapping("/story/{id}")
    String story(@PathVariable("id") long id, @RequestParam(name = "ai", required = false) String feature, Model model,
            HttpServletRequest request) {
        List<ArticleView> timeline = archive.timeline(id);
        if (timeline.isEmpty()) {
            Long mergedInto = archive.findById(id).map(ArticleView::storyId).filter(story -> story != id).orElse(null);
            if (mergedInto == null) throw new NotFound("notFound.story", id);
            request.setAttribute(View.RESPONSE_STATUS_ATTRIBUTE, HttpStatus.MOVED_PERMANENTLY);
            return "redirect:/story/" + mergedInto;
        }
        model.addAttribute("storyId", id);
        model.addAttribute("timeline", timeline);
        // the story's title: its most representative headline, as on the front page
        model.addAttribute("headline", timeline.get(Math.max(0, Story.representative(
                timeline.stream().map(ArticleView::title).toList()))).title());
        model.addAttribute("publishers", timeline.stream().map(ArticleView::sourceName).distinct().toList());
        model.addAttribute("chart", CoverageChart.of(timeline,
                sources.regions(timeline.stream().map(ArticleView::sourceId).distinct().toList())));
        model.addAttribute("digest", storyAssistant.forStory(id, timeline, feature));
        model.addAttribute("commentCounts", comments.counts(timeline.stream().map(ArticleView::id).toList()));
        model.addAttribute("storyComments", comments.forStory(timeline));
        return "story";
    }
}
