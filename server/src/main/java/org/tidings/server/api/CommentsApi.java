package org.tidings.server.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tidings.server.comment.CommentDesk;
import org.tidings.server.comment.CommentSection;
import org.tidings.server.comment.CommentSections;
import org.tidings.server.comment.Viewer;
import org.tidings.server.store.CommentStore;

/**
 * Readers' comments under an article, read by anyone and written with a read-write token, through the site's own
 * comment desk: the same length limits, rate limits, holding of links from new accounts, edit window and ownership.
 * What the desk refuses and a reader can fix is a problem (422; 429 when too fast; 403 when suspended).
 */
@RestController
@RequestMapping(path = ApiSecurity.PREFIX, produces = MediaType.APPLICATION_JSON_VALUE)
record CommentsApi(CommentSections sections, CommentDesk desk, CommentStore store, RequestBodies bodies, MessageSource messages) {

    /** A new comment, or a reply to {@code parent}. */
    record NewComment(String text, Long parent) {}

    record Edit(String text) {}

    /** The threads of an article as its page shows them to the bearer ({@code ?sort=newest|oldest|top}, {@code ?threads=}). */
    @GetMapping("/articles/{id}/comments")
    Views.Comments comments(@PathVariable("id") long articleId) {
        if (!store.articleExists(articleId)) throw ApiProblem.notFound("article", articleId);
        CommentSection section = sections.forArticle(articleId);
        return new Views.Comments(articleId, section.sort().code(), section.visible(),
                section.threads().stream().map(Views.Comment::of).toList(), section.more());
    }

    @PostMapping("/articles/{id}/comments")
    ResponseEntity<Views.CommentDone> post(@PathVariable("id") long articleId, HttpServletRequest request, Locale locale) {
        NewComment comment = bodies.read(request, NewComment.class);
        Viewer viewer = viewer();
        return answer(viewer, desk.post(viewer, request.getRemoteAddr(), articleId, comment.parent(), text(comment.text())),
                HttpStatus.CREATED, locale);
    }

    @PatchMapping("/comments/{id}")
    ResponseEntity<Views.CommentDone> edit(@PathVariable("id") long id, HttpServletRequest request, Locale locale) {
        Edit edit = bodies.read(request, Edit.class);
        Viewer viewer = viewer();
        return answer(viewer, desk.edit(viewer, id, text(edit.text())), HttpStatus.OK, locale);
    }

    @DeleteMapping("/comments/{id}")
    ResponseEntity<Views.CommentDone> delete(@PathVariable("id") long id, Locale locale) {
        Viewer viewer = viewer();
        return answer(viewer, desk.delete(viewer, id), HttpStatus.OK, locale);
    }

    private Viewer viewer() {
        return Viewer.current(store).orElseThrow(() -> new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthorized", null));
    }

    private static String text(String text) {
        return text == null ? "" : text;
    }

    private ResponseEntity<Views.CommentDone> answer(Viewer viewer, CommentDesk.Outcome outcome, HttpStatus done, Locale locale) {
        if (outcome.problem() != null) {
            String key = outcome.problem().key();
            HttpStatus status = switch (key) {
                case "comments.problem.tooFast" -> HttpStatus.TOO_MANY_REQUESTS;
                case "comments.problem.suspended" -> HttpStatus.FORBIDDEN;
                default -> HttpStatus.UNPROCESSABLE_CONTENT;
            };
            throw new ApiProblem(status, status == HttpStatus.UNPROCESSABLE_CONTENT ? "invalid" : status == HttpStatus.FORBIDDEN
                    ? "suspended" : "rate-limited", outcome.problem());
        }
        String said = outcome.notice() == null ? null
                : messages.getMessage(outcome.notice().key(), outcome.notice().args().toArray(), locale);
        String status = store.find(outcome.commentId(), viewer.id()).map(c -> c.status().code()).orElse(null);
        return ResponseEntity.status(done).body(new Views.CommentDone(outcome.commentId(), status, said));
    }
}
