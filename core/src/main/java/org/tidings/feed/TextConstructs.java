package org.tidings.feed;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text values of one XML feed, a value and its detail. The detail's language is the element's xml:lang, inherited,
 * else the HTTP Content-Language: as in feedparser, an RSS language element names the feed's language only.
 */
final class TextConstructs {

    private static final Pattern CLOSE_TAG_OR_REFERENCE = Pattern.compile("</\\w+>|&#?\\w+;");
    private static final Pattern TAG = Pattern.compile("</?(\\w+)");
    private static final Pattern ENTITY = Pattern.compile("&(\\w+);");

    private final List<String> problems;
    /** Atom 1.0 only: feedparser removes the div wrapping XHTML in Atom 1.0 documents, not in 0.3 ones. */
    private final boolean unwrapXhtmlDiv;

    TextConstructs(List<String> problems, boolean unwrapXhtmlDiv) {
        this.problems = problems;
        this.unwrapXhtmlDiv = unwrapXhtmlDiv;
    }

    /** An RSS element plain by the spec: HTML when it holds markup or looks like HTML. */
    void plain(Map<String, Object> m, String name, XmlElement e) {
        if (taken(m, name)) return;
        FeedModel.text(m, name, plainDetail(e));
    }

    private Map<String, Object> plainDetail(XmlElement e) {
        String value = htmlSource(e);
        boolean html = e.hasElementChildren() || looksLikeHtml(value);
        return detail(html ? "text/html" : "text/plain", e, value.strip());
    }

    /**
     * As feedparser: the first title that is not empty stays (later ones, as media:title, do not replace it);
     * for any other value the last element wins.
     */
    private static boolean taken(Map<String, Object> m, String name) {
        return name.equals("title") && m.get("title") instanceof String title && !title.isEmpty();
    }

    /**
     * An entry's summary (description, summary, itunes:summary, abstract) in {@code type} ("atom" for an Atom
     * text construct). As feedparser, a second summary before any content is read as content, with the format's
     * content type (a podcast's itunes:summary after its description); after content, the last summary wins.
     * Read from feedparser's source (_start_summary, _start_description); not confirmed against a run.
     */
    void summary(Map<String, Object> m, XmlElement e, String type) {
        boolean atom = type.equals("atom");
        if (m.containsKey("summary") && !m.containsKey("content")) {
            FeedModel.list(m, "content").add(atom ? atomText(e) : plainDetail(e));
        } else if (atom) {
            FeedModel.text(m, "summary", atomText(e));
        } else if (type.equals("text/html")) {
            FeedModel.text(m, "summary", detail("text/html", e, htmlSource(e)));
        } else {
            FeedModel.text(m, "summary", plainDetail(e));
        }
    }

    /** Content types feedparser also offers as the summary. */
    static final java.util.Set<String> TEXTUAL = java.util.Set.of("text/plain", "text/html", "application/xhtml+xml");

    /**
     * feedparser's test for text that is HTML though the format says plain: a close tag or a reference,
     * every tag one the sanitizer allows, every entity an HTML one (so "1 < 2" or "<script>" stay text).
     */
    static boolean looksLikeHtml(String value) {
        if (!CLOSE_TAG_OR_REFERENCE.matcher(value).find()) return false;
        Matcher tag = TAG.matcher(value);
        while (tag.find()) if (!FeedSanitizer.isAllowed(tag.group(1))) return false;
        Matcher entity = ENTITY.matcher(value);
        while (entity.find()) if (!MarkupVocabulary.HTML4_ENTITIES.contains(entity.group(1))) return false;
        return true;
    }

    void html(Map<String, Object> m, String name, XmlElement e) {
        if (taken(m, name)) return;
        FeedModel.text(m, name, detail("text/html", e, htmlSource(e)));
    }

    void atom(Map<String, Object> m, String name, XmlElement e) {
        if (taken(m, name)) return;
        FeedModel.text(m, name, atomText(e));
    }

    /** RSS content (content:encoded): HTML. */
    void htmlContent(Map<String, Object> m, XmlElement e) {
        FeedModel.list(m, "content").add(detail("text/html", e, htmlSource(e)));
    }

    /** An XHTML body in an RSS item. */
    void xhtmlContent(Map<String, Object> m, XmlElement e) {
        FeedModel.list(m, "content").add(detail("application/xhtml+xml", e, e.innerMarkup()));
    }

    /** Atom content, inline or out of line ({@code src}, also offered as an enclosure link). */
    void atomContent(Map<String, Object> m, XmlElement e) {
        String src = e.attrOrNull("src");
        Map<String, Object> d = atomText(e);
        if (src != null) {
            String href = e.url(src);
            d.put("src", href);
            FeedModel.addLink(m, "enclosure", e.attrOrNull("type"), href);
        }
        FeedModel.list(m, "content").add(d);
    }

    private Map<String, Object> detail(String type, XmlElement e, String value) {
        return FeedModel.detail(type, language(e), e.base, value);
    }

    /** The element's language as feedparser writes it ("en_US" as "en-US"), or null. */
    static String language(XmlElement e) {
        return e.lang == null ? null : e.lang.replace('_', '-');
    }

    /** HTML in an RSS element: escaped or CDATA text, or (malformed but common) raw child markup. */
    private static String htmlSource(XmlElement e) {
        return e.hasElementChildren() ? e.innerMarkup() : e.text();
    }

    /** Type text|html|xhtml (1.0), or a MIME type with mode escaped|xml|base64 (0.3). */
    private Map<String, Object> atomText(XmlElement e) {
        String type = e.attrOrNull("type") == null ? "text" : e.attrOrNull("type").toLowerCase(Locale.ROOT);
        String mode = e.attrOrNull("mode") == null ? "" : e.attrOrNull("mode").toLowerCase(Locale.ROOT);
        String raw = e.text();
        if (mode.equals("base64")) raw = base64(raw);
        if (type.equals("xhtml") || type.equals("application/xhtml+xml") || mode.equals("xml")) {
            XmlElement div = unwrapXhtmlDiv ? singleDiv(e) : null;
            return detail("application/xhtml+xml", e, div != null ? div.innerMarkup() : e.innerMarkup());
        }
        if (type.equals("html") || type.equals("text/html") || e.hasElementChildren()) {
            return detail("text/html", e, e.hasElementChildren() ? e.innerMarkup() : raw);
        }
        return detail("text/plain", e, raw.strip());
    }

    private static XmlElement singleDiv(XmlElement e) {
        List<XmlElement> children = e.elements();
        if (children.size() == 1 && children.get(0).local.equalsIgnoreCase("div")) return children.get(0);
        return null;
    }

    private String base64(String raw) {
        try {
            return new String(Base64.getMimeDecoder().decode(raw.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException ex) {
            problems.add("invalid base64 content");
            return raw;
        }
    }
}
