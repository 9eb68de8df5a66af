package org.tidings.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jsoup.nodes.Entities;

/**
 * The HTML of a feed value in the Universal Feed Parser's model: a single pass over the tags (no
 * tree, no re-nesting) that keeps the elements and attributes of feedparser's documented allow-list,
 * drops {@code script}, {@code style} and {@code applet} with their content and any other element's
 * tags alone, resolves relative URIs against the value's base, empties URIs of schemes that are not
 * acceptable ({@code javascript:}, {@code data:} ...), and writes tags as feedparser does: lower-case
 * names, attributes sorted and double-quoted, {@code <br />}. Entity and character references stay
 * references. Written here because no Java library reproduces feedparser's output; the server's pages
 * sanitize again with the shared {@link org.tidings.html.HtmlSanitizer}.
 */
final class FeedSanitizer {

    private static final Set<String> ELEMENTS = Set.of("a", "abbr", "acronym", "address", "area", "article", "aside",
            "audio", "b", "big", "blockquote", "br", "button", "canvas", "caption", "center", "cite", "code", "col",
            "colgroup", "command", "datagrid", "datalist", "dd", "del", "details", "dfn", "dialog", "dir", "div", "dl",
            "dt", "em", "event-source", "fieldset", "figcaption", "figure", "font", "footer", "form", "h1", "h2", "h3",
            "h4", "h5", "h6", "header", "hr", "i", "img", "input", "ins", "kbd", "keygen", "label", "legend", "li", "m",
            "map", "menu", "meter", "multicol", "nav", "nextid", "noscript", "ol", "optgroup", "option", "output", "p",
            "pre", "progress", "q", "s", "samp", "section", "select", "small", "sound", "source", "spacer", "span",
            "strike", "strong", "sub", "sup", "table", "tbody", "td", "textarea", "tfoot", "th", "thead", "time", "tr",
            "tt", "u", "ul", "var", "video");
    private static final Set<String> ATTRIBUTES = Set.of("abbr", "accept", "accept-charset", "accesskey", "action",
            "align", "alt", "autocomplete", "autofocus", "axis", "background", "balance", "bgcolor", "bgproperties",
            "border", "bordercolor", "bordercolordark", "bordercolorlight", "bottompadding", "cellpadding",
            "cellspacing", "ch", "challenge", "char", "charoff", "charset", "checked", "choff", "cite", "class", "clear",
            "color", "cols", "colspan", "compact", "contenteditable", "controls", "coords", "data", "datafld",
            "datapagesize", "datasrc", "datetime", "default", "delay", "dir", "disabled", "draggable", "dynsrc",
            "enctype", "end", "face", "for", "form", "frame", "galleryimg", "gutter", "headers", "height", "hidden",
            "hidefocus", "high", "href", "hreflang", "hspace", "icon", "id", "inputmode", "ismap", "keytype", "label",
            "lang", "leftspacing", "list", "longdesc", "loop", "loopcount", "loopend", "loopstart", "low", "lowsrc",
            "max", "maxlength", "media", "method", "min", "multiple", "name", "nohref", "noshade", "nowrap", "open",
            "optimum", "pattern", "ping", "point-size", "poster", "pqg", "preload", "prompt", "radiogroup", "readonly",
            "rel", "repeat-max", "repeat-min", "replace", "required", "rev", "rightspacing", "rows", "rowspan", "rules",
            "scope", "selected", "shape", "size", "span", "src", "start", "step", "summary", "suppress", "tabindex",
            "target", "template", "title", "toppadding", "type", "unselectable", "urn", "usemap", "valign", "value",
            "variable", "volume", "vrml", "vspace", "width", "wrap", "xml:lang");
    /** Dropped with everything inside them. */
    private static final Set<String> WITH_CONTENT = Set.of("script", "style", "applet");
    private static final Set<String> VOID = Set.of("area", "base", "basefont", "br", "col", "command", "embed", "frame",
            "hr", "img", "input", "isindex", "keygen", "link", "meta", "param", "source", "track", "wbr");
    /** Attributes holding a URI, by element (feedparser's relative_uris), plus href anywhere. */
    private static final Map<String, Set<String>> URI_ATTRIBUTES = Map.ofEntries(
            Map.entry("a", Set.of("href")), Map.entry("applet", Set.of("codebase")), Map.entry("area", Set.of("href")),
            Map.entry("audio", Set.of("src")), Map.entry("blockquote", Set.of("cite")), Map.entry("body", Set.of("background")),
            Map.entry("del", Set.of("cite")), Map.entry("form", Set.of("action")), Map.entry("frame", Set.of("longdesc", "src")),
            Map.entry("iframe", Set.of("longdesc", "src")), Map.entry("head", Set.of("profile")),
            Map.entry("img", Set.of("longdesc", "src", "usemap")), Map.entry("input", Set.of("src", "usemap")),
            Map.entry("ins", Set.of("cite")), Map.entry("link", Set.of("href")),
            Map.entry("object", Set.of("classid", "codebase", "data", "usemap")), Map.entry("q", Set.of("cite")),
            Map.entry("source", Set.of("src")), Map.entry("video", Set.of("poster", "src")));
    /** Every attribute that may hold a URI is checked for its scheme, whatever the element. */
    private static final Set<String> ANY_URI = Set.of("href", "src", "cite", "action", "background", "longdesc",
            "usemap", "poster", "dynsrc", "lowsrc", "data", "codebase", "classid", "profile", "ping");
    private static final Set<String> SCHEMES = Set.of("file", "ftp", "gopher", "h323", "hdl", "http", "https", "imap",
            "magnet", "mailto", "mms", "news", "nntp", "prospero", "rsync", "rtsp", "rtspu", "sftp", "shttp", "sip",
            "sips", "snews", "svn", "svn+ssh", "telnet", "wais", "aim", "callto", "cvs", "facetime", "feed", "git",
            "gtalk", "irc", "ircs", "irc6", "itms", "msnim", "skype", "ssh", "smb", "ymsg");

