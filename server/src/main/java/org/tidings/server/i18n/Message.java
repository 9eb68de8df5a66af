package org.tidings.server.i18n;

import java.io.Serializable;
import java.util.List;

/**
 * A sentence for a reader as a bundle key and arguments: the code that decides what to say leaves the language open.
 * Serializable, as a notice shown after a redirect is kept in the reader's session, which is in the database; its
 * arguments are strings and numbers.
 */
public record Message(String key, List<Object> args) implements Serializable {

    public static Message of(String key, Object... args) {
        return new Message(key, List.of(args));
    }
}
