package org.tidings.server.comment;

import java.time.Instant;
import java.util.List;
import org.tidings.server.store.CommentStatus;

/**
 * One comment as a page shows it: its text already made safe HTML ({@link #html}), who wrote it
 * ({@code author} null: a deleted account), and what this reader may do with it.
 *
 * @param body     the comment as typed, for its author's edit form only (null for everyone else)
 * @param replyingTo the author a reply answers, when it answers a reply rather than the thread's first comment
 */
public record CommentView(long id, long articleId, String author, String html, CommentStatus status, Instant createdAt,
        boolean edited, int likes, boolean liked, boolean mine, boolean editable, boolean canReport, String body,
        String replyingTo, List<CommentView> replies) {

    public boolean deleted() {
        return status == CommentStatus.DELETED;
    }

    /** Hidden by a moderator and shown to a reader: a placeholder without its text or author. */
    public boolean removed() {
        return status == CommentStatus.HIDDEN && html.isEmpty();
    }

    public boolean held() {
        return status == CommentStatus.HELD;
    }

    public boolean hidden() {
        return status == CommentStatus.HIDDEN;
    }

    public boolean authorDeleted() {
        return author == null;
    }

    public String anchor() {
        return "comment-" + id;
    }
}
