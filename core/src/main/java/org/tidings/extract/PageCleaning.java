package org.tidings.extract;

import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/** Prepares a parsed page for content scoring: real image URLs in, never-text elements and
 * furniture recognised by its class/id words out. */
final class PageCleaning {

    /** Furniture this large (share of the page's text) is kept for the scorer to judge: a wrapper
     * named "has-sidebar" or "page-with-ads" can hold the whole article. */
    private static final double FURNITURE_MAX_SHARE = 0.4;

    /** "Small" furniture (meta, byline, header) above this many characters is content. */
    private static final int SMALL_FURNITURE_MAX_CHARS = 250;

    private static final String NEVER_TEXT = "rt, rp, script, style, link, noscript, iframe, object, embed, svg, "
            + "canvas, template, button, input, select, textarea, option, label, nav, dialog, menu, "
            + "audio, video, map, frame, frameset, applet";

    /** Attributes that hold the real image URL of a lazy-loaded image. */
    private static final List<String> LAZY_SRC = List.of("data-src", "data-lazy-src", "data-original",
            "data-url", "data-hi-res-src", "data-full-src", "data-lazy", "data-actualsrc", "data-img-src",
            "data-echo", "data-srcset", "data-lazy-srcset");

    private PageCleaning() {}

    /** @param keepComments whether comment sections stay: the content of a forum thread or live commentary */
    static void prepare(Document doc, boolean keepComments) {
        Element body = doc.body();
        unwrapHtmlTemplates(body);
        resolveLazyImages(body);
        unwrapNoscriptImages(body);
        Removal.removeAll(body.select(NEVER_TEXT));
        body.nodeStream(Comment.class).toList().forEach(Comment::remove);
        Removal.removeAll(body.getAllElements().stream().filter(e -> e != body && Boilerplate.isHidden(e)).toList());
        removeFurniture(body, keepComments);
    }

    /** Templates this long with paragraphs in them are the article, rendered by script (Blogger
     * ships posts this way); short templates are widgets. */
    private static final int TEMPLATE_MIN_CHARS = 500;

    private static void unwrapHtmlTemplates(Element root) {
        for (Element script : root.select("script[type=text/template], script[type=text/html]")) {
            String html = withoutCdata(script.data().strip());
            if (html.length() < TEMPLATE_MIN_CHARS || !html.startsWith("<") || !html.contains("<p")) continue;
            Element holder = new Element("div");
            script.replaceWith(holder);
            holder.html(html);
        }
    }

    /** A template's markup inside {@code <![CDATA[ ... ]]>}, as some themes write it; JSON data
     * (a component's settings) stays as it is and is not taken for markup. */
    private static String withoutCdata(String data) {
        return data.startsWith("<![CDATA[") ? data.substring("<![CDATA[".length()).replaceFirst("]]>\\z", "").strip() : data;
    }

    static void resolveLazyImages(Element root) {
        for (Element img : root.select("img, source")) {
            String src = img.attr("src");
            if (src.isEmpty() || isPlaceholder(src)) {
                LAZY_SRC.stream().map(attr -> img.attr(attr).trim()).filter(value -> !value.isEmpty() && !isPlaceholder(value))
                        .findFirst().ifPresent(value -> img.attr("src", value.split("[\\s,]+")[0]));
            }
            if (img.attr("srcset").isEmpty() && img.hasAttr("data-srcset")) img.attr("srcset", img.attr("data-srcset"));
            if (img.nameIs("img") && (img.attr("src").isEmpty() || isPlaceholder(img.attr("src")))
                    && !img.attr("srcset").isEmpty()) {
                img.attr("src", img.attr("srcset").trim().split("[\\s,]+")[0]);
            }
        }
    }

    private static boolean isPlaceholder(String src) {
        String s = src.toLowerCase(Locale.ROOT);
        return s.startsWith("data:") || s.contains("placeholder") || s.contains("blank.") || s.contains("spacer.")
                || s.contains("lazy") || s.contains("1x1") || s.contains("pixel.") || s.contains("transparent.");
    }

    /** A {@code <noscript>} holding the real image of a placeholder before it: keep the real one. */
    private static void unwrapNoscriptImages(Element root) {
        for (Element noscript : root.select("noscript")) {
            String inner = noscript.html();
            if (!inner.contains("<img")) continue;
            Element img = Parser.parseFragment(inner, noscript.parent(), noscript.baseUri()).stream().filter(n -> n instanceof Element).map(n -> (Element) n)
                    .map(e -> e.nameIs("img") ? e : e.selectFirst("img")).filter(e -> e != null).findFirst().orElse(null);
            if (img == null) continue;
            Element prev = noscript.previousElementSibling();
            if (prev != null && prev.nameIs("img")) prev.remove();
            noscript.replaceWith(img);
        }
    }

