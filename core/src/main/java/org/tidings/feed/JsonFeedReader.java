package org.tidings.feed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON Feed 1.0 and 1.1 onto feedparser's model (the same keys feedparser gives JSON feeds). */
final class JsonFeedReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonFeedReader() {}

    static boolean looksLikeJson(String text, String contentType) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') return true;
            if (!Character.isWhitespace(c) && c != '\uFEFF') return false;
        }
        return contentType != null && contentType.toLowerCase().contains("json");
    }

    static FeedDocument read(String text, String encoding, String url, List<String> problems) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            problems.add("JSON feed is not well-formed: " + firstLine(e.getOriginalMessage()));
            return new FeedDocument("", problems, encoding, new LinkedHashMap<>(), new ArrayList<>());
        }
        if (root == null || !root.isObject() || !root.has("items") && !root.has("version")) {
            problems.add("document is not a feed: JSON without version or items");
            return new FeedDocument("", problems, encoding, new LinkedHashMap<>(), new ArrayList<>());
        }
        String base = url == null ? "" : url;
        Map<String, Object> feed = readFeed(root, base);
        List<Map<String, Object>> entries = new ArrayList<>();
        for (JsonNode item : root.path("items")) {
            if (entries.size() >= XmlFeedReader.MAX_ENTRIES) {
                problems.add("more than " + XmlFeedReader.MAX_ENTRIES + " entries; the rest are ignored");
                break;
            }
            if (item.isObject()) entries.add(readItem(item, base, (String) feed.get("language")));
        }
        return new FeedDocument(version(string(root, "version")), problems, encoding, feed, entries);
    }

    private static String version(String declared) {
        if (declared == null) return "json";
        if (declared.endsWith("/1.1")) return "json11";
        if (declared.endsWith("/1")) return "json1";
        return "json";
    }

    private static Map<String, Object> readFeed(JsonNode root, String base) {
        Map<String, Object> feed = new LinkedHashMap<>();
        String language = string(root, "language");
        text(feed, "title", string(root, "title"), "text/plain", language, base);
        String home = url(base, string(root, "home_page_url"));
        if (home != null) {
            feed.put("link", home);
            XmlFeedReader.list(feed, "links").add(XmlFeedReader.link("alternate", "text/html", home));
        }
        String self = url(base, string(root, "feed_url"));
        if (self != null) XmlFeedReader.list(feed, "links").add(XmlFeedReader.link("self", "application/feed+json", self));
        text(feed, "subtitle", string(root, "description"), "text/plain", language, base);
        if (string(root, "icon") != null) feed.put("image", Map.of("href", url(base, string(root, "icon"))));
        if (string(root, "favicon") != null) feed.put("icon", url(base, string(root, "favicon")));
        authors(feed, root, base);
        if (language != null) feed.put("language", language);
        if (root.path("expired").isBoolean()) feed.put("expired", root.path("expired").asBoolean());
        return feed;
    }

    private static Map<String, Object> readItem(JsonNode item, String base, String feedLanguage) {
        Map<String, Object> entry = new LinkedHashMap<>();
        String language = string(item, "language") != null ? string(item, "language") : feedLanguage;
        JsonNode idNode = item.get("id");
        if (idNode != null && (idNode.isString() || idNode.isNumber())) entry.put("id", idNode.asString());
        String link = url(base, string(item, "url"));
        if (link != null) {
            entry.put("link", link);
            XmlFeedReader.list(entry, "links").add(XmlFeedReader.link("alternate", "text/html", link));
        }
        String external = url(base, string(item, "external_url"));
        if (external != null) XmlFeedReader.list(entry, "links").add(XmlFeedReader.link("related", "text/html", external));
        text(entry, "title", string(item, "title"), "text/plain", language, base);
        String html = string(item, "content_html");
        String plain = string(item, "content_text");
        text(entry, "summary", string(item, "summary"), "text/plain", language, base);
        if (html != null) XmlFeedReader.list(entry, "content").add(detail("text/html", language, base, html));
        if (plain != null) XmlFeedReader.list(entry, "content").add(detail("text/plain", language, base, plain));
        String image = url(base, string(item, "image"));
        if (image != null) entry.put("image", Map.of("href", image));
        String banner = url(base, string(item, "banner_image"));
        if (banner != null) entry.put("banner_image", banner);
        date(entry, "published", string(item, "date_published"));
        date(entry, "updated", string(item, "date_modified"));
        authors(entry, item, base);
        for (JsonNode tag : item.path("tags")) {
            if (!tag.isString() || tag.asString().isBlank()) continue;
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("term", tag.asString().strip());
            t.put("scheme", null);
            t.put("label", null);
            XmlFeedReader.list(entry, "tags").add(t);
        }
        attachments(entry, item, base);
        return entry;
    }

    private static void attachments(Map<String, Object> entry, JsonNode item, String base) {
        for (JsonNode a : item.path("attachments")) {
            String href = url(base, string(a, "url"));
            if (href == null) continue;
            Map<String, Object> enclosure = new LinkedHashMap<>();
            enclosure.put("href", href);
            enclosure.put("type", string(a, "mime_type"));
            enclosure.put("length", a.has("size_in_bytes") ? a.get("size_in_bytes").asString() : null);
            if (string(a, "title") != null) enclosure.put("title", string(a, "title"));
            XmlFeedReader.list(entry, "enclosures").add(enclosure);
            Map<String, Object> link = XmlFeedReader.link("enclosure", string(a, "mime_type"), href);
            link.put("length", enclosure.get("length"));
            XmlFeedReader.list(entry, "links").add(link);
        }
    }

    /** JSON Feed 1.1 "authors" array, or 1.0's single "author". */
    private static void authors(Map<String, Object> target, JsonNode node, String base) {
        List<JsonNode> people = new ArrayList<>();
        for (JsonNode a : node.path("authors")) people.add(a);
        if (people.isEmpty() && node.path("author").isObject()) people.add(node.get("author"));
        for (JsonNode a : people) {
            Map<String, Object> person = new LinkedHashMap<>();
            person.put("name", string(a, "name"));
            if (string(a, "url") != null) person.put("href", url(base, string(a, "url")));
            if (string(a, "avatar") != null) person.put("avatar", url(base, string(a, "avatar")));
            XmlFeedReader.list(target, "authors").add(person);
            if (!target.containsKey("author") && person.get("name") != null) {
                target.put("author", person.get("name"));
                target.put("author_detail", person);
            }
        }
    }

    private static void text(Map<String, Object> m, String name, String value, String type, String language, String base) {
        if (value == null) return;
        Map<String, Object> d = detail(type, language, base, value);
        m.put(name, d.get("value"));
        m.put(name + "_detail", d);
    }

    private static Map<String, Object> detail(String type, String language, String base, String value) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("type", type);
        d.put("language", language);
        d.put("base", base);
        d.put("value", type.equals("text/html") ? Html.sanitize(value, base) : value.strip());
        return d;
    }

    private static void date(Map<String, Object> m, String name, String raw) {
        if (raw == null) return;
        m.put(name, raw);
        m.put(name + "_parsed", FeedDates.isoUtc(FeedDates.parse(raw)));
    }


    private static String string(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isString()) return null;
        String s = value.asString().strip();
        return s.isEmpty() ? null : s;
    }

    private static String url(String base, String ref) {
        return ref == null ? null : Urls.resolve(base, ref);
    }

    private static String firstLine(String message) {
        if (message == null) return "unreadable";
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
