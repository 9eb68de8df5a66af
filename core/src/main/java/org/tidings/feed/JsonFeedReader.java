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
            return FeedDocument.empty(problems, encoding);
        }
        if (root == null || !root.isObject() || !root.has("items") && !root.has("version")) {
            problems.add("document is not a feed: JSON without version or items");
            return FeedDocument.empty(problems, encoding);
        }
        String base = url == null ? "" : url;
        Map<String, Object> feed = readFeed(root, base);
        List<Map<String, Object>> entries = new ArrayList<>();
        int leftOut = 0;
        for (JsonNode item : root.path("items")) {
            if (!item.isObject()) continue;
            if (FeedModel.roomForEntry(entries)) entries.add(readItem(item, base, (String) feed.get("language")));
            else leftOut++;
        }
        FeedModel.recordLeftOut(leftOut, problems);
        return new FeedDocument(version(string(root, "version")), problems, encoding, feed, entries, leftOut, Map.of());
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
        text(feed, "title", string(root, "title"), language, base);
        String home = Urls.resolve(base, string(root, "home_page_url"));
        if (home != null) FeedModel.alternate(feed, home);
        String self = Urls.resolve(base, string(root, "feed_url"));
        if (self != null) FeedModel.addLink(feed, "self", "application/feed+json", self);
        text(feed, "subtitle", string(root, "description"), language, base);
        if (string(root, "icon") != null) feed.put("image", Map.of("href", Urls.resolve(base, string(root, "icon"))));
        if (string(root, "favicon") != null) feed.put("icon", Urls.resolve(base, string(root, "favicon")));
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
        String link = Urls.resolve(base, string(item, "url"));
        if (link != null) FeedModel.alternate(entry, link);
        String external = Urls.resolve(base, string(item, "external_url"));
        if (external != null) FeedModel.addLink(entry, "related", "text/html", external);
        text(entry, "title", string(item, "title"), language, base);
        String html = string(item, "content_html");
        String plain = string(item, "content_text");
        text(entry, "summary", string(item, "summary"), language, base);
        if (html != null) FeedModel.list(entry, "content").add(FeedModel.detail("text/html", language, base, html));
        if (plain != null) FeedModel.list(entry, "content").add(FeedModel.detail("text/plain", language, base, plain));
        String image = Urls.resolve(base, string(item, "image"));
        if (image != null) entry.put("image", Map.of("href", image));
        String banner = Urls.resolve(base, string(item, "banner_image"));
        if (banner != null) entry.put("banner_image", banner);
        FeedModel.date(entry, "published", string(item, "date_published"));
        FeedModel.date(entry, "updated", string(item, "date_modified"));
        authors(entry, item, base);
        for (JsonNode tag : item.path("tags")) {
            if (tag.isString()) FeedModel.tag(entry, FeedModel.blankToNull(tag.asString()), null, null);
        }
        attachments(entry, item, base);
        return entry;
    }

    private static void attachments(Map<String, Object> entry, JsonNode item, String base) {
        for (JsonNode a : item.path("attachments")) {
            String href = Urls.resolve(base, string(a, "url"));
            if (href == null) continue;
            String type = string(a, "mime_type");
            String length = a.has("size_in_bytes") ? a.get("size_in_bytes").asString() : null;
            Map<String, Object> enclosure = FeedModel.enclosureAndLink(entry, href, type, length);
            if (string(a, "title") != null) enclosure.put("title", string(a, "title"));
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
            if (string(a, "url") != null) person.put("href", Urls.resolve(base, string(a, "url")));
            if (string(a, "avatar") != null) person.put("avatar", Urls.resolve(base, string(a, "avatar")));
            FeedModel.list(target, "authors").add(person);
            if (!target.containsKey("author") && person.get("name") != null) FeedModel.person(target, "author", person);
        }
    }

    private static void text(Map<String, Object> m, String name, String value, String language, String base) {
        if (value != null) FeedModel.text(m, name, FeedModel.detail("text/plain", language, base, value));
    }

    private static String string(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || !value.isString() ? null : FeedModel.blankToNull(value.asString());
    }

    private static String firstLine(String message) {
        if (message == null) return "unreadable";
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
