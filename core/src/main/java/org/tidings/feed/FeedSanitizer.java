package org.tidings.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import static org.tidings.feed.MarkupVocabulary.DROPPED_WITH_TEXT;
import static org.tidings.feed.MarkupVocabulary.HTML_ATTRIBUTES;
import static org.tidings.feed.MarkupVocabulary.HTML_ELEMENTS;
import static org.tidings.feed.MarkupVocabulary.MATHML_ATTRIBUTES;
import static org.tidings.feed.MarkupVocabulary.MATHML_ELEMENTS;
import static org.tidings.feed.MarkupVocabulary.SVG_ATTRIBUTES;
import static org.tidings.feed.MarkupVocabulary.SVG_ELEMENTS;
import static org.tidings.feed.MarkupVocabulary.VOID;

/**
 * The HTML of a feed value in the Universal Feed Parser's model: a single pass over the tags (no tree, no
 * re-nesting, as feedparser's SGML reader) that keeps the elements and attributes of feedparser's allow-lists
 * ({@link MarkupVocabulary}: HTML, and SVG or MathML inside {@code svg} or {@code math}), cleans {@code style}
 * ({@link CssCleaner}), drops the text inside {@code script}, {@code style} and {@code applet}, the tags alone of
 * any other element, declarations and processing instructions (comments stay), resolves the URI attributes of
 * feedparser's list against the value's base, empties URIs of schemes that are not acceptable ({@code javascript:},
 * {@code data:} ...), and writes tags as feedparser does: lower-case names, attributes sorted and double-quoted,
 * {@code <br />}. Text is copied as written; references stay references (an unknown entity is escaped, a C1
 * character reference becomes its windows-1252 character). Written here because no Java library reproduces
 * feedparser's output; the server's pages sanitize again with the shared {@link org.tidings.html.HtmlSanitizer}.
 */
final class FeedSanitizer {

    /** URI attributes resolved against the base, by element (feedparser's relative URI list). */
    private static final Map<String, Set<String>> URI_ATTRIBUTES = Map.ofEntries(
            Map.entry("a", Set.of("href")), Map.entry("applet", Set.of("codebase")), Map.entry("area", Set.of("href")),
            Map.entry("audio", Set.of("src")), Map.entry("blockquote", Set.of("cite")), Map.entry("body", Set.of("background")),
            Map.entry("del", Set.of("cite")), Map.entry("form", Set.of("action")), Map.entry("frame", Set.of("longdesc", "src")),
            Map.entry("iframe", Set.of("longdesc", "src")), Map.entry("head", Set.of("profile")),
            Map.entry("img", Set.of("longdesc", "src", "usemap")), Map.entry("input", Set.of("src", "usemap")),
            Map.entry("ins", Set.of("cite")), Map.entry("link", Set.of("href")),
            Map.entry("object", Set.of("classid", "codebase", "data", "usemap")), Map.entry("q", Set.of("cite")),
            Map.entry("script", Set.of("src")), Map.entry("source", Set.of("src")), Map.entry("video", Set.of("poster", "src")));
    /** Every attribute that may hold a URI is checked for its scheme, whatever the element. */
    private static final Set<String> ANY_URI = Set.of("href", "src", "cite", "action", "background", "longdesc",
            "usemap", "poster", "dynsrc", "lowsrc", "data", "codebase", "classid", "profile", "ping");

    private final String s;
    private final String base;
    /** text/html (not XHTML): svg and math need no namespace declaration. */
    private final boolean html;
    private final StringBuilder out;
    private int pos;
    /** Open script, style and applet elements: their text is dropped. */
    private int dropping;
    private int insideSvg;
    private int insideMath;

    private FeedSanitizer(String value, String base, boolean html) {
        this.s = value;
        this.base = base == null ? "" : base;
        this.html = html;
        this.out = new StringBuilder(value.length() + 16);
    }

    static boolean isAllowed(String element) {
        return HTML_ELEMENTS.contains(element.toLowerCase(Locale.ROOT));
    }

