package org.tidings.server.i18n;

import java.util.List;

/**
 * A sentence for a reader, as a key of the message bundles and its arguments, so that the code
 * that decides what to say does not decide the language it is said in. Pages render it with
 * {@code page.t(message)}.
 */
public record Message(String key, List<Object> args) {

    public static Message of(String key, Object... args) {
        return new Message(key, List.of(args));
    }
}
