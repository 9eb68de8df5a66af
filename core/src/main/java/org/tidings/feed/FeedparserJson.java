package org.tidings.feed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A feed in Python feedparser's normalized model, as an ordered, JSON-serializable map. Dates keep
 * their text; {@code *_parsed} hold the same instant as Python's 9-tuple {@code time.struct_time} in UTC.
 */
public final class FeedparserJson {

    private FeedparserJson() {}

    public static Map<String, Object> toMap(byte[] body, String contentType, String url) {
        return toMap(body, contentType, url, null);
    }

    /** @param contentLanguage the HTTP Content-Language header, or null */
    public static Map<String, Object> toMap(byte[] body, String contentType, String url, String contentLanguage) {
        FeedDocument doc = FeedParser.read(body, contentType, url, contentLanguage);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("bozo", doc.bozo());
        if (doc.bozo()) out.put("bozo_exception", doc.bozoReason());
        out.put("encoding", doc.encoding());
        out.put("version", doc.version());
        out.put("namespaces", doc.namespaces());
        if (url != null) out.put("href", url);
        out.put("feed", doc.feed());
        out.put("entries", doc.entries().stream().map(FeedparserJson::withSummaryFromContent).toList());
        return out;
    }

    /**
     * As feedparser does: an entry without a summary gets its first textual content as the
     * summary (and summary_detail). Only this view does it; {@link FeedEntry} keeps them apart. The id as
     * written, kept for the server, is not printed.
     */
    private static Map<String, Object> withSummaryFromContent(Map<String, Object> entry) {
        Map<String, Object> copy = new LinkedHashMap<>(entry);
        copy.remove(FeedModel.ID_AS_WRITTEN);
        if (entry.containsKey("summary") || !(entry.get("content") instanceof List<?> contents)) return copy;
        for (Object c : contents) {
            if (c instanceof Map<?, ?> first && TextConstructs.TEXTUAL.contains(String.valueOf(first.get("type")))) {
                copy.put("summary", first.get("value"));
                copy.put("summary_detail", new LinkedHashMap<>(first));
                break;
            }
        }
        return copy;
    }
}
