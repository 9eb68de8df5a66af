package org.tidings.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Finds the element that holds the article: every block of prose gives points to its ancestors
 * (most to its parent), containers get a bonus or malus for their tag and class words, and the
 * best container, discounted by its share of link text, wins. Sibling blocks that read like the
 * same article are then gathered with it.
 */
final class ContentFinder {

    /** Blocks shorter than this are labels, buttons or captions, not prose. */
    private static final int MIN_BLOCK_CHARS = 25;
    /** How many ancestors a block's score reaches: beyond that, wrappers of the whole page. */
    private static final int ANCESTOR_LEVELS = 5;
    /** Other candidates this close to the best suggest the article is split over several boxes. */
    private static final double CLOSE_CANDIDATE = 0.75;
    /** A sibling joins when it scores this share of the best candidate. */
    private static final double SIBLING_SHARE = 0.2;
    /** A sibling paragraph joins when it is this long and mostly not links... */
    private static final int SIBLING_PARAGRAPH_CHARS = 80;
    /** ...with at most this share of link text (guards against lists of links dressed as p). */
    private static final double SIBLING_MAX_LINK_DENSITY = 0.25;

    /** The parent must hold this much more prose (ratio and characters) to be the article... */
    private static final double PROSE_GROWTH = 1.25;
    private static final int PROSE_GROWTH_MIN_CHARS = 150;
    /** ...counting blocks this long, with links below this share. */
    private static final int PROSE_BLOCK_CHARS = 60;
    private static final double PROSE_MAX_LINK_DENSITY = 0.3;
    /** Article boxes sit a few levels apart at most; beyond that the parent is the page. */
    private static final int MAX_PROSE_CLIMB = 4;

    static final Set<String> BLOCK_TAGS = Set.of("p", "div", "section", "article", "main", "header", "footer",
            "aside", "blockquote", "pre", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody",
            "tfoot", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "hr", "form",
            "address", "details", "summary", "fieldset", "center", "nav", "picture", "caption");

    private static final Set<String> SCORED = Set.of("p", "pre", "td", "blockquote", "li", "dd");

    private final Map<Element, double[]> scores = new IdentityHashMap<>();
    private final TextStats stats;

    private ContentFinder(TextStats stats) {
        this.stats = stats;
    }

    /** The article's containers; the whole body when the page holds no prose block at all. */
    static List<Element> find(Element body) {
        ContentFinder finder = new ContentFinder(TextStats.of(body));
        finder.scoreBlocks(body);
        Element top = finder.best();
        return top == null ? List.of(body) : finder.withSiblings(finder.widen(top));
    }

    /** Paragraphs and their kin score as blocks; containers and list items holding blocks score
     * their loose text. */
    private void scoreBlocks(Element body) {
        for (Element e : body.getAllElements()) {
            boolean scored = SCORED.contains(e.normalName());
            if (!scored && !isContainer(e)) continue;
            if ((!scored || e.nameIs("li")) && hasBlockChild(e)) scoreLooseText(e);
            else scoreBlock(e);
        }
    }

    private static boolean isContainer(Element e) {
        return e.nameIs("div") || e.nameIs("section") || e.nameIs("article") || e.nameIs("main")
                || e.nameIs("span") && e.parent() != null && e.parent().nameIs("div") && e.childrenSize() == 0
                || e.nameIs("font") || e.nameIs("center");
    }

    static boolean hasBlockChild(Element e) {
        for (Element child : e.children()) if (BLOCK_TAGS.contains(child.normalName())) return true;
        return false;
    }

    /** Text directly inside a container that also has blocks: each long run counts as a paragraph. */
    private void scoreLooseText(Element container) {
        int run = 0;
        int commas = 0;
        for (Node child : container.childNodes()) {
            if (child instanceof TextNode t) {
                String text = t.text().trim();
                run += text.length();
                commas += commas(text);
            } else if (child instanceof Element c && !BLOCK_TAGS.contains(c.normalName())) {
                TextStats.Counts counts = stats.get(c);
                run += c.nameIs("a") ? 0 : counts.chars();
                commas += counts.commas();
            } else {
                addRun(container, run, commas);
                run = 0;
                commas = 0;
            }
        }
        addRun(container, run, commas);
    }

    private void addRun(Element container, int chars, int commas) {
        if (chars >= MIN_BLOCK_CHARS) spread(container, blockScore(chars, commas));
    }

    private void scoreBlock(Element block) {
        TextStats.Counts counts = stats.get(block);
        if (block.parent() == null || counts.chars() < MIN_BLOCK_CHARS || counts.linkDensity() > 0.5) return;
        spread(block.parent(), blockScore(counts.chars(), counts.commas()));
    }

    private static double blockScore(int chars, int commas) {
        return 1 + commas + Math.min(chars / 100.0, 3);
    }

