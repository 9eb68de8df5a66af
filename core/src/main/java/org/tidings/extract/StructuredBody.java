package org.tidings.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeFilter.FilterResult;
import org.jsoup.select.NodeTraversor;

/** The JSON-LD {@code articleBody} as plain paragraphs. Publishers fill it from their HTML: markup,
 * entities, scripts that lost their tags and a "Related" list the template appended are taken out. */
final class StructuredBody {

    /** "Related" alone on a line, then only headline-length lines: links to other stories that
     * the publisher's template appended to the body. */
    private static final Pattern RELATED_HEADING = Pattern.compile("(?iu)^(related"
            + "( articles| stories| posts| news)?|relacionad[ao]s|not[ií]cias relacionadas|leia também|veja também|read more|"
            + "see also|more on this( story)?|lesen sie auch|mehr zum thema|lire aussi|à lire aussi|sur le même sujet|"
            + "leggi anche|te puede interesar)\\s*[:.]?$");
    private static final int HEADLINE_MAX_CHARS = 160;

    /** Code, not prose: a call with a function argument, a line opening or closing a block, the
     * ad library's calls. */
    private static final Pattern SCRIPT_LINE = Pattern.compile(
            "function\\s*\\(|\\)\\s*\\{\\s*$|^\\s*\\}\\)?;?\\s*$|\\}\\);\\s*$|\\bgoogletag\\.\\w+");

    private static final Set<String> LINE_BREAKING = Set.of("br", "p", "div", "li", "h1", "h2", "h3",
            "h4", "h5", "h6", "blockquote", "tr");

    private StructuredBody() {}

    /** The body's paragraphs, separated by a blank line. */
    static String paragraphs(String body) {
        String text = body.indexOf('<') >= 0 || body.indexOf('&') >= 0 ? fromHtml(body) : body;
        List<String> out = new ArrayList<>();
        for (String line : text.strip().split("\\s*\\n\\s*\\n?\\s*")) {
            if (!line.isBlank() && !SCRIPT_LINE.matcher(line).find()) out.add(line.strip());
        }
        return String.join("\n\n", withoutRelatedTail(out));
    }

    private static List<String> withoutRelatedTail(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).length() > HEADLINE_MAX_CHARS) return lines;
            if (RELATED_HEADING.matcher(lines.get(i)).matches()) return i == 0 ? lines : lines.subList(0, i);
        }
        return lines;
    }

    /** Text of an HTML fragment with its own newlines and one before each block or break, read
     * without changing the tree (inserting breaks would re-index the siblings each time). */
    private static String fromHtml(String html) {
        Document fragment = Parser.htmlParser().setMaxDepth(ArticleExtractor.MAX_DEPTH).parseInput("<body>" + html, "");
        StringBuilder text = new StringBuilder();
        NodeTraversor.filter((node, depth) -> {
            if (node instanceof Element e) {
                if (e.nameIs("script") || e.nameIs("style") || e.nameIs("noscript")) return FilterResult.SKIP_ENTIRELY;
                if (LINE_BREAKING.contains(e.normalName())) text.append('\n');
            }
            if (node instanceof TextNode t) text.append(t.getWholeText());
            return FilterResult.CONTINUE;
        }, fragment.body());
        return text.toString();
    }
}
