package org.tidings.server.comment;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Function;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tidings.server.store.CommentStore;

/** The comment forms under an article (CSRF checked by Spring Security); each sends the reader back to the comment. */
@Controller
record CommentController(CommentDesk desk, CommentStore store) {

    /** "Sign in to comment": Spring Security remembers this address and brings the reader back after sign-in. */
    @GetMapping("/article/{articleId}/comment")
    String signInToComment(@PathVariable("articleId") long articleId) {
        if (Viewer.current(store).isEmpty()) throw new AccessDeniedException("sign in to comment");
        return "redirect:/article/" + articleId + "#comments";
    }

    @PostMapping("/article/{articleId}/comments")
    String post(@PathVariable("articleId") long articleId, @RequestParam(name = "text", defaultValue = "") String text,
            @RequestParam(name = "parent", required = false) Long parent,
            @RequestParam(name = "sort", required = false) String sort, HttpServletRequest request, RedirectAttributes flash) {
        return as(viewer -> {
            CommentDesk.Outcome outcome = desk.post(viewer, request.getRemoteAddr(), articleId, parent, text);
            if (outcome.problem() != null) {
                flash.addFlashAttribute("commentDraft", text.length() > 8000 ? text.substring(0, 8000) : text);
                flash.addFlashAttribute("commentDraftFor", parent);
            }
            return outcome;
        }, sort, flash);
    }

    @PostMapping("/comments/{id}/edit")
    String edit(@PathVariable("id") long id, @RequestParam(name = "text", defaultValue = "") String text,
            @RequestParam(name = "sort", required = false) String sort, RedirectAttributes flash) {
        return as(viewer -> desk.edit(viewer, id, text), sort, flash);
    }

    @PostMapping("/comments/{id}/delete")
    String delete(@PathVariable("id") long id, @RequestParam(name = "sort", required = false) String sort,
            RedirectAttributes flash) {
        return as(viewer -> desk.delete(viewer, id), sort, flash);
    }

    @PostMapping("/comments/{id}/like")
    String like(@PathVariable("id") long id, @RequestParam(name = "sort", required = false) String sort,
            RedirectAttributes flash) {
        return as(viewer -> desk.like(viewer, id), sort, flash);
    }

    @PostMapping("/comments/{id}/report")
    String report(@PathVariable("id") long id, @RequestParam(name = "reason", defaultValue = "other") String reason,
            @RequestParam(name = "sort", required = false) String sort, RedirectAttributes flash) {
        return as(viewer -> desk.report(viewer, id, reason), sort, flash);
    }

    private String as(Function<Viewer, CommentDesk.Outcome> action, String sort, RedirectAttributes flash) {
        return Viewer.current(store).map(viewer -> back(action.apply(viewer), sort, flash)).orElse("redirect:/login");
    }

    private static String back(CommentDesk.Outcome outcome, String sort, RedirectAttributes flash) {
        if (outcome.notice() != null) flash.addFlashAttribute("commentNotice", outcome.notice());
        if (outcome.problem() != null) flash.addFlashAttribute("commentProblem", outcome.problem());
        if (outcome.commentId() != null) flash.addFlashAttribute("commentAbout", outcome.commentId());
        String query = sort == null ? "" : "?sort=" + CommentSection.Sort.of(sort).code();
        String anchor = outcome.commentId() == null ? "#comments" : "#comment-" + outcome.commentId();
        return "redirect:/article/" + outcome.articleId() + query + anchor;
    }
}
