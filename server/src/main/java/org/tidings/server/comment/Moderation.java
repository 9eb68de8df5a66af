package org.tidings.server.comment;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;
import org.tidings.server.store.CommentStatus;
import org.tidings.server.store.CommentStore;

/** Held and reported comments, and the moderators' decisions: each logged in the moderation log and one log line. */
@Service
class Moderation {

    private static final Logger log = LoggerFactory.getLogger(Moderation.class);
    /** Comments shown in the queue at once: a moderator works from the oldest. */
    static final int QUEUE_PAGE = 100;

    /**
     * A moderator's decisions: about a comment (hide it, show it again, approve a held one, delete it, or keep it as it is
     * and dismiss its reports), each of which answers its reports; or about its author (suspend, lift).
     */
    enum Action { HIDE, RESTORE, APPROVE, DISMISS, DELETE, SUSPEND, LIFT }

    private final CommentStore store;

    Moderation(CommentStore store) {
        this.store = store;
    }

    List<CommentStore.Queued> queue(Viewer moderator) {
        requireModerator(moderator);
        return store.queue(QUEUE_PAGE);
    }

    /** Applies a decision about a comment (or its author); returns the article the comment is on. */
    @Transactional
    long decide(Viewer moderator, long commentId, Action action, String note) {
        requireModerator(moderator);
        CommentStore.Stored comment = store.find(commentId, moderator.id())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Long authorId = comment.authorId();
        boolean aboutComment = action != Action.SUSPEND && action != Action.LIFT;
        // a deleted comment stays deleted: its author took it back, or a moderator decided for good;
        // a comment without an author has no one to suspend or lift
        if (aboutComment ? comment.status() == CommentStatus.DELETED : authorId == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        switch (action) {
            case HIDE -> store.setStatus(commentId, CommentStatus.HIDDEN);
            case RESTORE, APPROVE -> store.setStatus(commentId, CommentStatus.VISIBLE);
            case DISMISS -> { } // the comment stays as it is; its reports are answered below
            case DELETE -> store.setStatus(commentId, CommentStatus.DELETED);
            case SUSPEND -> {
                if (authorId == moderator.id()) throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
                store.suspend(authorId, moderator.id(), note);
            }
            case LIFT -> store.lift(authorId);
        }
        if (aboutComment) store.resolveReports(commentId);
        String name = action.name().toLowerCase(java.util.Locale.ROOT);
        store.log(moderator.id(), name, commentId, authorId, note);
        log.atInfo().addKeyValue("event", "moderation").addKeyValue("action", name)
                .addKeyValue("moderator_id", moderator.id()).addKeyValue("comment_id", commentId)
                .addKeyValue("account_id", authorId).addKeyValue("article_id", comment.articleId())
                .log("Moderator decision");
        return comment.articleId();
    }

    private static void requireModerator(Viewer viewer) {
        if (!viewer.moderator()) throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }
}
