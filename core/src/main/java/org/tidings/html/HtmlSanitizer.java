package org.tidings.html;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Makes HTML that came from outside (feeds, article pages) safe to show: an allow-list of
 * structural and inline elements, links and images with absolute http(s) URLs only, no scripts,
 * frames, forms, event handlers, inline styles or classes.
 */
public final class HtmlSanitizer {

    /** Only these schemes survive; `javascript:`, `data:` and `vbscript:` never do. */
    private static final Pattern SAFE_URL = Pattern.compile("(?i)^(https?:|mailto:).*");

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "q",
                    "figure", "figcaption", "pre", "code", "em", "strong", "b", "i", "u", "s", "sub", "sup",
                    "small", "mark", "hr", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
                    "dl", "dt", "dd", "abbr", "cite", "time", "a", "img", "picture", "source")
            // A page's own h1 is its headline, shown by Tidings itself: inside content it becomes h2.
            .allowElements((name, attrs) -> "h2", "h1")
            .allowAttributes("href").matching(SAFE_URL).onElements("a")
            .allowAttributes("title").onElements("a", "abbr")
            .allowAttributes("src").matching(SAFE_URL).onElements("img")
            .allowAttributes("alt", "width", "height").onElements("img")
            .allowAttributes("srcset").onElements("source")
            .allowAttributes("colspan", "rowspan").matching(Pattern.compile("\\d{1,3}")).onElements("td", "th")
            .allowAttributes("datetime").onElements("time")
            .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
            .allowStandardUrlProtocols()
            .toFactory();

    /**
     * Elements nested deeper are closed by the parser (their text is kept): the allow-list policy drops
     * whatever lies beyond its own limit of 256 levels, so that its output would change on every pass.
     */
    private static final int MAX_DEPTH = 200;

    /**
     * The policy drops elements and then balances the ones it keeps, which can leave a list item
     * without its list or a paragraph inside a paragraph: a browser, and the next pass, read that
     * otherwise. So the output is sanitized again until it no longer changes (twice, almost always).
     */
    private static final int MAX_PASSES = 4;

    /** Parsed once: a selector string is parsed again on every call. */
    private static final Evaluator LINKS = QueryParser.parse("a[href]");
    private static final Evaluator IMAGES = QueryParser.parse("img[src]");

    private HtmlSanitizer() {}

    /** Relative link and image URLs are resolved against {@code baseUrl}, or dropped when it is null. */
    public static String sanitize(String html, String baseUrl) {
        if (html == null || html.isBlank()) return "";
        String out = pass(html, baseUrl);
        for (int i = 1; i < MAX_PASSES; i++) {
            String again = pass(out, baseUrl);
            if (again.equals(out)) return out;
            out = again;
        }
        return out;
    }

    private static String pass(String html, String baseUrl) {
        String base = baseUrl == null ? "" : baseUrl;
        Document doc = Document.createShell(base);
        doc.body().appendChildren(Parser.htmlParser().setMaxDepth(MAX_DEPTH).parseFragmentInput(html, doc.body(), base));
        doc.outputSettings().prettyPrint(false); // re-indenting would change the text on every pass
        for (Element link : doc.select(LINKS)) link.attr("href", link.absUrl("href"));
        for (Element img : doc.select(IMAGES)) img.attr("src", img.absUrl("src"));
        // the policy pads a value holding a backtick with a space (old browsers quoted with it): one pad, not one per pass
        for (Element e : doc.body().getAllElements()) {
            for (Attribute a : e.attributes()) if (a.getValue().indexOf('`') >= 0) a.setValue(a.getValue().strip());
        }
        return POLICY.sanitize(doc.body().html()).trim();
    }

    /** The plain text of an HTML fragment, whitespace folded. */
    public static String toText(String html) {
        if (html == null || html.isBlank()) return "";
        return Jsoup.parseBodyFragment(html).text();
    }
}
