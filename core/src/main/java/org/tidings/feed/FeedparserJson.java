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
        out.put("feed", withAliases(doc.feed()));
        out.put("entries", doc.entries().stream().map(e -> withAliases(withSummaryFromContent(e))).toList());
        return out;
    }

    /** feedparser's older names, which its dictionaries answer for the current ones: old name, current names in turn. */
    private static final String[][] ALIASES = {
            {"description", "summary", "subtitle"}, {"description_detail", "summary_detail", "subtitle_detail"},
            {"tagline", "subtitle"}, {"tagline_detail", "subtitle_detail"}, {"copyright", "rights"},
            {"copyright_detail", "rights_detail"}, {"modified", "updated"}, {"modified_parsed", "updated_parsed"},
            {"date", "updated"}, {"date_parsed", "updated_parsed"}, {"issued", "published"},
            {"issued_parsed", "published_parsed"}, {"guid", "id"}};

    /**
     * The model with feedparser's older names printed too (description, tagline, copyright, modified, date, issued,
     * guid, and category for the first tag's term), as its result dictionaries give them to programs and tests that
     * still use them; the current names come first. A source gets them as well.
     */
    private static Map<String, Object> withAliases(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>(m);
        for (String[] alias : ALIASES) {
            if (out.containsKey(alias[0])) continue;
            for (int i = 1; i < alias.length; i++) {
                if (m.containsKey(alias[i])) {
                    out.put(alias[0], m.get(alias[i]));
                    break;
                }
            }
        }
        if (!out.containsKey("category") && m.get("tags") instanceof List<?> tags && !tags.isEmpty()
                && tags.get(0) instanceof Map<?, ?> tag) {
            out.put("category", tag.get("term"));
        }
        if (m.get("source") instanceof Map<?, ?> source) {
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) source;
            out.put("source", withAliases(typed));
        }
        return out;
    }

    /**
     * As feedparser does: an entry without a summary gets its first textual content as the
     * summary (and summary_detail). Only this view does it; {@link FeedEntry} keeps them apart. The id as
     * written and the media description's text, kept for the server, are not printed.
     */
    private static Map<String, Object> withSummaryFromContent(Map<String, Object> entry) {
        Map<String, Object> copy = new LinkedHashMap<>(entry);
        copy.remove(FeedModel.ID_AS_WRITTEN);
        copy.remove(FeedModel.MEDIA_DESCRIPTION);
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
