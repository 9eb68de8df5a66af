package org.tidings.server.api;

import java.util.List;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.tidings.server.i18n.Message;

/** How many items a page of the API holds: {@code limit} when asked, within bounds; a larger page is refused, not cut. */
final class Paging {

    static final int DEFAULT = 20;
    static final int MAX = 100;
    /** Saved articles and history are paged by position, this deep at most: beyond it, a reader searches. */
    static final int MAX_DEPTH = 1000;

    private Paging() {}

    static int size(Integer requested) {
        return size(requested, DEFAULT, MAX);
    }

    static int size(Integer requested, int fallback, int max) {
        if (requested == null) return fallback;
        if (requested < 1 || requested > max) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "page-size", Message.of("api.problem.detail.pageSize", max));
        }
        return requested;
    }

    /**
     * A page of a list read by position (offset in the cursor), from {@code read(n)}, the list's first n items: the
     * page, and the cursor of the next one if there is one within {@link #MAX_DEPTH}.
     */
    static <T> Views.Page<T> byPosition(String cursor, String list, int size, Function<Integer, List<T>> read) {
        int from = cursor == null ? 0 : (int) Math.min(MAX_DEPTH, Math.max(0, Cursor.number(Cursor.read(cursor, list, 1).getFirst())));
        List<T> firstItems = read.apply(Math.min(MAX_DEPTH, from + size) + 1);
        List<T> page = firstItems.subList(Math.min(from, firstItems.size()), Math.min(from + size, firstItems.size()));
        boolean more = firstItems.size() > from + size && from + size < MAX_DEPTH;
        return new Views.Page<>(page, more ? Cursor.of(list, Integer.toString(from + size)) : null);
    }
}
