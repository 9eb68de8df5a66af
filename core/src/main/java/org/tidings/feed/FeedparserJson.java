package org.tidings.feed;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A feed in the Universal Feed Parser's (Python feedparser) normalized model, as an ordered,
 * JSON-serializable map: {@code bozo}, {@code bozo_exception} (when bozo), {@code encoding},
 * {@code version}, {@code feed}, {@code entries}. Dates keep their text; {@code *_parsed} hold the
 * same instant as an ISO-8601 UTC string. HTML values are sanitized, as feedparser sanitizes.
 */
public final class FeedparserJson {

    private FeedparserJson() {}

    public static Map<String, Object> toMap(byte[] body, String contentType, String url) {
        FeedDocument doc = FeedParser.read(body, contentType, url);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("bozo", doc.bozo());
        if (doc.bozo()) out.put("bozo_exception", doc.bozoReason());
        out.put("encoding", doc.encoding());
        out.put("version", doc.version());
        if (url != null) out.put("href", url);
        out.put("feed", doc.feed());
        out.put("entries", doc.entries());
        return out;
    }
}
