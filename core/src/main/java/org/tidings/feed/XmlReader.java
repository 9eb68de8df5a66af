package org.tidings.feed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;

/**
 * A tolerant, hand-written XML reader: it builds an {@link XmlElement} tree from whatever it is
 * given and records every well-formedness problem instead of stopping at the first one (unescaped
 * {@code &}, HTML or undefined entities, unclosed and mismatched tags, garbage before the root,
 * stray {@code <}, control characters). It never reads external entities and never expands
 * entities declared in a DTD beyond plain, reference-free text (billion-laughs safe).
 */
final class XmlReader {

    /** Deeper than any real feed (XHTML content rarely passes 30); guards the stack against nesting bombs. */
    static final int MAX_DEPTH = 200;
    /** ~10,000 entries of ~30 elements; bounds the tree's memory (~150 bytes an element) for hostile input. */
    static final int MAX_ELEMENTS = 400_000;
    /** Real elements carry a handful; the cap keeps the duplicate check cheap on hostile tags. */
    static final int MAX_ATTRIBUTES = 256;
    /** DTD entities honoured: only short, reference-free text values, so no expansion can multiply. */
    private static final int MAX_DTD_ENTITIES = 64;
    private static final int MAX_DTD_ENTITY_LENGTH = 1024;
    /** Longest entity name we try to read after '&'; longer runs are an unescaped '&'. */
    private static final int MAX_ENTITY_NAME = 32;
    /** Problems kept per document: enough to explain, bounded for garbage input. */
    private static final int MAX_PROBLEMS = 20;

    private static final Map<String, String> PREDEFINED_ENTITIES =
            Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'");
    private static final Pattern DTD_ENTITY =
            Pattern.compile("<!ENTITY\\s+([^\\s%\"'>]+)\\s+(?:\"([^\"]*)\"|'([^']*)')\\s*>");

    /** @param namespaces every namespace declared, URI to the prefix it was declared with ("" for a default namespace), in order */
    record Document(List<XmlElement> roots, List<String> problems, String doctype, Map<String, String> namespaces) {}

    private final String s;
    private final int n;
    private int pos;
    private final List<XmlElement> roots = new ArrayList<>(1);
    private final List<String> problems = new ArrayList<>();
    private final ArrayList<XmlElement> stack = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private final Map<String, String> dtdEntities = new HashMap<>();
    private final Map<String, String> namespaces = new java.util.LinkedHashMap<>();
    private final String documentUrl;
    private final String documentLanguage;
    private int elementCount;
    private String doctype;
    /** An external DTD (never read) may define HTML's entities, as Netscape RSS 0.91's does: no problem then. */
    private boolean externalDtd;
    private boolean rootClosed;
    private final boolean hoistFromUnclosed;

    private XmlReader(String s, String documentUrl, String documentLanguage, boolean hoistFromUnclosed) {
        this.hoistFromUnclosed = hoistFromUnclosed;
        this.s = s;
        this.n = s.length();
        this.documentUrl = documentUrl == null ? "" : documentUrl;
        this.documentLanguage = documentLanguage;
    }

    /** A tree as written: an unclosed element keeps what follows it, as an OPML category outline keeps its feeds. */
    static Document readTree(String xml, String documentUrl) {
        return read(xml, documentUrl, null, false);
    }

    /**
     * A feed, read as feedparser's loose parser reads one: an element left unclosed hands the elements
     * that follow it to its parent ({@link #hoistElements}), so the items after an unclosed channel
     * element stay the channel's.
     *
     * @param documentUrl      the outermost base of relative URLs (the document's address), or null
     * @param documentLanguage the outermost language (HTTP Content-Language), or null
     */
    static Document readFeed(String xml, String documentUrl, String documentLanguage) {
        return read(xml, documentUrl, documentLanguage, true);
    }

    private static Document read(String xml, String documentUrl, String documentLanguage, boolean hoistFromUnclosed) {
        XmlReader reader = new XmlReader(xml, documentUrl, FeedModel.blankToNull(documentLanguage), hoistFromUnclosed);
        reader.run();
        return new Document(reader.roots, reader.problems, reader.doctype, reader.namespaces);
    }