    private static void removeFurniture(Element body, boolean keepComments) {
        TextStats stats = TextStats.of(body);
        int total = Math.max(1, stats.chars(body));
        java.util.Set<Element> holders = markedWithAncestors(body, "article, main, [role=main], [itemprop=articleBody]");
        SentencePhrases phrases = new SentencePhrases();
        List<Element> doomed = new java.util.ArrayList<>();
        boolean keptComments = false;
        for (Element e : body.getAllElements()) {
            if (e == body || isProtected(e)) continue;
            List<String> words = furnitureWords(e);
            boolean furniture = Boilerplate.isAlwaysFurniture(words) || isFurniture(e, words, stats, total * FURNITURE_MAX_SHARE);
            if (!furniture || holders.contains(e) || phrases.contains(e)) continue;
            if (keepComments && Boilerplate.isComments(words)) {
                keptComments = true;
            } else {
                doomed.add(e);
                stats.remove(e);
            }
        }
        if (keptComments) unnameComments(body);
        Removal.removeAll(doomed);
    }

    /** The class words of an element, with "sidebar" for the tags that make one. */
    static List<String> furnitureWords(Element e) {
        List<String> words = Boilerplate.words(e);
        if (e.nameIs("aside") || e.nameIs("footer")) words.add("sidebar");
        return words;
    }

    /** Furniture by its words, unless it is larger than {@code maxChars} or holds prose; small
     * furniture (meta, byline) only while small. */
    static boolean isFurniture(Element e, List<String> words, TextStats stats, double maxChars) {
        int chars = stats.chars(e);
        return (Boilerplate.isFurniture(words) || Boilerplate.isLinkWidget(words, stats.get(e).linkDensity()))
                && chars < maxChars && !holdsProse(e, stats)
                || Boilerplate.isSmallFurniture(words) && chars < SMALL_FURNITURE_MAX_CHARS;
    }

    private static final java.util.Set<String> PHRASING = java.util.Set.of("a", "span", "em", "strong", "b", "i", "u",
            "small", "abbr", "cite", "q", "mark", "font", "dfn", "var", "code", "kbd", "sup", "sub");

    /** Own text beside an inline element that makes it a phrase of a sentence. */
    private static final int SENTENCE_AROUND_CHARS = 20;

    /** Links and emphases inside running text ("the {@code <a class="popup">}law-copyists</a> or
     * scriveners") are part of the sentence whatever their class says; furniture sits in boxes of its
     * own, and a row of pictures is no phrase. Text around a parent is counted once (linear). */
    static final class SentencePhrases {
        private final java.util.Map<Element, Integer> textAround = new java.util.IdentityHashMap<>();

        boolean contains(Element e) {
            Element parent = e.parent();
            if (parent == null || !PHRASING.contains(e.normalName()) || e.selectFirst("img, picture") != null) return false;
            return textAround.computeIfAbsent(parent, SentencePhrases::ownText) >= SENTENCE_AROUND_CHARS;
        }

        private static int ownText(Element parent) {
            return parent.textNodes().stream().mapToInt(t -> t.text().strip().length()).sum();
        }
    }

    /** Comments kept as the page's content lose their names, which would make later passes drop them. */
    private static void unnameComments(Element body) {
        for (Element e : body.getAllElements()) {
            if (Boilerplate.isComments(Boilerplate.words(e))) {
                e.removeAttr("class");
                e.removeAttr("id");
            }
        }
    }

    /** Paragraphs this long, with few links, are article prose rather than teasers or labels... */
    private static final int PROSE_PARAGRAPH_CHARS = 120;
    /** ...and this many of them make a box the article whatever its name ("article-content
     * sticky-sidebar-relative"); related lists and sidebars hold short teasers. */
    private static final int PROSE_PARAGRAPHS = 3;

    private static boolean holdsProse(Element e, TextStats stats) {
        int prose = 0;
        for (Element p : e.select("p")) {
            TextStats.Counts c = stats.get(p);
            if (c.chars() >= PROSE_PARAGRAPH_CHARS && c.linkDensity() < 0.25 && ++prose >= PROSE_PARAGRAPHS) return true;
        }
        return false;
    }

    /** The page's own markers of the article are never furniture. */
    static boolean isProtected(Element e) {
        return e.nameIs("article") || e.nameIs("main") || e.nameIs("html") || e.nameIs("body")
                || "main".equals(e.attr("role")) || "articleBody".equals(e.attr("itemprop"))
                || "text".equals(e.attr("itemprop"));
    }

    /** The page's article markers and their ancestors up to the root, found in one pass (a
     * per-element search would be quadratic on deeply nested furniture). */
    static java.util.Set<Element> markedWithAncestors(Element root, String markers) {
        java.util.Set<Element> holders = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Element marker : root.select(markers)) {
            for (Element e = marker; e != null && holders.add(e); e = e.parent()) {
                if (e == root) break;
            }
        }
        return holders;
    }
}
