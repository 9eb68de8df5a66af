package org.tidings.server.comment;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.tidings.fuzz.ActiveContent;
import org.tidings.fuzz.FuzzTarget;
import org.tidings.fuzz.Seeds;

/**
 * The comment renderer as a fuzz target: whatever a reader writes, the HTML has only paragraphs,
 * breaks, emphasis and {@code nofollow ugc} links to http(s) addresses, nothing active, and every
 * {@code <} or {@code >} the reader typed is shown as text. Seeds: the stored-XSS vectors.
 */
public final class CommentRendererTarget {

    private static final Set<String> ALLOWED = Set.of("p", "br", "em", "strong", "a");

    private CommentRendererTarget() {}

    public static FuzzTarget target() {
        return new FuzzTarget("comment", () -> Seeds.utf8(Seeds.lines(CommentRendererTarget.class, "/comments/xss-vectors.txt")
                .stream().map(line -> line.replace("\\n", "\n")).toList()),
                List.of("*", "**", "\n", "\n\n", "https://", "http://", "javascript:", "<a href=\"", "<script>", "&lt;", "&#x3C;",
                        "\u202e", "\u0000", "\r", "(", ")", ".", "\"", "'", "@", "[", "]", "xn--", "%22", "%3C"),
                input -> check(new String(input, StandardCharsets.UTF_8)));
    }

    private static void check(String text) {
        String html = CommentText.toHtml(text);
        List<String> active = ActiveContent.in(html);
        if (!active.isEmpty()) throw new AssertionError("executable: " + active + " in " + html);
        Element body = Jsoup.parseBodyFragment(html).body();
        for (Element e : body.getAllElements()) {
            if (e == body) continue;
            if (!ALLOWED.contains(e.normalName())) throw new AssertionError("element <" + e.normalName() + "> in " + html);
            for (Attribute a : e.attributes()) {
                if (!e.normalName().equals("a") || !Set.of("href", "rel").contains(a.getKey())) {
                    throw new AssertionError("attribute " + a.getKey() + " on <" + e.normalName() + "> in " + html);
                }
            }
            if (e.normalName().equals("a") && (!e.attr("href").matches("(?i)https?://[^\\s\"'<>]+")
                    || !Set.of(e.attr("rel").split(" ")).equals(Set.of("nofollow", "ugc", "noopener")))) {
                throw new AssertionError("link " + e + " in " + html);
            }
        }
        String cleaned = CommentText.clean(text);
        for (char c : new char[] {'<', '>'}) {
            if (count(body.text(), c) != count(cleaned, c)) throw new AssertionError("a typed " + c + " is lost or became markup: " + html);
        }
    }

    private static long count(String s, char c) {
        return s.chars().filter(x -> x == c).count();
    }
}
