package org.tidings.feed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The full result of reading one feed, in the Universal Feed Parser's normalized model: ordered
 * maps for the feed and each entry, with feedparser's keys and meanings (HTML values already
 * sanitized, URLs resolved, {@code *_parsed} dates as Python 9-tuples in UTC).
 *
 * @param version  feedparser's version name, "" when the document is not a feed
 * @param problems well-formedness and encoding problems met, in order (empty when well-formed)
 * @param encoding the encoding the bytes were decoded with
 * @param feed     the feed-level values
 * @param entries  one map per entry, in document order
 * @param leftOut  entries past {@link FeedModel#MAX_ENTRIES}, counted but not read
 * @param namespaces the namespaces the document declares, by feedparser's prefix for those it knows
 */
record FeedDocument(String version, List<String> problems, String encoding,
                    Map<String, Object> feed, List<Map<String, Object>> entries, int leftOut, Map<String, String> namespaces) {

    static FeedDocument empty(List<String> problems, String encoding) {
        return new FeedDocument("", problems, encoding, new LinkedHashMap<>(), new ArrayList<>(), 0, Map.of());
    }

    boolean bozo() {
        return !problems.isEmpty();
    }

    String bozoReason() {
        return problems.isEmpty() ? null : problems.get(0);
    }
}
