package org.tidings.server.comment;

import java.time.Instant;
import java.util.List;
import org.tidings.server.store.CommentStatus;

/**
 * One comment as a page shows it ({@code author} null: a deleted account). {@code body} is the text
 * as typed, for its author's edit form only; {@code replyingTo} names the reply it answers, if any.
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
