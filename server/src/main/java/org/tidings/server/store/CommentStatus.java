package org.tidings.server.store;

import java.util.Arrays;

/** Where a comment stands, as stored in {@code comment.status}. */
public enum CommentStatus {
    /** Readers see it. */
    VISIBLE("visible"),
    /** Waiting for a moderator (links from a new account): only its author and moderators see it. */
    HELD("held"),
    /** Hidden by a moderator: gone for readers, kept for the record. */
    HIDDEN("hidden"),
    /** Deleted by its author or a moderator: its text is never shown again. */
    DELETED("deleted");

    private final String code;

    CommentStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    static CommentStatus of(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown comment status " + code));
    }
}