    private final String s;
    private final String base;
    private final StringBuilder out;
    private int pos;
    private int dropping;

    private FeedSanitizer(String html, String base) {
        this.s = html;
        this.base = base == null ? "" : base;
        this.out = new StringBuilder(html.length() + 16);
    }

    static boolean isAllowed(String element) {
        return ELEMENTS.contains(element.toLowerCase(Locale.ROOT));
    }

    static String sanitize(String html, String base) {
        if (html == null) return null;
        FeedSanitizer sanitizer = new FeedSanitizer(html, base);
        sanitizer.run();
        return sanitizer.out.toString().strip().replace("\r\n", "\n");
    }

    /** A URI attribute value: resolved against {@code base}, empty when its scheme is not acceptable. */
    static String safeUri(String base, String value) {
        String resolved = Urls.resolve(base, value.strip());
        if (resolved == null) return "";
        int colon = resolved.indexOf(':');
        if (colon > 0 && Urls.isAbsolute(resolved) && !SCHEMES.contains(resolved.substring(0, colon).toLowerCase(Locale.ROOT))) return "";
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
                if (dropping == 0) out.append(s, start, pos);
            }
        }
    }

    private void markup() {
        if (s.startsWith("<!--", pos)) {
            int end = s.indexOf("-->", pos + 4);
            pos = end < 0 ? s.length() : end + 3;
        } else if (s.startsWith("<!", pos) && s.regionMatches(true, pos + 2, "DOCTYPE", 0, 7) || s.startsWith("<?", pos)) {
            int end = s.indexOf('>', pos);
            pos = end < 0 ? s.length() : end + 1;
        } else if (pos + 1 < s.length() && s.charAt(pos + 1) == '/' && pos + 2 < s.length() && Character.isLetter(s.charAt(pos + 2))) {
            endTag();
        } else if (pos + 1 < s.length() && Character.isLetter(s.charAt(pos + 1))) {
            startTag();
        } else {
            if (dropping == 0) out.append("&lt;");
            pos++;
        }
    }

    private void startTag() {
        pos++;
        String name = name();
        List<String[]> attributes = new ArrayList<>();
        boolean selfClosing = false;
        int n = s.length();
        while (pos < n) {
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
        String tag = name.toLowerCase(Locale.ROOT);
        if (WITH_CONTENT.contains(tag)) {
            if (!selfClosing) dropping++;
            return;
        }
        if (dropping > 0 || !ELEMENTS.contains(tag)) return;
        out.append('<').append(tag);
        for (Map.Entry<String, String> a : kept(tag, attributes).entrySet()) {
            out.append(' ').append(a.getKey()).append("=\"");
            XmlElement.escape(a.getValue(), out, true);
            out.append('"');
        }
        if (VOID.contains(tag)) out.append(" />");
        else out.append(selfClosing ? "></" + tag + ">" : ">");
    }

    /** The allowed attributes, sorted by name, the last of a repeated name winning. */
    private Map<String, String> kept(String tag, List<String[]> attributes) {
        Map<String, String> kept = new TreeMap<>();
        Set<String> uris = URI_ATTRIBUTES.getOrDefault(tag, Set.of());
        for (String[] a : attributes) {
            String key = a[0].toLowerCase(Locale.ROOT);
            if (!ATTRIBUTES.contains(key)) continue;
            String value = a[1];
            if (key.equals("rel") || key.equals("type")) value = value.toLowerCase(Locale.ROOT);
            if (uris.contains(key) || ANY_URI.contains(key)) value = safeUri(uris.contains(key) || key.equals("href") ? base : "", value);
            kept.put(key, value);
        }
        return kept;
    }

    private String[] attribute() {
        String key = name();
        if (key.isEmpty()) {
            pos++;
            return new String[] {"", ""};
        }
        int n = s.length();
        while (pos < n && Character.isWhitespace(s.charAt(pos))) pos++;
        if (pos >= n || s.charAt(pos) != '=') return new String[] {key, key};
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
            while (pos < n && !Character.isWhitespace(s.charAt(pos)) && s.charAt(pos) != '>') pos++;
            end = pos;
        }
        return new String[] {key, Entities.unescape(s.substring(start, end))};
    }

    private void endTag() {
        pos += 2;
        String tag = name().toLowerCase(Locale.ROOT);
        int end = s.indexOf('>', pos);
        pos = end < 0 ? s.length() : end + 1;
        if (WITH_CONTENT.contains(tag)) {
            if (dropping > 0) dropping--;
            return;
        }
        if (dropping == 0 && ELEMENTS.contains(tag) && !VOID.contains(tag)) out.append("</").append(tag).append('>');
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

    /** Character references stay as written (C1 controls as their windows-1252 character); known entities too. */
    private void reference() {
        int n = s.length();
        int end = pos + 1;
        while (end < n && end - pos < 34 && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '#')) end++;
        String ref = end < n && s.charAt(end) == ';' ? s.substring(pos + 1, end) : "";
        if (dropping > 0) {
            pos = ref.isEmpty() ? pos + 1 : end + 1;
            return;
        }
        if (ref.startsWith("#") && ref.length() > 1) {
            out.append(characterReference(ref));
            pos = end + 1;
        } else if (!ref.isEmpty() && (Entities.isNamedEntity(ref) || ref.equals("apos"))) {
            out.append('&').append(ref).append(';');
            pos = end + 1;
        } else {
            out.append("&amp;");
            pos++;
        }
    }

    /** As written, lower-case; {@code &#39;} and {@code &#34;} as their characters, C1 controls as windows-1252. */
    private static String characterReference(String ref) {
        try {
            boolean hex = ref.charAt(1) == 'x' || ref.charAt(1) == 'X';
            int cp = hex ? Integer.parseInt(ref.substring(2), 16) : Integer.parseInt(ref.substring(1));
            if (cp == 39 || cp == 34) return Character.toString(cp);
            int mapped = Mojibake.windows1252(cp);
            if (mapped != cp) return "&#x" + Integer.toHexString(mapped) + ";";
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            return "&amp;" + ref + ";";
        }
        return "&" + ref.toLowerCase(Locale.ROOT) + ";";
    }
}
