package org.tidings.feed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One element of the tolerant XML tree; children are elements and text strings in document order. */
final class XmlElement {

    final String qname;
    final String prefix;
    final String local;
    /** Namespace URI, "" when none; "undeclared:prefix" for an undeclared prefix. */
    String ns = "";
    /** Reassigned only when the reader hoists the children of an unclosed element to its parent. */
    XmlElement parent;
    /** Names and values, alternating. */
    final List<String> attrs = new ArrayList<>(4);
    final List<Object> children = new ArrayList<>(4);
    /** The document URL resolved against every xml:base above and here, or "". */
    String base = "";
    String lang;

    XmlElement(String qname, XmlElement parent) {
        this.qname = qname;
        int colon = qname.indexOf(':');
        this.prefix = colon < 0 ? "" : qname.substring(0, colon);
        this.local = colon < 0 ? qname : qname.substring(colon + 1);
        this.parent = parent;
    }

    /**
     * The value of the attribute whose local name is {@code name} (any prefix, any case: feedparser lower-cases
     * attribute names, so CDF's HREF is href), or null.
     */
    String attr(String name) {
        String byLocalName = null;
        for (int i = 0; i < attrs.size(); i += 2) {
            String key = attrs.get(i);
            if (key.equalsIgnoreCase(name)) return normalized(name, attrs.get(i + 1));
            int colon = key.indexOf(':');
            if (byLocalName == null && colon >= 0 && key.length() - colon - 1 == name.length()
                    && key.regionMatches(true, colon + 1, name, 0, name.length()) && !key.startsWith("xmlns")) byLocalName = attrs.get(i + 1);
        }
        return normalized(name, byLocalName);
    }

    /** feedparser lower-cases the values of rel and type attributes. */
    private static String normalized(String name, String value) {
        return value != null && (name.equalsIgnoreCase("rel") || name.equalsIgnoreCase("type")) ? value.toLowerCase(java.util.Locale.ROOT) : value;
    }

    /** Trimmed; null when absent or blank. */
    String attrOrNull(String name) {
        return FeedModel.blankToNull(attr(name));
    }

    /** The attributes by local name in lower case (as feedparser), first wins, without namespace declarations and xml:*. */
    Map<String, Object> attributes() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < attrs.size(); i += 2) {
            String name = attrs.get(i);
            if (name.startsWith("xmlns") || name.startsWith("xml:")) continue;
            String local = name.substring(name.indexOf(':') + 1).toLowerCase(java.util.Locale.ROOT);
            out.putIfAbsent(local, normalized(local, attrs.get(i + 1)));
        }
        return out;
    }

    /** {@code ref} resolved against this element's base, or null when blank. */
    String url(String ref) {
        String r = FeedModel.blankToNull(ref);
        return r == null ? null : Urls.resolve(base, r);
    }

    List<XmlElement> elements() {
        List<XmlElement> out = new ArrayList<>(children.size());
        for (Object child : children) if (child instanceof XmlElement e) out.add(e);
        return out;
    }

    boolean hasElementChildren() {
        for (Object child : children) if (child instanceof XmlElement) return true;
        return false;
    }

    /** True when the element's own text, outside its child elements, is only whitespace. */
    boolean ownTextIsBlank() {
        for (Object child : children) if (child instanceof String s && !s.isBlank()) return false;
        return true;
    }

    /** Trimmed; null when blank. */
    String textOrNull() {
        return FeedModel.blankToNull(text());
    }

    /** All descendant text concatenated, as written (not trimmed). */
    String text() {
        if (children.size() == 1 && children.get(0) instanceof String s) return s;
        StringBuilder out = new StringBuilder();
        appendText(out);
        return out.toString();
    }

    private void appendText(StringBuilder out) {
        for (Object child : children) {
            if (child instanceof String s) out.append(s);
            else ((XmlElement) child).appendText(out);
        }
    }

    /** The children serialized back to markup (local names, text escaped): inline XHTML or stray HTML. */
    String innerMarkup() {
        StringBuilder out = new StringBuilder();
        appendInner(out);
        return out.toString();
    }

    private void appendInner(StringBuilder out) {
        for (Object child : children) {
            if (child instanceof String s) escape(s, out, false);
            else ((XmlElement) child).appendOuter(out);
        }
    }

    private void appendOuter(StringBuilder out) {
        out.append('<').append(local);
        // Inline SVG and MathML keep their namespace, which is what lets the sanitizer keep them.
        boolean svgOrMath = (local.equals("svg") && ns.equals(MarkupVocabulary.SVG_NS)) || (local.equals("math") && ns.equals(MarkupVocabulary.MATHML_NS));
        if (svgOrMath) out.append(" xmlns=\"").append(ns).append('"');
        for (int i = 0; i < attrs.size(); i += 2) {
            String key = attrs.get(i);
            if (key.startsWith("xmlns") || key.startsWith("xml:")) continue;
            out.append(' ').append(key).append("=\"");
            escape(attrs.get(i + 1), out, true);
            out.append('"');
        }
        out.append('>');
        appendInner(out);
        // An unclosed HTML <br> or <img> swallowed what followed it: keep that content, drop the bogus end tag.
        if (!VOID_HTML.contains(local.toLowerCase(java.util.Locale.ROOT))) out.append("</").append(local).append('>');
    }

    private static final java.util.Set<String> VOID_HTML =
            java.util.Set.of("br", "img", "hr", "input", "meta", "link", "area", "col", "embed", "source", "wbr");

    static void escape(String s, StringBuilder out, boolean attribute) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                default -> out.append(c);
            }
        }
    }
}
