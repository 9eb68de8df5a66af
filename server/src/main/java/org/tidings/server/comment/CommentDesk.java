package org.tidings.server.comment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;
import org.tidings.server.account.TokenBuckets;
import org.tidings.server.config.TidingsProperties;
import org.tidings.server.i18n.Message;
import org.tidings.server.store.CommentStatus;
import org.tidings.server.store.CommentStore;
import org.tidings.server.store.LimitStore;

/**
 * What readers do with comments; every action checks the object it touches. Refusals a reader can
 * fix are a {@link Message}; what is not theirs is a 403, what they cannot see a 404.
 */
@Service
public class CommentDesk {

    private static final Logger log = LoggerFactory.getLogger(CommentDesk.class);
    static final Set<String> REPORT_REASONS = Set.of("spam", "abuse", "offTopic", "other");

    /** Where the reader goes next, and what they are told there. */
    public record Outcome(long articleId, Long commentId, Message notice, Message problem) {

        static Outcome done(long articleId, long commentId, String noticeKey) {
            return new Outcome(articleId, commentId, Message.of(noticeKey), null);
        }

        static Outcome refused(long articleId, Long commentId, Message problem) {
            return new Outcome(articleId, commentId, null, problem);
        }
    }

    private final CommentStore store;
    private final TidingsProperties.Comments settings;
    private final Clock clock;
    private final TokenBuckets perReader;
    private final TokenBuckets perAddress;

    CommentDesk(CommentStore store, LimitStore limits, TidingsProperties properties, Clock clock) {
        this.store = store;
        this.settings = properties.comments();
        this.clock = clock;
        // in the database, so that a reader's limit is the same through every process
        this.perReader = TokenBuckets.shared("comment-reader", settings.userBurst(), settings.userEvery(), clock, limits);
        this.perAddress = TokenBuckets.shared("comment-address", settings.addressBurst(), settings.addressEvery(), clock, limits);
    }

    /** A reply when {@code parentId} is set. */
    public Outcome post(Viewer viewer, String address, long articleId, Long parentId, String text) {
        if (!store.articleExists(articleId)) throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        if (viewer.suspended()) return Outcome.refused(articleId, null, Message.of("comments.problem.suspended"));
        Long rootId = null;
        if (parentId != null) {
            CommentStore.Stored parent = visibleTo(viewer, parentId);
            if (parent.articleId() != articleId || parent.status() != CommentStatus.VISIBLE) {
                return Outcome.refused(articleId, null, Message.of("comments.problem.parentGone"));
            }
            rootId = parent.threadId();
        }
        String body = CommentText.clean(text);
        Optional<Message> problem = CommentText.problem(body, settings);
        if (problem.isPresent()) return Outcome.refused(articleId, parentId, problem.get());
        if (!perReader.takeWith("reader:" + viewer.id(), perAddress, "address:" + address).isZero()) {
            log.atInfo().addKeyValue("event", "comment_rate_limited").addKeyValue("account_id", viewer.id())
                    .addKeyValue("address", address).addKeyValue("article_id", articleId).log("Comment refused: too many too fast");
            return Outcome.refused(articleId, parentId, Message.of("comments.problem.tooFast"));
        }
        CommentStatus status = heldForReview(viewer, body) ? CommentStatus.HELD : CommentStatus.VISIBLE;
        long id = store.insert(articleId, parentId, rootId, viewer.id(), body, status);
        log.atInfo().addKeyValue("event", "comment_posted").addKeyValue("comment_id", id).addKeyValue("article_id", articleId)
                .addKeyValue("account_id", viewer.id()).addKeyValue("status", status.code()).log("Comment posted");
        return Outcome.done(articleId, id, status == CommentStatus.HELD ? "comments.notice.held" : "comments.notice.posted");
    }

    /** Within the edit window; the comment is then shown as edited. */
    public Outcome edit(Viewer viewer, long commentId, String text) {
        CommentStore.Stored comment = ownedBy(viewer, commentId);
        if (viewer.suspended()) return Outcome.refused(comment.articleId(), commentId, Message.of("comments.problem.suspended"));
        if (!editable(comment, clock.instant(), settings.editWindow())) {
            return Outcome.refused(comment.articleId(), commentId, Message.of("comments.problem.editWindow"));
        }
        String body = CommentText.clean(text);
        Optional<Message> problem = CommentText.problem(body, settings);
        if (problem.isPresent()) return Outcome.refused(comment.articleId(), commentId, problem.get());
        CommentStatus status = comment.status() == CommentStatus.HELD || heldForReview(viewer, body)
                ? CommentStatus.HELD : CommentStatus.VISIBLE;
        store.edit(commentId, body, status);
        log.atInfo().addKeyValue("event", "comment_edited").addKeyValue("comment_id", commentId)
                .addKeyValue("account_id", viewer.id()).log("Comment edited");
        return Outcome.done(comment.articleId(), commentId, "comments.notice.edited");
    }