    private void spread(Element first, double score) {
        Element e = first;
        for (int level = 0; e != null && level < ANCESTOR_LEVELS && !e.nameIs("html"); level++, e = e.parent()) {
            double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
            scores.computeIfAbsent(e, k -> new double[] {initialScore(k)})[0] += score / divider;
        }
    }

    private static double initialScore(Element e) {
        double score = switch (e.normalName()) {
            case "div", "article", "main" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        if ("articleBody".equals(e.attr("itemprop"))) score += 25;
        return score + Boilerplate.classWeight(e);
    }

    private double finalScore(Element e) {
        double[] s = scores.get(e);
        return s == null ? 0 : s[0] * (1 - stats.get(e).linkDensity());
    }

    private Element best() {
        return scores.keySet().stream().max(Comparator.comparingDouble(this::finalScore)).orElse(null);
    }

    /** Moves up when the article is split: several near-best candidates under one ancestor mean
     * that ancestor is the article; and an only child stands for its parent. */
    private Element widen(Element top) {
        double topScore = finalScore(top);
        List<Element> close = new ArrayList<>();
        for (Element e : scores.keySet()) {
            if (e != top && finalScore(e) >= topScore * CLOSE_CANDIDATE && !isAncestor(e, top) && !isAncestor(top, e)) {
                close.add(e);
            }
        }
        for (Element a = top.parent(); close.size() >= 2 && a != null && !a.nameIs("body"); a = a.parent()) {
            Element ancestor = a;
            if (close.stream().filter(c -> isAncestor(ancestor, c)).count() >= 2) {
                top = ancestor;
                break;
            }
        }
        top = climbWhileScoreRises(top);
        top = climbWhileProseGrows(top);
        while (top.parent() != null && !top.parent().nameIs("body") && top.parent().childrenSize() == 1) {
            top = top.parent();
        }
        return top;
    }

    /** A parent that scores more than its best child holds more of the article than the child. */
    private Element climbWhileScoreRises(Element top) {
        double last = finalScore(top);
        double threshold = last / 3;
        for (Element parent = top.parent(); parent != null && !parent.nameIs("body"); parent = parent.parent()) {
            if (!scores.containsKey(parent)) continue;
            double s = finalScore(parent);
            if (s < threshold) break;
            if (s > last) return parent;
            last = s;
        }
        return top;
    }

    /** An article split over boxes ("field__item" after "field__item") scores one box best: move up
     * while the parent holds clearly more prose (teaser lists have short or linked paragraphs); a
     * box with almost no prose of its own (a table row) looks past ancestors that add none. */
    private Element climbWhileProseGrows(Element top) {
        int prose = proseChars(top);
        int steps = 0;
        for (Element parent = top.parent(); parent != null && !parent.nameIs("html") && steps++ < MAX_PROSE_CLIMB;
                parent = parent.parent()) {
            if (stats.get(parent).linkDensity() > PROSE_MAX_LINK_DENSITY) break;
            int parentProse = proseChars(parent);
            if (parentProse < prose * PROSE_GROWTH || parentProse - prose < PROSE_GROWTH_MIN_CHARS) {
                if (prose < PROSE_GROWTH_MIN_CHARS) continue;
                break;
            }
            top = parent;
            prose = parentProse;
        }
        return top;
    }

    private int proseChars(Element e) {
        return e.getAllElements().stream()
                .filter(block -> block.nameIs("p") || block.nameIs("pre") || isContainer(block) && !hasBlockChild(block) && !block.nameIs("span"))
                .map(stats::get)
                .filter(c -> c.chars() >= PROSE_BLOCK_CHARS && c.linkDensity() < PROSE_MAX_LINK_DENSITY)
                .mapToInt(TextStats.Counts::chars).sum();
    }

    /** Enough prose, and few links, to be part of the article. */
    private boolean holdsProse(Element box) {
        return proseChars(box) >= PROSE_GROWTH_MIN_CHARS && stats.get(box).linkDensity() < PROSE_MAX_LINK_DENSITY;
    }

    private static boolean isAncestor(Element ancestor, Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) if (p == ancestor) return true;
        return false;
    }

    private List<Element> withSiblings(Element top) {
        Element parent = top.parent();
        if (top.nameIs("body") || parent == null || parent.nameIs("html")) return List.of(top);
        double topScore = finalScore(top);
        double threshold = Math.max(10, topScore * SIBLING_SHARE);
        List<Element> picked = new ArrayList<>();
        Element lead = leadBefore(top);
        for (Element sibling : parent.children()) {
            if (sibling == top || sibling == lead || joins(sibling, top, topScore, threshold)) picked.add(sibling);
        }
        picked = withCousins(parent, picked);
        if (lead != null && lead.parent() != parent) picked.addFirst(plain(lead));
        return picked;
    }

