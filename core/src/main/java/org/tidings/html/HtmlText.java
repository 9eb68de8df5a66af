package org.tidings.html;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/** The text of HTML as a reader sees it, in paragraphs. */
public final class HtmlText {

    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0]+");

    private HtmlText() {}

    /**
     * One paragraph per block (and per run of text a container holds between its blocks), separated by
     * a blank line so that no sentence runs into the next; whitespace folded, empty blocks left out.
     */
    public static String paragraphs(String html) {
        if (html == null || html.isBlank()) return "";
        List<String> paragraphs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        collect(Jsoup.parseBodyFragment(html).body(), paragraphs, run);
        end(run, paragraphs);
        return String.join("\n\n", paragraphs);
    }

    private static void collect(Element parent, List<String> paragraphs, StringBuilder run) {
        for (Node node : parent.childNodes()) {
            if (node instanceof TextNode text) {
                run.append(text.getWholeText());
            } else if (node instanceof Element e && e.normalName().equals("br")) {
                run.append(' ');
            } else if (node instanceof Element e && e.isBlock()) {
                end(run, paragraphs);
                collect(e, paragraphs, run);
                end(run, paragraphs);
            } else if (node instanceof Element e) {
                collect(e, paragraphs, run);
            }
        }
    }

    private static void end(StringBuilder run, List<String> paragraphs) {
        String paragraph = WHITESPACE.matcher(run).replaceAll(" ").strip();
        if (!paragraph.isEmpty()) paragraphs.add(paragraph);
        run.setLength(0);
    }
}
