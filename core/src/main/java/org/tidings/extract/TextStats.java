package org.tidings.extract;

import java.util.IdentityHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Text, link and comma counts (whitespace folded) and counts of pictures, paragraphs, items and
 * headings for every element under a root, in one iterative pass: deep or hostile pages cannot
 * overflow the stack or make per-element questions quadratic.
 */
final class TextStats {

    private static final int CHARS = 0;
    private static final int LINK_CHARS = 1;
    private static final int COMMAS = 2;
    private static final int IMAGES = 3;
    private static final int PARAGRAPHS = 4;
    private static final int ITEMS = 5;
    private static final int HEADINGS = 6;
    private static final int MEDIA = 7;
    private static final int FIELDS = 8;

    record Counts(int chars, int linkChars, int commas, int images, int paragraphs, int items, int headings,
                  int media) {
        double linkDensity() {
            return chars == 0 ? 0 : (double) linkChars / chars;
        }
    }

    private final Map<Element, int[]> counts = new IdentityHashMap<>();

    private TextStats() {}

    static TextStats of(Element root) {
        TextStats stats = new TextStats();
        NodeTraversor.traverse(stats.new Counter(), root);
        return stats;
    }

    Counts get(Element e) {
        int[] c = counts.getOrDefault(e, new int[FIELDS]);
        return new Counts(c[CHARS], c[LINK_CHARS], c[COMMAS], c[IMAGES], c[PARAGRAPHS], c[ITEMS], c[HEADINGS], c[MEDIA]);
    }

    int chars(Element e) {
        return counts.containsKey(e) ? counts.get(e)[CHARS] : 0;
    }

    /** Takes a removed element's counts off its former ancestors (call before removing it). */
    void remove(Element e) {
        int[] mine = counts.get(e);
        if (mine == null) return;
        for (Element p = e.parent(); p != null; p = p.parent()) {
            int[] c = counts.get(p);
            if (c == null) break;
            for (int k = 0; k < FIELDS; k++) c[k] -= mine[k];
        }
    }

    private final class Counter implements NodeVisitor {
        @Override
        public void head(Node node, int depth) {
            if (node instanceof Element e) counts.put(e, new int[FIELDS]);
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof TextNode t) {
                addText(t);
            } else if (node instanceof Element e) {
                int[] mine = counts.get(e);
                int[] parent = e.parent() == null ? null : counts.get(e.parent());
                if (e.parent() != null && parent == null) return; // the root of a subtree: its own tag is not counted
                countSelf(e, mine);
                if (parent == null) return;
                for (int k = 0; k < FIELDS; k++) parent[k] += mine[k];
                if (e.nameIs("a")) parent[LINK_CHARS] += mine[CHARS] - mine[LINK_CHARS];
            }
        }

        private static void countSelf(Element e, int[] mine) {
            switch (e.normalName()) {
                case "img" -> mine[IMAGES]++;
                case "p" -> mine[PARAGRAPHS]++;
                case "li" -> mine[ITEMS]++;
                case "h1", "h2", "h3", "h4", "h5", "h6" -> mine[HEADINGS]++;
                case "picture", "figure", "table", "pre", "video" -> mine[MEDIA]++;
                default -> { }
            }
        }

        private void addText(TextNode t) {
            if (!(t.parentNode() instanceof Element parent)) return;
            int[] c = counts.get(parent);
            if (c == null) return;
            String text = t.getWholeText();
            int chars = 0;
            int commas = 0;
            boolean space = true;
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                boolean ws = Character.isWhitespace(ch) || ch == '\u00a0';
                if (!ws || !space) chars++;
                space = ws;
                if (ch == ',' || ch == '\u060C' || ch == '\u3001' || ch == '\uFF0C' || ch == '\uFE50') commas++;
            }
            c[CHARS] += chars;
            c[COMMAS] += commas;
        }
    }
}
