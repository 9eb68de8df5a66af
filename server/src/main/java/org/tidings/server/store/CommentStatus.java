package org.tidings.server.store;

import java.util.Arrays;
import java.util.Locale;

/** Where a comment stands, as stored in {@code comment.status} (the name in lower case). */
public enum CommentStatus {
    VISIBLE,
    /** Waiting for a moderator (links from a new account): only its author and moderators see it. */
    HELD,
    /** Hidden by a moderator: gone for readers, kept for the record. */
    HIDDEN,
    /** Deleted by its author or a moderator: its text is never shown again. */
    DELETED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static CommentStatus of(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown comment status " + code));
    }
}
