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
        if (e.hasElementChildren()) return inline(e, "text/plain");
        String value = e.text();
        return detail(looksLikeHtml(value) ? "text/html" : "text/plain", e, value.strip());
    }

    /** An RSS element that holds HTML, escaped or (malformed but common) written inline. */
    private Map<String, Object> htmlDetail(XmlElement e) {
        return e.hasElementChildren() ? inline(e, "text/html") : detail("text/html", e, e.text());
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
            FeedModel.text(m, "summary", htmlDetail(e));
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
        FeedModel.text(m, name, htmlDetail(e));
    }

    void atom(Map<String, Object> m, String name, XmlElement e) {
        if (taken(m, name)) return;
        FeedModel.text(m, name, atomText(e));
    }

    /** RSS content (content:encoded): HTML. */
    void htmlContent(Map<String, Object> m, XmlElement e) {
        FeedModel.list(m, "content").add(htmlDetail(e));
    }

    /** An XHTML body in an RSS item. */
    void xhtmlContent(Map<String, Object> m, XmlElement e) {
        FeedModel.list(m, "content").add(detail("application/xhtml+xml", e, e.innerMarkup()));
    }

    /** Atom content, inline or out of line ({@code src}, as feedparser, not offered as an enclosure). */
    void atomContent(Map<String, Object> m, XmlElement e) {
        String src = e.attrOrNull("src");
        Map<String, Object> d = atomText(e);
        if (src != null) d.put("src", e.url(src));
        FeedModel.list(m, "content").add(d);
    }

    private Map<String, Object> detail(String type, XmlElement e, String value) {
        return FeedModel.detail(type, language(e), e.base, value);
    }

    /** The element's language as feedparser writes it ("en_US" as "en-US"), or null. */
    static String language(XmlElement e) {
        return e.lang == null ? null : e.lang.replace('_', '-');
    }

    /**
     * Type text|html|xhtml (1.0), or a MIME type with mode escaped|xml|base64 (0.3). As feedparser: base64 when the
     * mode says so or the type is binary (neither text/* nor XML); the wrapping div of XHTML removed in Atom 1.0;
     * other types kept as declared.
     */
    private Map<String, Object> atomText(XmlElement e) {
        String declared = e.attrOrNull("type") == null ? "text" : e.attrOrNull("type").toLowerCase(Locale.ROOT);
        String type = switch (declared) {
            case "text", "plain" -> "text/plain";
            case "html" -> "text/html";
            case "xhtml" -> "application/xhtml+xml";
            default -> declared;
        };
        String mode = e.attrOrNull("mode") == null ? "" : e.attrOrNull("mode").toLowerCase(Locale.ROOT);
        boolean xml = type.endsWith("xml");
        if (type.equals("application/xhtml+xml")) {
            XmlElement div = unwrapXhtmlDiv ? singleDiv(e) : null;
            return detail(type, e, div != null ? div.innerMarkup() : e.innerMarkup());
        }
        if (xml) return detail(type, e, e.hasElementChildren() ? e.innerMarkup() : e.text().strip());
        if (e.hasElementChildren()) return inline(e, type);
        String raw = e.text().strip();
        if (mode.equals("base64") || !type.startsWith("text/")) raw = base64(raw);
        return detail(type, e, raw);
    }

    /**
     * Markup written inline in an element whose type says escaped (RSS, Atom text or html): as feedparser, div tags
     * there are dropped (TypePad wraps its HTML so) and any other element makes the value XHTML.
     */
    private Map<String, Object> inline(XmlElement e, String declaredType) {
        XmlElement inner = e;
        while (singleDiv(inner) != null && inner.ownTextIsBlank()) inner = singleDiv(inner);
        if (!inner.hasElementChildren()) return detail(declaredType, e, inner.text().strip());
        return detail("application/xhtml+xml", e, inner.innerMarkup());
    }

    private static XmlElement singleDiv(XmlElement e) {
        List<XmlElement> children = e.elements();
        if (children.size() == 1 && children.get(0).local.equalsIgnoreCase("div")) return children.get(0);
        return null;
    }

    /** Decoded as UTF-8; as written when it is not base64 or not UTF-8 (feedparser keeps it so, without a problem). */
    private static String base64(String raw) {
        try {
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(Base64.getMimeDecoder().decode(raw.strip()));
            return StandardCharsets.UTF_8.newDecoder().decode(bytes).toString();
        } catch (IllegalArgumentException | java.nio.charset.CharacterCodingException ex) {
            return raw;
        }
    }
}