    /** HTML ({@code xhtml} false) or XHTML markup, sanitized, with relative URIs resolved against {@code base}. */
    static String sanitize(String value, String base, boolean xhtml) {
        if (value == null) return null;
        FeedSanitizer sanitizer = new FeedSanitizer(value, base, !xhtml);
        sanitizer.run();
        return sanitizer.out.toString().strip().replace("\r\n", "\n");
    }

    /** A URI attribute value: resolved against {@code base}, empty when its scheme is not acceptable. */
    static String safeUri(String base, String value) {
        String resolved = Urls.resolve(base, value.strip());
        if (resolved == null) return "";
        int colon = resolved.indexOf(':');
        if (colon > 0 && Urls.isAbsolute(resolved)
                && !MarkupVocabulary.URI_SCHEMES.contains(resolved.substring(0, colon).toLowerCase(Locale.ROOT))) return "";
        return resolved;
    }

    private void run() {
        int n = s.length();
        while (pos < n) {
            char c = s.charAt(pos);
            if (c == '<') markup();
            else if (c == '&') reference();
            else {
                int start = pos;
                while (pos < n && s.charAt(pos) != '<' && s.charAt(pos) != '&') pos++;
                text(start, pos);
            }
        }
    }

    private void text(int from, int to) {
        if (dropping == 0) out.append(s, from, to);
    }

    private void markup() {
        int n = s.length();
        if (s.startsWith("<!--", pos)) {
            comment();
        } else if (s.startsWith("<![CDATA[", pos) || (s.startsWith("<!", pos) && !s.regionMatches(true, pos + 2, "DOCTYPE", 0, 7) && !s.startsWith("<![", pos))) {
            out.append("&lt;!");
            pos += 2;
        } else if (s.startsWith("<!", pos) || s.startsWith("<?", pos)) {
            int end = s.indexOf('>', pos);
            if (end < 0) {
                text(pos, n);
                pos = n;
            } else {
                pos = end + 1;
            }
        } else if (s.startsWith("</", pos)) {
            endTag();
        } else if (pos + 1 < n && isAsciiLetter(s.charAt(pos + 1))) {
            startTag();
        } else {
            text(pos, pos + 1);
            pos++;
        }
    }

    /** A closed comment is kept as written; an unclosed one is dropped up to the next "--...>" or to the end. */
    private void comment() {
        int end = s.indexOf("--", pos + 4);
        while (end >= 0) {
            int gt = end + 2;
            while (gt < s.length() && Character.isWhitespace(s.charAt(gt))) gt++;
            if (gt < s.length() && s.charAt(gt) == '>') {
                out.append("<!--").append(s, pos + 4, end).append("-->");
                pos = gt + 1;
                return;
            }
            end = s.indexOf("--", end + 1);
        }
        int close = s.indexOf("--", pos + 4);
        int gt = close < 0 ? -1 : s.indexOf('>', close);
        pos = gt < 0 ? s.length() : gt + 1;
    }

    private void startTag() {
        int tagStart = pos;
        pos++;
        String tag = name().toLowerCase(Locale.ROOT);
        List<String[]> attributes = new ArrayList<>();
        boolean selfClosing = false;
        int n = s.length();
        while (true) {
            if (pos >= n) {
                text(tagStart, n);
                return;
            }
            char c = s.charAt(pos);
            if (c == '>') {
                pos++;
                break;
            } else if (c == '/' && pos + 1 < n && s.charAt(pos + 1) == '>') {
                selfClosing = true;
                pos += 2;
                break;
            } else if (c == '<') {
                break;
            } else if (Character.isWhitespace(c) || c == '/' || c == '"' || c == '\'' || c == '=') {
                pos++;
            } else {
                attributes.add(attribute());
            }
        }
        // <b/> is <b></b> (<br/> is <br />); with attributes, the slash is ignored as an SGML reader does.
        boolean shortTag = selfClosing && attributes.isEmpty();
        open(tag, attributes);
        if (shortTag && !VOID.contains(tag)) close(tag);
    }