    private void run() {
        while (pos < n) {
            char c = s.charAt(pos);
            if (c == '<') {
                flushText();
                if (!markup()) break;
            } else if (c == '&') {
                entity();
            } else {
                textRun();
            }
        }
        flushText();
        if (!stack.isEmpty()) {
            problem(n, "unclosed tag <" + stack.get(stack.size() - 1).qname + "> at end of document");
            stack.clear();
        }
        if (roots.isEmpty() && problems.isEmpty()) problem(n, "no element found");
    }

    /** Reads the construct at '<'; false when the element limit stops the reader. */
    private boolean markup() {
        if (s.startsWith("<!--", pos)) {
            skipPast("-->", "unterminated comment");
        } else if (s.startsWith("<![CDATA[", pos)) {
            cdata();
        } else if (s.startsWith("<!", pos)) {
            declaration();
        } else if (s.startsWith("<?", pos)) {
            if (pos > 0 && s.startsWith("<?xml ", pos)) problem(pos, "XML declaration not at the start of the document");
            skipPast("?>", "unterminated processing instruction");
        } else if (pos + 1 < n && s.charAt(pos + 1) == '/') {
            endTag();
        } else if (pos + 1 < n && isNameStart(s.charAt(pos + 1))) {
            return startTag();
        } else {
            problem(pos, "not well-formed (stray '<')");
            text.append('<');
            pos++;
        }
        return true;
    }

    /** Moves past the construct at '<' that ends with {@code terminator}; returns where its content ends. */
    private int skipPast(String terminator, String problem) {
        int end = s.indexOf(terminator, pos + 2);
        if (end < 0) {
            problem(pos, problem);
            end = n;
        }
        pos = Math.min(n, end + terminator.length());
        return end;
    }

    private void cdata() {
        int start = pos + 9;
        text.append(s, start, skipPast("]]>", "unterminated CDATA section"));
    }

    /** DOCTYPE and other declarations: skipped, but short text-only internal entities are kept. */
    private void declaration() {
        int end = declarationEnd(pos + 2);
        String decl = s.substring(pos, end);
        if (decl.regionMatches(true, 0, "<!DOCTYPE", 0, 9)) {
            collectEntities(decl);
            doctype = decl;
            int subset = decl.indexOf('[');
            String head = subset < 0 ? decl : decl.substring(0, subset);
            externalDtd = head.contains("PUBLIC") || head.contains("SYSTEM");
        }
        pos = end;
    }