    /** Its replies stay, under a "deleted" placeholder. */
    public Outcome delete(Viewer viewer, long commentId) {
        CommentStore.Stored comment = ownedBy(viewer, commentId);
        if (comment.status() != CommentStatus.DELETED) store.setStatus(commentId, CommentStatus.DELETED);
        log.atInfo().addKeyValue("event", "comment_deleted").addKeyValue("comment_id", commentId)
                .addKeyValue("account_id", viewer.id()).log("Comment deleted by its author");
        return Outcome.done(comment.articleId(), commentId, "comments.notice.deleted");
    }

    /** Likes a visible comment, or takes the like back. */
    Outcome like(Viewer viewer, long commentId) {
        CommentStore.Stored comment = visibleTo(viewer, commentId);
        if (viewer.suspended()) return Outcome.refused(comment.articleId(), commentId, Message.of("comments.problem.suspended"));
        if (comment.status() != CommentStatus.VISIBLE) throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        store.toggleLike(commentId, viewer.id());
        return new Outcome(comment.articleId(), commentId, null, null);
    }

    Outcome report(Viewer viewer, long commentId, String reason) {
        CommentStore.Stored comment = visibleTo(viewer, commentId);
        if (comment.status() != CommentStatus.VISIBLE) throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        if (viewer.wrote(comment)) {
            return Outcome.refused(comment.articleId(), commentId, Message.of("comments.problem.ownReport"));
        }
        String why = REPORT_REASONS.contains(reason) ? reason : "other";
        boolean first = store.report(commentId, viewer.id(), why);
        log.atInfo().addKeyValue("event", "comment_reported").addKeyValue("comment_id", commentId)
                .addKeyValue("account_id", viewer.id()).addKeyValue("reason", why).addKeyValue("first", first)
                .log("Comment reported");
        return Outcome.done(comment.articleId(), commentId, "comments.notice.reported");
    }

    static boolean editable(CommentStore.Stored comment, Instant now, Duration window) {
        return (comment.status() == CommentStatus.VISIBLE || comment.status() == CommentStatus.HELD)
                && now.isBefore(comment.createdAt().plus(window));
    }

    /**
     * Links from new accounts (too young, or too few visible comments) wait for a moderator: spam
     * arrives from fresh accounts with links. Moderators are never held.
     */
    private boolean heldForReview(Viewer viewer, String body) {
        if (viewer.moderator() || !CommentText.hasLink(body)) return false;
        Instant created = store.member(viewer.name()).map(CommentStore.Member::createdAt).orElse(Instant.EPOCH);
        boolean young = clock.instant().isBefore(created.plus(settings.newAccountAge()));
        return young || store.visibleCommentsBy(viewer.id()) < settings.approvedToTrust();
    }

    /** The comment, if this viewer may see it at all; otherwise a 404 (hidden and held ones are not acknowledged). */
    private CommentStore.Stored visibleTo(Viewer viewer, long commentId) {
        CommentStore.Stored comment = store.find(commentId, viewer.id())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        boolean seen = comment.status() == CommentStatus.VISIBLE || comment.status() == CommentStatus.DELETED
                || (comment.status() == CommentStatus.HELD && viewer.wrote(comment)) || viewer.moderator();
        if (!seen) throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        return comment;
    }

    /** The comment, if this viewer wrote it; another reader's comment is a 403, whatever their role. */
    private CommentStore.Stored ownedBy(Viewer viewer, long commentId) {
        CommentStore.Stored comment = visibleTo(viewer, commentId);
        if (!viewer.wrote(comment)) {
            log.atWarn().addKeyValue("event", "comment_not_owner").addKeyValue("comment_id", commentId)
                    .addKeyValue("account_id", viewer.id()).log("Refused: a reader tried to change another's comment");
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        if (comment.status() == CommentStatus.DELETED || comment.status() == CommentStatus.HIDDEN) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return comment;
    }
}