    private void open(String tag, List<String[]> attributes) {
        Set<String> allowed = HTML_ATTRIBUTES;
        Map<String, String> camelCase = Map.of();
        String written = tag;
        if (!HTML_ELEMENTS.contains(tag) || insideSvg > 0) {
            if (DROPPED_WITH_TEXT.contains(tag)) dropping++;
            if (html && (tag.equals("svg") || tag.equals("math")) && value(attributes, "xmlns") == null) {
                attributes.add(new String[] {"xmlns", tag.equals("svg") ? MarkupVocabulary.SVG_NS : MarkupVocabulary.MATHML_NS});
            }
            if (tag.equals("math") && MarkupVocabulary.MATHML_NS.equals(value(attributes, "xmlns"))) insideMath++;
            if (tag.equals("svg") && MarkupVocabulary.SVG_NS.equals(value(attributes, "xmlns"))) insideSvg++;
            if (insideMath > 0 && MATHML_ELEMENTS.contains(tag)) {
                allowed = MATHML_ATTRIBUTES;
            } else if (insideSvg > 0 && SVG_ELEMENTS.containsKey(tag)) {
                allowed = SVG_ATTRIBUTES.keySet();
                camelCase = SVG_ATTRIBUTES;
                written = SVG_ELEMENTS.get(tag);
            } else if (!HTML_ELEMENTS.contains(tag)) {
                return;
            }
        }
        if ((insideMath > 0 || insideSvg > 0) && value(attributes, "xmlns:xlink") == null
                && attributes.stream().anyMatch(a -> a[0].toLowerCase(Locale.ROOT).startsWith("xlink:"))) {
            attributes.add(new String[] {"xmlns:xlink", MarkupVocabulary.XLINK_NS});
        }
        out.append('<').append(written);
        for (Map.Entry<String, String> a : kept(tag, attributes, allowed, camelCase).entrySet()) {
            out.append(' ').append(a.getKey()).append("=\"");
            attributeValue(a.getValue());
            out.append('"');
        }
        out.append(VOID.contains(tag) ? " />" : ">");
    }

    private static String value(List<String[]> attributes, String name) {
        String found = null;
        for (String[] a : attributes) if (a[0].equalsIgnoreCase(name)) found = a[1];
        return found;
    }

    /** The allowed attributes, sorted by lower-case name, the last of a repeated name winning. */
    private Map<String, String> kept(String tag, List<String[]> attributes, Set<String> allowed, Map<String, String> camelCase) {
        Map<String, String> byName = new TreeMap<>();
        for (String[] a : attributes) {
            String key = a[0].toLowerCase(Locale.ROOT);
            byName.put(key, key.equals("rel") || key.equals("type") ? a[1].toLowerCase(Locale.ROOT) : a[1]);
        }
        Map<String, String> kept = new java.util.LinkedHashMap<>();
        Set<String> uris = URI_ATTRIBUTES.getOrDefault(tag, Set.of());
        for (Map.Entry<String, String> a : byName.entrySet()) {
            String key = a.getKey();
            String value = a.getValue();
            if (key.equals("style")) {
                if (!allowed.contains("style")) continue;
                value = CssCleaner.clean(value, insideSvg > 0);
                if (!value.isEmpty()) kept.put(key, value);
                continue;
            }
            if (!allowed.contains(key)) continue;
            if (uris.contains(key) || ANY_URI.contains(key)) value = safeUri(uris.contains(key) || key.equals("href") ? base : "", value);
            kept.put(camelCase.getOrDefault(key, key), value);
        }
        return kept;
    }