    private int declarationEnd(int from) {
        int depth = 0;
        char quote = 0;
        for (int i = from; i < n; i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == '>' && depth <= 0) {
                return i + 1;
            }
        }
        problem(pos, "unterminated declaration");
        return n;
    }

    private void collectEntities(String doctype) {
        Matcher m = DTD_ENTITY.matcher(doctype);
        while (m.find() && dtdEntities.size() < MAX_DTD_ENTITIES) {
            String value = m.group(2) != null ? m.group(2) : m.group(3);
            boolean plain = value.indexOf('&') < 0 && value.indexOf('%') < 0 && value.length() <= MAX_DTD_ENTITY_LENGTH;
            if (plain) dtdEntities.put(m.group(1), value);
        }
    }

    private boolean startTag() {
        int start = pos;
        pos++;
        String name = readName();
        XmlElement parent = stack.isEmpty() ? null : stack.get(stack.size() - 1);
        XmlElement element = new XmlElement(name, parent);
        boolean selfClosing = readAttributes(element);
        if (stack.size() >= MAX_DEPTH) {
            problem(start, "nesting deeper than " + MAX_DEPTH + " elements; deeper tags ignored");
            return true;
        }
        if (++elementCount > MAX_ELEMENTS) {
            problem(start, "more than " + MAX_ELEMENTS + " elements; the rest of the document is ignored");
            return false;
        }
        attach(element, parent, start);
        if (!selfClosing) stack.add(element);
        return true;
    }

    private void attach(XmlElement element, XmlElement parent, int at) {
        resolveNamespace(element);
        checkAttributePrefixes(element);
        String parentBase = parent == null ? documentUrl : parent.base;
        // As feedparser: xml:base, else a plain base attribute.
        String xmlBase = element.attr("xml:base") != null ? element.attr("xml:base").strip()
                : attrExact(element, "base") != null ? attrExact(element, "base").strip() : null;
        element.base = xmlBase == null ? parentBase : Urls.resolve(parentBase, xmlBase);
        // As feedparser: xml:lang, else a plain lang attribute, else inherited; an empty one means no language.
        String lang = attrExact(element, "xml:lang");
        if (lang == null) lang = attrExact(element, "lang");
        element.lang = lang != null ? FeedModel.blankToNull(lang) : parent == null ? documentLanguage : parent.lang;
        if (parent != null) {
            parent.children.add(element);
        } else {
            if (rootClosed) problem(at, "junk after document element");
            roots.add(element);
        }
    }

    private static String attrExact(XmlElement element, String name) {
        for (int i = 0; i < element.attrs.size(); i += 2) {
            if (element.attrs.get(i).equals(name)) return element.attrs.get(i + 1);
        }
        return null;
    }

    private String readName() {
        int start = pos;
        while (pos < n && isNameChar(s.charAt(pos))) pos++;
        return s.substring(start, pos);
    }

    /** Reads attributes up to and including the tag's '>'; true for an empty-element tag. */
    private boolean readAttributes(XmlElement element) {
        while (pos < n) {
            char c = s.charAt(pos);
            if (c == '>') {
                pos++;
                return false;
            } else if (c == '/' && pos + 1 < n && s.charAt(pos + 1) == '>') {
                pos += 2;
                return true;
            } else if (c == '<') {
                problem(pos, "unterminated tag <" + element.qname + ">");
                return false;
            } else if (Character.isWhitespace(c) || c == '/') {
                pos++;
            } else {
                readAttribute(element);
            }
        }
        problem(pos, "unterminated tag <" + element.qname + "> at end of document");
        return false;
    }

    private void readAttribute(XmlElement element) {
        int start = pos;
        String name = readName();
        if (name.isEmpty()) {
            problem(pos, "not well-formed (bad attribute)");
            pos++;
            return;
        }
        skipWhitespace();
        if (pos >= n || s.charAt(pos) != '=') {
            problem(start, "attribute '" + name + "' without value");
            addAttribute(element, name, name);
            return;
        }
        pos++;
        skipWhitespace();
        addAttribute(element, name, readAttributeValue());
    }

    private void addAttribute(XmlElement element, String name, String value) {
        if (element.attrs.size() >= 2 * MAX_ATTRIBUTES) {
            problem(pos, "more than " + MAX_ATTRIBUTES + " attributes on <" + element.qname + ">; the rest ignored");
            return;
        }
        if (attrExact(element, name) != null) {
            problem(pos, "duplicate attribute '" + name + "'");
            return;
        }
        element.attrs.add(name);
        element.attrs.add(value);
    }

    /**
     * A quoted value ends at its quote. A '<' before the quote means the quote is missing (a value
     * cannot contain '<'): the value then ends at the last '>' before that '<', which closes the tag.
     * Scanning stops at the first '<', so broken values never make the reader quadratic.
     */
    private String readAttributeValue() {
        if (pos >= n) return "";
        char quote = s.charAt(pos);
        if (quote != '"' && quote != '\'') return unquotedValue();
        int start = pos + 1;
        int lastGt = -1;
        for (int i = start; i < n; i++) {
            char c = s.charAt(i);
            if (c == quote) {
                pos = i + 1;
                return decodeEntities(s.substring(start, i));
            }
            if (c == '>') lastGt = i;
            if (c == '<') break;
        }
        problem(pos, "unterminated attribute value");
        pos = lastGt >= 0 ? lastGt : n;
        return decodeEntities(s.substring(start, pos));
    }

    private String unquotedValue() {
        problem(pos, "unquoted attribute value");
        int start = pos;
        while (pos < n && !Character.isWhitespace(s.charAt(pos)) && s.charAt(pos) != '>' && s.charAt(pos) != '<') pos++;
        return decodeEntities(s.substring(start, pos));
    }

    private void endTag() {
        int start = pos;
        pos += 2;
        String name = readName();
        int close = s.indexOf('>', pos);
        pos = close < 0 ? n : close + 1;
        int open = openElement(name, false);
        if (open < 0) {
            // As feedparser's loose parser, which reads tag names without regard to case: </title> closes <Title>.
            open = openElement(name, true);
            problem(start, "mismatched end tag </" + name + ">");
            if (open < 0) return;
        } else if (open != stack.size() - 1) {
            problem(start, "unclosed tag <" + stack.get(stack.size() - 1).qname + "> closed by </" + name + ">");
        }
        while (stack.size() > open + 1) {
            XmlElement unclosed = stack.remove(stack.size() - 1);
            if (hoistFromUnclosed) hoistElements(unclosed);
        }
        stack.remove(open);
        if (stack.isEmpty()) rootClosed = true;
    }

    /** Index in the stack of the innermost open element named {@code name}, or -1. */
    private int openElement(String name, boolean ignoringCase) {
        for (int i = stack.size() - 1; i >= 0; i--) {
            String qname = stack.get(i).qname;
            if (ignoringCase ? qname.equalsIgnoreCase(name) : qname.equals(name)) return i;
        }
        return -1;
    }

    /**
     * An element closed only by an ancestor's end tag hands to its parent, from the first of them on,
     * either a child of its own name ({@code <item>} after an unclosed item, {@code <p>} after an unclosed
     * p) or, when it began with text, any child element (the items after an unclosed {@code <generator>}).
     * A container left open keeps its children. feedparser's loose parser reads events, not a tree, and
     * finds those items too.
     */
    private static void hoistElements(XmlElement unclosed) {
        List<Object> children = unclosed.children;
        boolean text = false;
        int first = 0;
        for (; first < children.size(); first++) {
            Object child = children.get(first);
            if (child instanceof String t) text |= !t.isBlank();
            else if (text || ((XmlElement) child).qname.equals(unclosed.qname)) break;
        }
        if (first == children.size()) return;
        List<Object> moved = children.subList(first, children.size());
        for (Object child : moved) if (child instanceof XmlElement e) e.parent = unclosed.parent;
        unclosed.parent.children.addAll(moved);
        moved.clear();
    }

    private void resolveNamespace(XmlElement element) {
        String uri = inScope(element, element.prefix.isEmpty() ? "xmlns" : "xmlns:" + element.prefix);
        if (uri != null) {
            element.ns = uri.strip();
        } else if (element.prefix.equals("xml")) {
            element.ns = "http://www.w3.org/XML/1998/namespace";
        } else if (!element.prefix.isEmpty()) {
            element.ns = "undeclared:" + element.prefix;
            problem(pos, "unbound prefix '" + element.prefix + "' on <" + element.qname + ">");
        }
    }

    private void checkAttributePrefixes(XmlElement element) {
        for (int i = 0; i < element.attrs.size(); i += 2) {
            String name = element.attrs.get(i);
            int colon = name.indexOf(':');
            if (name.equals("xmlns")) namespaces.putIfAbsent(element.attrs.get(i + 1), "");
            if (colon <= 0) continue;
            String prefix = name.substring(0, colon);
            if (prefix.equals("xmlns")) namespaces.putIfAbsent(element.attrs.get(i + 1), name.substring(colon + 1));
            if (prefix.equals("xmlns") && element.attrs.get(i + 1).chars().anyMatch(Character::isWhitespace)) {
                problem(pos, "invalid namespace URI for prefix '" + name.substring(colon + 1) + "'");
            }
            if (prefix.equals("xml") || prefix.equals("xmlns") || inScope(element, "xmlns:" + prefix) != null) continue;
            problem(pos, "unbound prefix '" + prefix + "' on attribute " + name);
        }
    }

    /** The value of the nearest namespace declaration {@code declaration} on the element or above it, or null. */
    private static String inScope(XmlElement element, String declaration) {
        for (XmlElement e = element; e != null; e = e.parent) {
            String uri = attrExact(e, declaration);
            if (uri != null) return uri;
        }
        return null;
    }

    private void textRun() {
        int start = pos;
        while (pos < n) {
            char c = s.charAt(pos);
            if (c == '<' || c == '&') break;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                text.append(s, start, pos);
                problem(pos, "not well-formed (invalid control character)");
                start = pos + 1;
            }
            pos++;
        }
        text.append(s, start, pos);
    }

    private void entity() {
        int end = entityEnd(pos);
        if (end < 0) {
            problem(pos, "not well-formed (unescaped '&')");
            text.append('&');
            pos++;
        } else {
            text.append(resolveEntity(s.substring(pos + 1, end), pos));
            pos = end + 1;
        }
    }

    /** Index of the ';' closing an entity reference at {@code at}, or -1 when this '&' is bare. */
    private int entityEnd(int at) {
        int limit = Math.min(n, at + 2 + MAX_ENTITY_NAME);
        for (int i = at + 1; i < limit; i++) {
            char c = s.charAt(i);
            if (c == ';') return i > at + 1 ? i : -1;
            if (!isEntityNameChar(c) && c != ':') return -1;
        }
        return -1;
    }

    private String resolveEntity(String name, int at) {
        String predefined = PREDEFINED_ENTITIES.get(name);
        if (predefined != null) return predefined;
        if (name.charAt(0) == '#') return characterReference(name, at);
        String declared = dtdEntities.get(name);
        if (declared != null) return declared;
        String html = html4Entity(name);
        if (!html.isEmpty() && externalDtd) return html;
        problem(at, "undefined entity &" + name + ";");
        return html.isEmpty() ? "&" + name + ";" : html;
    }

    /**
     * HTML 4's named entities, as Python's name2codepoint (feedparser's table): HTML5's later names are not
     * entities there, and lang and rang keep HTML 4's angle brackets (U+2329, U+232A), not HTML5's. "" otherwise.
     */
    private static String html4Entity(String name) {
        if (!MarkupVocabulary.HTML4_ENTITIES.contains(name)) return "";
        return switch (name) {
            case "lang" -> "\u2329";
            case "rang" -> "\u232A";
            default -> Entities.getByName(name);
        };
    }

    private String characterReference(String name, int at) {
        try {
            boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
            if (name.length() > 1 && name.charAt(1) == 'X') problem(at, "not well-formed (&#X must be &#x)");
            int cp = hex ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
            if (Character.isValidCodePoint(cp) && (cp >= 0x20 || cp == 9 || cp == 10 || cp == 13)) {
                return Character.toString(Mojibake.windows1252(cp));
            }
        } catch (NumberFormatException e) {
            // falls through to the problem below
        }
        problem(at, "invalid character reference &" + name + ";");
        return "\uFFFD";
    }

    /** Entities inside an attribute value, with the same tolerance as in text. */
    private String decodeEntities(String value) {
        if (value.indexOf('&') < 0) return value;
        StringBuilder out = new StringBuilder(value.length());
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            int semi = c == '&' ? value.indexOf(';', i) : -1;
            if (semi > i + 1 && semi - i <= MAX_ENTITY_NAME && isEntityName(value, i + 1, semi)) {
                out.append(resolveEntity(value.substring(i + 1, semi), pos));
                i = semi + 1;
            } else {
                if (c == '&') problem(pos, "not well-formed (unescaped '&' in attribute)");
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static boolean isEntityName(String v, int from, int to) {
        return v.substring(from, to).chars().allMatch(XmlReader::isEntityNameChar);
    }

    private static boolean isEntityNameChar(int c) {
        return Character.isLetterOrDigit(c) || c == '#' || c == '_' || c == '-' || c == '.';
    }

    private void flushText() {
        if (text.isEmpty()) return;
        if (stack.isEmpty()) {
            if (!text.chars().allMatch(Character::isWhitespace)) problem(pos, roots.isEmpty() ? "garbage before the root element" : "junk after document element");
        } else {
            // Adjacent strings (text split by a comment) stay separate: merging them could be quadratic.
            stack.get(stack.size() - 1).children.add(text.toString());
        }
        text.setLength(0);
    }

    private void skipWhitespace() {
        while (pos < n && Character.isWhitespace(s.charAt(pos))) pos++;
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_' || c == ':';
    }

    private static boolean isNameChar(char c) {
        return !(Character.isWhitespace(c) || c == '/' || c == '>' || c == '<' || c == '=' || c == '"' || c == '\'');
    }

    private void problem(int at, String message) {
        if (problems.size() >= MAX_PROBLEMS) return;
        String located = message + " at " + location(at);
        if (!problems.contains(located)) problems.add(located);
    }

    private String location(int at) {
        int line = 1;
        int lineStart = 0;
        int limit = Math.min(at, n);
        for (int i = 0; i < limit; i++) {
            if (s.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return "line " + line + ", column " + (limit - lineStart + 1);
    }
}
