package org.tidings.server.comment;

import java.time.Instant;
import org.tidings.server.store.CommentStatus;

/** One comment of the moderation queue as the page shows it: its text as safe HTML, and why it waits. */
public record QueuedComment(long id, long articleId, String articleTitle, String author, String html,
        CommentStatus status, Instant createdAt, int reports, String reasons, boolean authorSuspended) {

    public boolean held() {
        return status == CommentStatus.HELD;
    }

    public boolean hidden() {
        return status == CommentStatus.HIDDEN;
    }
}