    /** As feedparser writes an attribute value: markup characters and bare ampersands escaped, references kept. */
    private void attributeValue(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '>' -> out.append("&gt;");
                case '<' -> out.append("&lt;");
                case '"' -> out.append("&quot;");
                case '&' -> out.append(referenceLength(value, i) > 0 ? "&" : "&amp;");
                default -> out.append(c);
            }
        }
    }

    /** Length of a well-formed reference ({@code &name;}, {@code &#10;}, {@code &#xA;}) at i, else 0. */
    private static int referenceLength(String v, int i) {
        int j = i + 1;
        int n = v.length();
        if (j < n && v.charAt(j) == '#') {
            j++;
            boolean hex = j < n && v.charAt(j) == 'x';
            if (hex) j++;
            int digits = j;
            while (j < n && (hex ? Character.digit(v.charAt(j), 16) >= 0 : Character.isDigit(v.charAt(j)))) j++;
            return j > digits && j < n && v.charAt(j) == ';' ? j - i + 1 : 0;
        }
        while (j < n && (Character.isLetterOrDigit(v.charAt(j)) || v.charAt(j) == '_')) j++;
        return j > i + 1 && j < n && v.charAt(j) == ';' ? j - i + 1 : 0;
    }

    private String[] attribute() {
        String key = name();
        if (key.isEmpty()) {
            pos++;
            return new String[] {"", ""};
        }
        int n = s.length();
        int afterName = pos;
        while (pos < n && Character.isWhitespace(s.charAt(pos))) pos++;
        if (pos >= n || s.charAt(pos) != '=') {
            pos = afterName;
            return new String[] {key, key};
        }
        pos++;
        while (pos < n && Character.isWhitespace(s.charAt(pos))) pos++;
        if (pos >= n) return new String[] {key, ""};
        char quote = s.charAt(pos);
        int start;
        int end;
        if (quote == '"' || quote == '\'') {
            start = pos + 1;
            end = s.indexOf(quote, start);
            if (end < 0) end = n;
            pos = Math.min(n, end + 1);
        } else {
            start = pos;
            while (pos < n && !Character.isWhitespace(s.charAt(pos)) && s.charAt(pos) != '>' && s.charAt(pos) != '<') pos++;
            end = pos;
        }
        return new String[] {key, attributeReferences(s.substring(start, end))};
    }

    /**
     * References in an attribute as an SGML reader reads them: the five XML entities and decimal references
     * to ASCII become characters; any other reference is kept (a named one closed with ';').
     */
    private static String attributeReferences(String v) {
        if (v.indexOf('&') < 0) return v;
        StringBuilder b = new StringBuilder(v.length());
        int i = 0;
        int n = v.length();
        while (i < n) {
            char c = v.charAt(i);
            if (c != '&' || i + 1 >= n) {
                b.append(c);
                i++;
                continue;
            }
            int j = i + 1;
            if (v.charAt(j) == '#') {
                int k = j + 1;
                while (k < n && Character.isDigit(v.charAt(k)) && k - j < 10) k++;
                if (k == j + 1) {
                    b.append(c);
                    i++;
                    continue;
                }
                int code = Integer.parseInt(v.substring(j + 1, k));
                boolean semi = k < n && v.charAt(k) == ';';
                if (code <= 127) b.append((char) code);
                else b.append(v, i, semi ? k + 1 : k);
                i = semi ? k + 1 : k;
            } else if (isAsciiLetter(v.charAt(j))) {
                int k = j + 1;
                while (k < n && (isAsciiLetter(v.charAt(k)) || Character.isDigit(v.charAt(k)) || v.charAt(k) == '-' || v.charAt(k) == '.')) k++;
                String name = v.substring(j, k);
                String known = switch (name) {
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "amp" -> "&";
                    case "quot" -> "\"";
                    case "apos" -> "'";
                    default -> null;
                };
                b.append(known != null ? known : "&" + name + ";");
                i = k < n && v.charAt(k) == ';' ? k + 1 : k;
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString();
    }

    private void endTag() {
        int end = endOfTag(pos + 2);
        if (end < 0) {
            text(pos, s.length());
            pos = s.length();
            return;
        }
        String tag = s.substring(pos + 2, end).strip().toLowerCase(Locale.ROOT);
        pos = end < s.length() && s.charAt(end) == '>' ? end + 1 : end;
        close(tag);
    }

    /** Where a tag's text ends: the first '<' or '>' from {@code from}, or -1. */
    private int endOfTag(int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '<' || c == '>') return i;
        }
        return -1;
    }

    private void close(String tag) {
        String written = tag;
        if (!HTML_ELEMENTS.contains(tag)) {
            if (DROPPED_WITH_TEXT.contains(tag) && dropping > 0) dropping--;
            if (insideMath > 0 && MATHML_ELEMENTS.contains(tag)) {
                if (tag.equals("math")) insideMath--;
            } else if (insideSvg > 0 && SVG_ELEMENTS.containsKey(tag)) {
                written = SVG_ELEMENTS.get(tag);
                if (tag.equals("svg")) insideSvg--;
            } else {
                return;
            }
        }
        if (!VOID.contains(tag)) out.append("</").append(written).append('>');
    }

    private String name() {
        int start = pos;
        int n = s.length();
        while (pos < n) {
            char c = s.charAt(pos);
            if (Character.isWhitespace(c) || c == '/' || c == '>' || c == '<' || c == '=' || c == '"' || c == '\'') break;
            pos++;
        }
        return s.substring(start, pos);
    }

    /**
     * A reference as feedparser writes it: a character reference as written (lower-case, a C1 one as its
     * windows-1252 character, {@code &#39;} and {@code &#34;} as the characters), an HTML 4 entity as written,
     * an unknown name escaped ({@code &amp;name}, its ';' dropped); a bare '&' stays as it is.
     */
    private void reference() {
        int n = s.length();
        int i = pos + 1;
        if (i < n && s.charAt(i) == '#') {
            int end = characterReferenceEnd(i + 1);
            if (end > 0) {
                out.append(characterReference(s.substring(i + 1, end)));
                pos = end + 1;
                return;
            }
        } else if (i < n && isAsciiLetter(s.charAt(i))) {
            int end = i + 1;
            while (end < n && (isAsciiLetter(s.charAt(end)) || Character.isDigit(s.charAt(end)) || s.charAt(end) == '-' || s.charAt(end) == '.')) end++;
            if (end < n) {
                String name = s.substring(i, end);
                boolean known = MarkupVocabulary.HTML4_ENTITIES.contains(name) || name.equals("apos");
                out.append(known ? "&" + name + ";" : "&amp;" + name);
                pos = s.charAt(end) == ';' ? end + 1 : end;
                return;
            }
        }
        text(pos, pos + 1);
        pos++;
    }

    /** The index of the ';' closing a character reference whose digits start at {@code from}, or -1. */
    private int characterReferenceEnd(int from) {
        int n = s.length();
        boolean hex = from < n && (s.charAt(from) == 'x' || s.charAt(from) == 'X');
        int i = hex ? from + 1 : from;
        int digits = i;
        while (i < n && i - digits < 10 && (hex ? Character.digit(s.charAt(i), 16) >= 0 : Character.isDigit(s.charAt(i)))) i++;
        return i > digits && i < n && s.charAt(i) == ';' ? i : -1;
    }

    /** {@code ref} is "233" or "x2019": as written, lower-case; {@code &#39;} and {@code &#34;} as characters, C1 as windows-1252. */
    private static String characterReference(String ref) {
        String lower = ref.toLowerCase(Locale.ROOT);
        if (lower.equals("39")) return "'";
        if (lower.equals("34")) return "\"";
        long cp = lower.startsWith("x") ? Long.parseLong(lower.substring(1), 16) : Long.parseLong(lower);
        if (cp >= 0x80 && cp <= 0x9f) {
            int mapped = Mojibake.windows1252((int) cp);
            if (mapped != cp) return "&#x" + Integer.toHexString(mapped) + ";";
        }
        return "&#" + lower + ";";
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