    /** How far above the chosen box the page's repeated wrappers are looked for: page builders
     * nest each section's text three or four boxes deep. */
    private static final int COUSIN_LEVELS = 4;

    /** An article cut into parts by the page's repeated wrappers ("story-body-supplemental" around
     * "story-body-1", an ad, another around "story-body-2"): the nearest wrapper whose siblings of
     * the same tag and class hold prose with few links brings them in, in page order. */
    private List<Element> withCousins(Element parent, List<Element> picked) {
        Element wrapper = parent;
        for (int level = 1; level <= COUSIN_LEVELS && wrapper != null; level++, wrapper = wrapper.parent()) {
            Element holder = wrapper.parent();
            if (holder == null || holder.nameIs("html") || wrapper.nameIs("body")) return picked;
            if (wrapper.className().isBlank()) continue;
            List<Element> out = new ArrayList<>();
            boolean found = false;
            for (Element sibling : holder.children()) {
                if (sibling == wrapper) {
                    out.addAll(picked);
                } else if (sibling.normalName().equals(wrapper.normalName()) && sibling.className().equals(wrapper.className())
                        && holdsProse(sibling)) {
                    out.add(sibling);
                    found = true;
                }
            }
            if (found) return out;
        }
        return picked;
    }

    /** Lead paragraphs this long are prose; longer "leads" are other articles' teasers. */
    private static final int LEAD_MIN_CHARS = 40;
    private static final int LEAD_MAX_CHARS = 800;
    /** The standfirst sits in the article's header, a few levels above the body box... */
    private static final int LEAD_LEVELS = 3;
    /** ...among the few boxes just before it (headline, kicker, picture, byline). */
    private static final int LEAD_SIBLINGS = 4;
    /** Boxes bigger than this before the body are other content, not a header to search. */
    private static final int LEAD_HEADER_MAX_CHARS = 3000;

    /** The standfirst ("lead", "intro", "deck"), which scores too little to join and often sits in
     * the article's header: looked for in the few boxes before the body box and its nearest
     * ancestors; a lead beside the body box is returned as that box. */
    private Element leadBefore(Element top) {
        Element from = top;
        for (int level = 0; level <= LEAD_LEVELS && from != null && !from.nameIs("body"); level++, from = from.parent()) {
            Element sibling = from.previousElementSibling();
            for (int i = 0; i < LEAD_SIBLINGS && sibling != null; i++, sibling = sibling.previousElementSibling()) {
                if (stats.get(sibling).chars() > LEAD_HEADER_MAX_CHARS) break;
                if (isLeadBox(sibling)) return sibling;
                for (Element inner : sibling.select("*")) {
                    if (inner != sibling && isLeadBox(inner)) return level == 0 ? sibling : inner;
                }
            }
        }
        return null;
    }

    private boolean isLeadBox(Element e) {
        TextStats.Counts c = stats.get(e);
        return c.chars() >= LEAD_MIN_CHARS && c.chars() <= LEAD_MAX_CHARS && c.linkDensity() <= 0.2
                && (Boilerplate.isLead(e) || isSubheadline(e));
    }

    /** A second headline in the article's header is its standfirst set as a heading. */
    private static boolean isSubheadline(Element e) {
        Element parent = e.parent();
        return e.nameIs("h2") && parent != null && (parent.nameIs("header") || parent.nameIs("hgroup") || parent.nameIs("article"));
    }

    /** The lead's content under a plain element: its class words ("teaser") must not make the
     * cleaner take it for a widget. */
    private static Element plain(Element lead) {
        Element plain = new Element(hasBlockChild(lead) ? "div" : "p");
        lead.replaceWith(plain);
        plain.appendChildren(new ArrayList<>(lead.childNodes()));
        return plain;
    }

    private boolean joins(Element sibling, Element top, double topScore, double threshold) {
        boolean sameClass = !top.className().isEmpty() && sibling.className().equals(top.className());
        double bonus = sameClass ? topScore * 0.2 : 0;
        if (scores.containsKey(sibling) && finalScore(sibling) + bonus >= threshold) return true;
        // a box named as the chosen one, holding prose too deep below it to have scored ("acf-content" after "acf-content")
        if (sameClass && holdsProse(sibling)) return true;
        if (!sibling.nameIs("p") && !(isContainer(sibling) && !hasBlockChild(sibling))) return false;
        TextStats.Counts counts = stats.get(sibling);
        if (counts.chars() > SIBLING_PARAGRAPH_CHARS) return counts.linkDensity() < SIBLING_MAX_LINK_DENSITY;
        return counts.chars() > 0 && counts.linkChars() == 0 && sibling.text().matches("(?s).*[.!?。]\\s*$");
    }

    private static int commas(String text) {
        return (int) text.chars().filter(ch -> ch == ',' || ch == '\u060C' || ch == '\u3001' || ch == '\uFF0C').count();
    }
}
