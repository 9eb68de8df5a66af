package org.tidings.server.site;

import org.tidings.server.i18n.Message;

/** What a reader asked for does not exist: thrown by a page, shown as the error page with a sentence that names it. */
public final class NotFound extends RuntimeException {

    private final transient Message message;

    public NotFound(String key, Object... args) {
        super(key, null, false, false); // an answer, not a failure: no stack trace
        this.message = Message.of(key, args);
    }

    Message message() {
        return message;
    }
}
