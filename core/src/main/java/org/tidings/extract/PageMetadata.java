package org.tidings.extract;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.tidings.dates.DateReader;

/**
 * What a page says about its article outside the text: JSON-LD first, then OpenGraph and other
 * meta tags, then microdata and markup conventions. Read before the page is cleaned.
 */
record PageMetadata(String title, String byline, Instant published, Instant modified, String lang,
                    String siteName, String image, String canonicalUrl, String section,
                    List<String> keywords, String description, StructuredData structured) {

    /** A byline longer than this is a paragraph that happens to sit in an "author" box. */
    private static final int MAX_BYLINE_CHARS = 100;

    /** Page dates before this are placeholders (0000-00-00, 1970 from epoch zero), not when the article was written. */
    private static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");

    private static final Pattern URL_LIKE = Pattern.compile("(?i)^(https?:)?//.*|^www\\..*");

    static PageMetadata read(Document doc, String baseUrl) {
        StructuredData ld = StructuredData.read(doc);
        MetaTags meta = MetaTags.of(doc);
        String siteName = first(meta.get("og:site_name"), ld.publisher(), meta.get("application-name"));
        String title = Titles.choose(doc, ld, meta, siteName);
        return new PageMetadata(title, byline(doc, ld, meta), published(doc, ld, meta), modified(ld, meta),
                lang(doc, ld, meta), siteName, absolute(doc, image(ld, meta), baseUrl),
                absolute(doc, canonical(doc, meta, ld), baseUrl),
                first(meta.get("article:section"), ld.section(), meta.get("parsely-section")),
                keywords(ld, meta), first(meta.get("og:description"), meta.get("description"),
                ld.description(), meta.get("twitter:description")), ld);
    }

    static String first(String... values) {
        for (String v : values) if (v != null && !v.isBlank()) return v.trim();
        return null;
    }

    private static String byline(Document doc, StructuredData ld, MetaTags meta) {
        String authors = String.join(", ", ld.authors().stream().filter(a -> !isUrl(a)).toList());
        if (!authors.isBlank()) return clean(authors);
        for (String key : List.of("dc:creator", "dcterms:creator", "author", "parsely-author",
                "sailthru:author", "article:author", "byl")) {
            String value = meta.get(key);
            if (value != null && !isUrl(value) && !value.startsWith("@")) return clean(value);
        }
        return bylineInPage(doc);
    }

    private static String bylineInPage(Document doc) {
        for (Element e : doc.select("[itemprop=author], [rel=author], [class*=byline], [class*=author], [id*=byline]")) {
            Element name = e.selectFirst("[itemprop=name]");
            String text = (name != null ? name : e).text().trim();
            if (!text.isEmpty() && text.length() <= MAX_BYLINE_CHARS) return clean(text);
        }
        return null;
    }

    private static boolean isUrl(String s) {
        return URL_LIKE.matcher(s.trim()).matches();
    }

    /** A time after the names ("May 20, 2019", "20. Mai 2019", "2019-05-20 ...", "• 8h"): the page's
     * dateline run into its byline. */
    private static final Pattern TRAILING_TIME = Pattern.compile("(?iu)\\s*[•|·,–-]?\\s*("
            + "\\d{1,3}\\s?(s|m|min|mins|h|hr|hrs|d|hours?|minutes?|days?)(\\s+ago)?"
            + "|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\\p{L}*\\.?\\s+\\d{1,2},?\\s+\\d{4}.*"
            + "|\\d{1,2}\\.?\\s+\\p{L}+\\.?\\s+\\d{4}.*|\\d{4}-\\d{2}-\\d{2}.*)$");

    private static String clean(String byline) {
        String s = Titles.normalize(byline);
        if (s.isEmpty() || s.length() > MAX_BYLINE_CHARS * 2) return null;
        String names = TRAILING_TIME.matcher(s).replaceFirst("").trim();
        return names.length() >= 2 && Character.isLetter(names.charAt(names.length() - 1)) ? names : s;
    }

    private static Instant published(Document doc, StructuredData ld, MetaTags meta) {
        Stream<String> fromMeta = Stream.of(ld.datePublished(), meta.get("article:published_time"),
                meta.get("og:published_time"), meta.get("parsely-pub-date"), meta.get("sailthru.date"),
                meta.get("publish-date"), meta.get("pubdate"), meta.get("publishdate"), meta.get("date"),
                meta.get("dc.date"), meta.get("dc.date.issued"), meta.get("dcterms.created"),
                meta.get("dcterms.date"), meta.get("article.published"), meta.get("datepublished"));
        Stream<String> fromMarkup = doc.select("[itemprop=datePublished], time[pubdate], time[datetime]").stream()
                .map(e -> first(e.attr("datetime"), e.attr("content")));
        return Stream.concat(fromMeta, fromMarkup).map(PageMetadata::date).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static Instant modified(StructuredData ld, MetaTags meta) {
        return date(first(ld.dateModified(), meta.get("article:modified_time"),
                meta.get("og:updated_time"), meta.get("dateModified"), meta.get("last-modified")));
    }

    private static Instant date(String value) {
        Instant instant = DateReader.parse(value);
        return instant == null || instant.isBefore(EARLIEST) ? null : instant;
    }

    private static String lang(Document doc, StructuredData ld, MetaTags meta) {
        String lang = first(doc.select("html").attr("lang"), doc.select("html").attr("xml:lang"),
                meta.get("content-language"), meta.get("language"), ld.inLanguage(), meta.get("og:locale"));
        return lang == null ? null : lang.replace('_', '-');
    }

    private static String image(StructuredData ld, MetaTags meta) {
        return first(meta.get("og:image"), meta.get("og:image:url"), meta.get("og:image:secure_url"),
                meta.get("twitter:image"), meta.get("twitter:image:src"), ld.image());
    }

    private static String canonical(Document doc, MetaTags meta, StructuredData ld) {
        return first(doc.select("link[rel=canonical][href]").attr("href"), meta.get("og:url"), ld.url());
    }

    private static String absolute(Document doc, String url, String baseUrl) {
        if (url == null) return null;
        Element a = doc.createElement("a").attr("href", url);
        a.setBaseUri(baseUrl == null ? doc.location() : baseUrl);
        String abs = a.absUrl("href");
        if (!abs.isEmpty()) return abs;
        return url.startsWith("http://") || url.startsWith("https://") ? url : null;
    }

    private static List<String> keywords(StructuredData ld, MetaTags meta) {
        Set<String> out = new LinkedHashSet<>(ld.keywords());
        for (String tag : meta.all("article:tag")) out.add(tag.trim());
        for (String key : List.of("news_keywords", "keywords", "parsely-tags")) {
            String value = meta.get(key);
            if (value == null) continue;
            for (String part : value.split("[,;]")) if (!part.isBlank()) out.add(part.trim());
        }
        out.removeIf(String::isBlank);
        return List.copyOf(out);
    }

    /** The page's meta tags by normalised key (lower case, "dc.title" = "dc:title"); values of
     * {@code property} attributes come before those of {@code name}, first value wins. */
    record MetaTags(java.util.Map<String, List<String>> values) {
        static MetaTags of(Document doc) {
            java.util.Map<String, List<String>> map = new java.util.HashMap<>();
            Elements metas = doc.select("meta[content]");
            for (String attr : List.of("property", "name", "itemprop", "http-equiv")) {
                for (Element meta : metas) {
                    String content = meta.attr("content").trim();
                    if (content.isEmpty()) continue;
                    for (String key : meta.attr(attr).split("\\s+")) {
                        if (!key.isEmpty()) map.computeIfAbsent(normalize(key), k -> new ArrayList<>()).add(content);
                    }
                }
            }
            return new MetaTags(map);
        }

        private static String normalize(String key) {
            String k = key.toLowerCase(Locale.ROOT).replace('.', ':');
            return k.startsWith("dcterm:") ? "dcterms:" + k.substring(7) : k;
        }

        String get(String key) {
            return all(key).stream().findFirst().orElse(null);
        }

        List<String> all(String key) {
            return values.getOrDefault(normalize(key), List.of());
        }
    }
}
