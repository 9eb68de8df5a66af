package org.tidings.server.greader;

import java.util.Optional;
import java.util.regex.Pattern;
import org.tidings.server.store.SubscriptionStore;
import org.tidings.server.store.SubscriptionStore.Scope;

/**
 * The protocol's stream ids, read as the articles they name: {@code feed/<address>}, the reader's states
 * ({@code user/-/state/com.google/reading-list}, {@code starred}, {@code read}) and labels ({@code user/-/label/<name>}).
 * {@code user/-} may also name the reader by number ({@code user/42/...}), as Google Reader itself answered.
 */
final class StreamIds {

    static final String READING_LIST = "user/-/state/com.google/reading-list";
    static final String STARRED = "user/-/state/com.google/starred";
    static final String READ = "user/-/state/com.google/read";
    static final String LABEL = "user/-/label/";
    static final String FEED = "feed/";
    private static final Pattern USER = Pattern.compile("^user/[0-9]+/");

    private StreamIds() {}

    /** The id with the reader's number replaced by {@code -}. */
    static String normalize(String streamId) {
        return streamId == null ? "" : USER.matcher(streamId.strip()).replaceFirst("user/-/");
    }

    static boolean isState(String streamId, String state) {
        return normalize(streamId).equals(state);
    }

    /** The articles the stream id names for this reader, or empty when it names none this reader may read. */
    static Optional<Scope> scope(long reader, String streamId, SubscriptionStore store) {
        String id = normalize(streamId);
        if (id.isEmpty() || id.equals(READING_LIST)) return Optional.of(new Scope.Everything());
        if (id.equals(STARRED)) return Optional.of(new Scope.Starred());
        if (id.equals(READ)) return Optional.of(new Scope.Read());
        if (id.startsWith(LABEL) && id.length() > LABEL.length()) return Optional.of(new Scope.OfLabel(id.substring(LABEL.length())));
        if (id.startsWith(FEED)) return store.visibleSource(reader, id.substring(FEED.length())).map(Scope.OfSource::new);
        return Optional.empty();
    }
}
