package org.tidings.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeFilter;

/**
 * Gives the cleaned article a plain structure (paragraphs, headings, lists, quotes, figures,
 * tables) with absolute URLs, and renders it as text with a blank line between paragraphs.
 */
final class ArticleHtml {

    /** Wrappers that carry no meaning of their own: unwrapped, or turned into paragraphs. */
    private static final Set<String> WRAPPERS = Set.of("div", "section", "article", "main", "header",
            "footer", "aside", "form", "fieldset", "details", "summary", "address", "center", "hgroup", "nav");

    private static final Set<String> LAYOUT_TABLE_PARTS = Set.of("table", "tbody", "thead", "tfoot", "tr", "td", "th");

    /** Elements that start a new paragraph in the text rendering. */
    private static final Set<String> TEXT_BLOCKS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "li",
            "blockquote", "pre", "figcaption", "tr", "dt", "dd", "caption", "ul", "ol", "table", "figure", "div",
            "section", "article", "header", "footer", "hr", "dl");

    private ArticleHtml() {}

    static void normalize(Element content) {
        absoluteUrls(content);
        new Rebuilder(ContentCleaner.dataTables(content)).blocks(detachChildren(content), content);
    }

    /** Children taken out in one go: moving them one by one would re-index siblings each time. */
    private static List<Node> detachChildren(Element e) {
        List<Node> kids = new ArrayList<>(e.childNodes());
        e.empty();
        return kids;
    }

    /** One pass: wrappers (div, section, layout tables...) disappear, their blocks move up, and runs
     * of text and inline elements between blocks become paragraphs (depth bounded by the parser). */
    private record Rebuilder(Set<Element> dataTables) {

        void blocks(List<Node> nodes, Element target) {
            Element paragraph = null;
            for (Node node : nodes) {
                if (node instanceof Element e && isWrapper(e)) {
                    paragraph = null;
                    blocks(detachChildren(e), target);
                } else if (node instanceof Element e && BLOCK_HOLDERS.contains(e.normalName())) {
                    paragraph = null;
                    List<Node> inside = detachChildren(e);
                    target.appendChild(e);
                    blocks(inside, e);
                } else if (node instanceof Element e && ContentFinder.BLOCK_TAGS.contains(e.normalName())) {
                    paragraph = null;
                    target.appendChild(e);
                } else if (paragraph == null && (node instanceof TextNode t && t.isBlank() || node instanceof Element e && e.nameIs("br"))) {
                    continue;
                } else {
                    if (paragraph == null) {
                        paragraph = new Element("p");
                        target.appendChild(paragraph);
                    }
                    paragraph.appendChild(node);
                }
            }
        }

        private boolean isWrapper(Element e) {
            return WRAPPERS.contains(e.normalName())
                    || LAYOUT_TABLE_PARTS.contains(e.normalName()) && !(e.nameIs("table") && dataTables.contains(e));
        }
    }

    /** Blocks that may hold other blocks: their insides are rebuilt too. */
    private static final Set<String> BLOCK_HOLDERS = Set.of("ul", "ol", "li", "blockquote", "figure", "dl", "dd");

    private static void absoluteUrls(Element content) {
        absoluteUrls(content.select("a[href]"), "href");
        absoluteUrls(content.select("img[src], source[src]"), "src");
        for (Element e : content.select("[srcset]")) e.attr("srcset", absoluteSrcset(e));
    }

    /** Links that cannot be made absolute are dropped. */
    private static void absoluteUrls(List<Element> elements, String attr) {
        for (Element e : elements) {
            String abs = e.absUrl(attr);
            if (abs.isEmpty()) e.removeAttr(attr);
            else e.attr(attr, abs);
        }
    }

    private static String absoluteSrcset(Element e) {
        List<String> out = new ArrayList<>();
        for (String candidate : e.attr("srcset").split(",")) {
            String[] parts = candidate.trim().split("\\s+", 2);
            if (parts[0].isEmpty()) continue;
            String abs = parts[0];
            if (e.ownerDocument() != null) {
                Element probe = e.ownerDocument().createElement("a").attr("href", parts[0]);
                probe.setBaseUri(e.baseUri());
                abs = probe.absUrl("href");
            }
            if (!abs.isEmpty()) out.add(parts.length > 1 ? abs + " " + parts[1] : abs);
        }
        return String.join(", ", out);
    }

    /** Plain text: one paragraph per block, separated by a blank line; line breaks kept. */
    static String text(Element content) {
        TextRenderer renderer = new TextRenderer();
        NodeTraversor.filter(renderer, content);
        renderer.flush();
        return String.join("\n\n", renderer.paragraphs);
    }

    /** Class words of a picture's credit line ("Foto: dpa", "© Reuters"). */
    private static final Set<String> CREDIT_WORDS = Set.of("credit", "credits", "copyright");
    /** Credit lines are short: a longer box so named is text that happens to sit beside a picture. */
    private static final int MAX_CREDIT_CHARS = 200;

    /** Picture credits stay in the HTML, beside their picture, but are not the article's prose. */
    private static boolean isCredit(Element e) {
        return Boilerplate.words(e).stream().anyMatch(CREDIT_WORDS::contains) && e.text().length() <= MAX_CREDIT_CHARS;
    }

    /** A picture's caption (figcaption, WordPress's caption paragraph, other text in its figure)
     * stays in the HTML, but reads as noise between the paragraphs of the plain text. */
    private static boolean isCaption(Element e) {
        if (e.nameIs("figcaption") || e.hasClass("wp-caption-text")) return true;
        Element parent = e.parent();
        return parent != null && parent.nameIs("figure") && !FIGURE_CONTENT.contains(e.normalName())
                && e.selectFirst("table, blockquote, pre") == null;
    }

    /** What a figure may hold besides its picture and caption: a table, a quote, code or a list
     * ("wp-block-table", "wp-block-pullquote") is content, not a caption. */
    private static final Set<String> FIGURE_CONTENT = Set.of("table", "blockquote", "pre", "ul", "ol", "img", "picture");

    private static final class TextRenderer implements NodeFilter {
        final List<String> paragraphs = new ArrayList<>();
        private final StringBuilder current = new StringBuilder();
        private int preDepth;

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof Element e && (isCredit(e) || isCaption(e))) return FilterResult.SKIP_ENTIRELY;
            if (node instanceof TextNode t) {
                appendText(preDepth > 0 ? t.getWholeText() : t.text());
            } else if (node instanceof Element e) {
                if (e.nameIs("br")) current.append('\n');
                else if (e.nameIs("td") || e.nameIs("th")) {
                    if (!current.isEmpty()) current.append(" | ");
                } else if (TEXT_BLOCKS.contains(e.normalName())) flush();
                if (e.nameIs("pre")) preDepth++;
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element e) {
                if (TEXT_BLOCKS.contains(e.normalName())) flush();
                if (e.nameIs("pre")) preDepth--;
            }
            return FilterResult.CONTINUE;
        }

        private void appendText(String text) {
            if (preDepth == 0 && (current.isEmpty() || current.charAt(current.length() - 1) == '\n')) {
                text = text.stripLeading();
            }
            current.append(text);
        }

        void flush() {
            String paragraph = current.toString().replace('\u00a0', ' ');
            if (preDepth == 0) paragraph = paragraph.replaceAll("[ \\t]+", " ").replaceAll(" ?\n ?", "\n");
            paragraph = paragraph.strip();
            if (!paragraph.isEmpty()) paragraphs.add(paragraph);
            current.setLength(0);
        }
    }
}
