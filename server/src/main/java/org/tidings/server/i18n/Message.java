package org.tidings.server.i18n;

import java.util.List;

/** A sentence for a reader as a bundle key and arguments: the code that decides what to say leaves the language open. */
public record Message(String key, List<Object> args) {

    public static Message of(String key, Object... args) {
        return new Message(key, List.of(args));
    }
}
