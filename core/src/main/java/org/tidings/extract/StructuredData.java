package org.tidings.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The article object of a page's JSON-LD ({@code NewsArticle}, {@code Article}, {@code BlogPosting}
 * and kin), found in top-level objects, arrays and {@code @graph}s. Broken JSON is skipped.
 */
record StructuredData(String headline, List<String> authors, String datePublished, String dateModified,
                      String image, String publisher, String section, List<String> keywords,
                      String description, String articleBody, String inLanguage, String url,
                      Boolean accessibleForFree, List<Picture> pictures) {

    static final StructuredData NONE = new StructuredData(null, List.of(), null, null, null, null, null,
            List.of(), null, null, null, null, null, List.of());

    /**
     * An {@code ImageObject} of the page's JSON-LD, wherever it is (the article's {@code image}, a {@code @graph}'s
     * primary image): its addresses ({@code url}, {@code contentUrl}) as written, its {@code caption}, and its credit
     * ({@code creditText}, else the name of its {@code copyrightHolder}, {@code author} or {@code creator}).
     */
    record Picture(List<String> urls, String caption, String credit) {}

    /** Pictures beyond this many are a gallery's or a site's, not the article's lead. */
    private static final int MAX_PICTURES = 50;

    /** Scripts beyond this size are not article metadata (some sites embed whole app states). */
    private static final int MAX_SCRIPT_CHARS = 2_000_000;

    private static final Set<String> ARTICLE_TYPES = Set.of("article", "newsarticle", "blogposting",
            "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle", "reviewnewsarticle",
            "backgroundnewsarticle", "socialmediaposting", "liveblogposting", "scholarlyarticle",
            "techarticle", "report", "posting", "webpage");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static StructuredData read(Document doc) {
        List<JsonNode> scripts = doc.select("script[type=application/ld+json]").stream().map(Element::data)
                .filter(json -> !json.isBlank() && json.length() <= MAX_SCRIPT_CHARS)
                .map(StructuredData::parse).filter(Objects::nonNull).toList();
        List<Picture> pictures = new ArrayList<>();
        for (JsonNode script : scripts) pictures(script, pictures, 0);
        return scripts.stream().flatMap(script -> articleNodes(script).stream())
                .min(Comparator.comparingInt(StructuredData::rank)) // the first of the best rank
                .map(best -> from(best, doc.title(), pictures))
                .orElse(pictures.isEmpty() ? NONE : withPictures(NONE, pictures));
    }

    private static StructuredData withPictures(StructuredData d, List<Picture> pictures) {
        return new StructuredData(d.headline, d.authors, d.datePublished, d.dateModified, d.image, d.publisher, d.section,
                d.keywords, d.description, d.articleBody, d.inLanguage, d.url, d.accessibleForFree, List.copyOf(pictures));
    }

    /** Every ImageObject with an address and a caption or credit, in document order, at most {@link #MAX_PICTURES}. */
    private static void pictures(JsonNode node, List<Picture> found, int depth) {
        if (node == null || depth > 8 || found.size() >= MAX_PICTURES) return;
        if (node.isArray()) {
            for (JsonNode child : node.values()) pictures(child, found, depth + 1);
            return;
        }
        if (!node.isObject()) return;
        if (isImageObject(node)) {
            List<String> urls = new ArrayList<>();
            for (String key : List.of("url", "contentUrl", "@id")) {
                String url = text(node.get(key));
                if (url != null && !url.contains("#") && !urls.contains(url)) urls.add(url);
            }
            String caption = text(node.get("caption"));
            String credit = Optional.ofNullable(text(node.get("creditText"))).orElseGet(() -> Stream.of("copyrightHolder", "author", "creator")
                    .flatMap(key -> names(node.get(key)).stream()).findFirst().orElse(null));
            if (!urls.isEmpty() && (caption != null || credit != null)) found.add(new Picture(urls, caption, credit));
        }
        for (JsonNode child : node.values()) pictures(child, found, depth + 1);
    }

    private static boolean isImageObject(JsonNode node) {
        JsonNode type = node.get("@type");
        if (type == null) return false;
        for (JsonNode t : type.isArray() ? type.values() : List.of(type)) {
            if ("imageobject".equals(lowerCase(text(t)))) return true;
        }
        return false;
    }

    private static List<JsonNode> articleNodes(JsonNode root) {
        List<JsonNode> found = new ArrayList<>();
        collect(root, found, 0);
        return found;
    }

    private static JsonNode parse(String script) {
        String json = script.trim();
        if (json.startsWith("<![CDATA[")) json = json.substring(9).replaceFirst("]]>\\s*$", "");
        if (json.startsWith("<!--")) json = json.substring(4).replaceFirst("-->\\s*$", "");
        json = json.strip();
        if (json.endsWith(";")) json = json.substring(0, json.length() - 1);
        try {
            return JSON.readTree(json);
        } catch (JacksonException | IllegalArgumentException e) {
            return null;
        }
    }

    /** News types first, then other articles; a bare WebPage only when nothing else is there. */
    private static int rank(JsonNode node) {
        String type = typeOf(node);
        return type.contains("newsarticle") ? 0 : type.equals("webpage") ? 2 : 1;
    }

    private static void collect(JsonNode node, List<JsonNode> found, int depth) {
        if (node == null || depth > 4) return;
        if (node.isArray()) {
            for (JsonNode child : node.values()) collect(child, found, depth + 1);
            return;
        }
        if (!node.isObject()) return;
        if (ARTICLE_TYPES.contains(typeOf(node))) found.add(node);
        collect(node.get("@graph"), found, depth + 1);
        collect(node.get("mainEntity"), found, depth + 1);
    }

    /** The type in lower case; of several, the first article type. */
    private static String typeOf(JsonNode node) {
        JsonNode type = node.get("@type");
        if (type == null || !type.isArray()) return lowerCase(text(type));
        for (JsonNode t : type.values()) if (ARTICLE_TYPES.contains(lowerCase(text(t)))) return lowerCase(text(t));
        return "";
    }

    private static String lowerCase(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    private static StructuredData from(JsonNode n, String documentTitle, List<Picture> pictures) {
        String publisher = names(n.get("publisher")).stream().findFirst().orElse(null);
        String name = text(n.get("name"));
        if (name != null && publisher != null && name.equalsIgnoreCase(publisher)) name = null;
        String headline = headline(text(n.get("headline")), name, documentTitle);
        return new StructuredData(headline, names(n.get("author")), text(n.get("datePublished")),
                text(n.get("dateModified")), imageUrl(n.get("image")), publisher,
                listOrText(n.get("articleSection")).stream().findFirst().orElse(null),
                listOrText(n.get("keywords")), text(n.get("description")), text(n.get("articleBody")),
                text(n.get("inLanguage")), text(n.get("url")), freeFlag(n.get("isAccessibleForFree")),
                List.copyOf(pictures));
    }

    /** {@code headline} and {@code name} usually agree; when they differ (encyclopedias put a
     * description in one), the one the document title contains, or shares most words with, wins. */
    private static String headline(String headline, String name, String documentTitle) {
        if (headline == null || name == null || headline.equals(name)) return headline != null ? headline : name;
        String title = documentTitle == null ? "" : documentTitle.toLowerCase(Locale.ROOT);
        boolean inHeadline = title.contains(headline.toLowerCase(Locale.ROOT));
        boolean inName = title.contains(name.toLowerCase(Locale.ROOT));
        if (inName && title.endsWith(name.toLowerCase(Locale.ROOT)) && !title.equals(name.toLowerCase(Locale.ROOT))) {
            return headline; // the name is the site-name suffix of the title
        }
        if (inHeadline != inName) return inHeadline ? headline : name;
        return overlap(name, title) > overlap(headline, title) ? name : headline;
    }

    private static double overlap(String candidate, String title) {
        String[] words = candidate.toLowerCase(Locale.ROOT).split("\\W+");
        long found = Arrays.stream(words).filter(w -> !w.isEmpty() && title.contains(w)).count();
        return words.length == 0 ? 0 : (double) found / words.length;
    }

    private static Boolean freeFlag(JsonNode node) {
        if (node == null) return null;
        if (node.isBoolean()) return node.booleanValue();
        String s = text(node);
        return s == null ? null : !s.equalsIgnoreCase("false");
    }

    /** A string, number or boolean as trimmed text; null for anything else or an empty string. */
    private static String text(JsonNode node) {
        if (node == null || node.isNull()) return null;
        if (node.isString()) {
            String s = node.stringValue().trim();
            return s.isEmpty() ? null : s;
        }
        if (node.isNumber() || node.isBoolean()) return node.asString();
        return null;
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        if (node == null) return names;
        for (JsonNode one : node.isArray() ? node.values() : List.of(node)) {
            String name = nameOf(one);
            if (name != null && !names.contains(name)) names.add(name);
        }
        return names;
    }

    /** A name given as text, or as an object (a Person, an Organization) with a name. */
    private static String nameOf(JsonNode node) {
        return node.isObject() ? text(node.get("name")) : text(node);
    }

    private static String imageUrl(JsonNode node) {
        if (node == null) return null;
        if (node.isArray()) return node.isEmpty() ? null : imageUrl(node.get(0));
        return node.isObject() ? Optional.ofNullable(text(node.get("url"))).orElse(text(node.get("contentUrl"))) : text(node);
    }

    /** An array's values, or a text's comma-separated parts. */
    private static List<String> listOrText(JsonNode node) {
        if (node != null && node.isArray()) return node.valueStream().map(StructuredData::text).filter(Objects::nonNull).toList();
        String s = text(node);
        return s == null ? List.of() : Arrays.stream(s.split(",")).filter(p -> !p.isBlank()).map(String::trim).toList();
    }
}
