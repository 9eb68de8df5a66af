package org.tidings.server.comment;

import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tidings.server.i18n.Message;
import org.tidings.server.store.CommentStore;

/** The moderation queue and the moderators' decisions; moderators and administrators only. */
@Controller
record ModerationController(Moderation moderation, CommentStore store) {

    /** The longest note a moderator may keep with a decision (the column holds 500). */
    private static final int NOTE_LENGTH = 500;

    @GetMapping("/moderation")
    String queue(Model model) {
        model.addAttribute("queue", moderation.queue(moderator()).stream().map(q -> new QueuedComment(
                q.comment().id(), q.comment().articleId(), q.articleTitle(), CommentSections.display(q.comment()),
                CommentText.toHtml(q.comment().body()), q.comment().status(), q.comment().createdAt(), q.openReports(),
                q.reasons(), q.authorSuspended())).toList());
        return "moderation";
    }

    @PostMapping("/moderation/comments/{id}/{action:hide|restore|approve|dismiss|delete|suspend|lift}")
    String decide(@PathVariable("id") long id, @PathVariable("action") String action,
            @RequestParam(name = "note", defaultValue = "") String note,
            @RequestParam(name = "back", defaultValue = "queue") String back, RedirectAttributes flash) {
        Moderation.Action decision = Moderation.Action.valueOf(action.toUpperCase(Locale.ROOT));
        String kept = note.isBlank() ? null : note.strip().substring(0, Math.min(note.strip().length(), NOTE_LENGTH));
        long articleId = moderation.decide(moderator(), id, decision, kept);
        Message done = Message.of("moderation.done." + decision.name().toLowerCase(Locale.ROOT));
        boolean toArticle = back.equals("article");
        flash.addFlashAttribute(toArticle ? "commentNotice" : "notice", done);
        if (toArticle) flash.addFlashAttribute("commentAbout", id);
        return toArticle ? "redirect:/article/" + articleId + "#comment-" + id : "redirect:/moderation";
    }

    /** The signed-in reader, whom {@link Moderation} refuses unless a moderator (the security chain signs in anonymous ones). */
    private Viewer moderator() {
        return Viewer.current(store).orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    }
}
