package org.tidings.extract;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.NodeFilter.FilterResult;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.Elements;

/**
 * Cleans the chosen article container: removes furniture the page-wide pass left (it protects
 * large boxes), link lists, widget-like boxes, repeated headlines and bylines, lone dates and labels.
 */
final class ContentCleaner {

    /** A list or box whose text is more than this share of links is a menu or a "read more" list. */
    private static final double MAX_LINK_DENSITY = 0.5;
    /** Boxes without a content class tolerate less link text: one link in a short box is a teaser. */
    private static final double MAX_LINK_DENSITY_PLAIN_BOX = 0.33;
    /** Boxes shorter than this, without images, are widgets or labels... */
    private static final int MIN_BOX_CHARS = 25;
    /** ...and boxes with this many commas are prose whatever else they hold. */
    private static final int PROSE_COMMAS = 10;

    private static final Pattern DATE_ONLY = Pattern.compile("(?iu)^(published|updated|posted|veröffentlicht|"
            + "aktualisiert|publié|mis à jour|publicado|actualizado|pubblicato|on|am|le|el)?[:\\s]*"
            + "([\\p{L}]+,?\\s+)?(\\d{1,4}[./\\-]\\s?\\d{1,2}[./\\-]\\s?\\d{2,4}|\\d{1,2}\\.?\\s+\\p{L}+\\.?\\s+\\d{4}|"
            + "\\p{L}+\\.?\\s+\\d{1,2},?\\s+\\d{4})([,\\s]+(at|um|à|a las|alle)?\\s*\\d{1,2}[:.h]\\d{2}(\\s*[ap]\\.?m\\.?)?"
            + "(\\s*(uhr|[A-Z]{2,4}))?)?\\s*[|·•-]?\\s*$");

    /** Photo credits and source lines ("Foto: dpa", "Image: Reuters"): a short element starting so. */
    private static final Pattern CREDIT = Pattern.compile("(?iu)^(foto|fotos|photo|photos|bild|bilder|image|"
            + "images|quelle|source|credit|credits|crédit|crédits|photo credit|fotocredit|zdjęcie|©|\\(c\\))\\s*:");

    /** "Read more: Other story", "Lesen Sie auch: ...": a pointer to another article, not text.
     * Only short elements are tested, so a paragraph that merely starts "See also the ..." stays. */
    private static final Pattern READ_ALSO = Pattern.compile("(?iu)^\\W{0,3}(read (more|also)|see also|related|"
            + "more on this|recommended|lesen sie (auch|mehr)|auch interessant|das könnte (dich|sie) auch interessieren|"
            + "mehr zum thema|zum weiterlesen|weitere (beiträge|artikel|informationen)|mehr dazu|lust auf mehr|"
            + "le puede interesar|puede interesarte|puedes ver|lee también|leer más|te puede interesar|"
            + "lire aussi|à lire aussi|voir aussi|leggi anche|potrebbe interessarti|czytaj (także|też|również)|"
            + "zobacz (też|także)|dowiedz się więcej|lees ook|läs också|les også|lue myös)\\b\\s*[:!?.…]?");

    private ContentCleaner() {}

    static void clean(Element content, String title, String byline) {
        removeFurniture(content);
        removeLabelsAndDates(content);
        removeRepeatedHeadline(content, title);
        removeRepeatedByline(content, byline);
        removeWidgetBoxes(content);
        removeTrailingAppeals(content);
        removeEmpty(content);
        removeTrailingHeadings(content);
    }

    /** Furniture holding more than this share of the article's text is the article under an odd
     * name ("subscriber-content", "share-wrapper" around everything). */
    private static final double FURNITURE_MAX_SHARE = 0.5;
    /** A box holding this share of the chosen text is the article, however short or oddly named:
     * a one-paragraph notice must not vanish as a "widget". */
    private static final double ARTICLE_SHARE = 0.9;

    private static void removeFurniture(Element content) {
        TextStats stats = TextStats.of(content);
        double limit = stats.chars(content) * FURNITURE_MAX_SHARE;
        Set<Element> bodies = PageCleaning.markedWithAncestors(content, "[itemprop=articleBody]");
        PageCleaning.SentencePhrases phrases = new PageCleaning.SentencePhrases();
        List<Element> doomed = new java.util.ArrayList<>();
        for (Element e : content.getAllElements()) {
            if (e == content || PageCleaning.isProtected(e)) continue;
            if (PageCleaning.isFurniture(e, PageCleaning.furnitureWords(e), stats, limit) && !bodies.contains(e)
                    && !phrases.contains(e)) doomed.add(e);
        }
        Removal.removeAll(doomed);
    }

    /** Labels, credits and lone dates are short: only elements up to this long are read. */
    private static final int MAX_LABEL_CHARS = 200;

    /** The phrase with a colon ("Read more: ..."), alone, or on a line that is mostly a link. */
    private static boolean isReadAlso(String text, TextStats.Counts counts) {
        java.util.regex.Matcher m = READ_ALSO.matcher(text);
        return m.lookingAt() && (m.group().trim().endsWith(":") || text.substring(m.end()).trim().isEmpty() || text.endsWith(":")
                || counts.linkDensity() >= 0.5);
    }

    /** Outermost short elements only: a wrapper chain around one label is judged once, and linearly;
     * the labels found are removed together (one by one would re-index their siblings each time). */
    private static void removeLabelsAndDates(Element content) {
        TextStats stats = TextStats.of(content);
        List<Element> doomed = new java.util.ArrayList<>();
        NodeTraversor.filter((node, depth) -> {
            if (!(node instanceof Element e) || e == content) return FilterResult.CONTINUE;
            int chars = stats.chars(e);
            if (chars > MAX_LABEL_CHARS) return FilterResult.CONTINUE;
            if (chars == 0) return e.nameIs("time") ? doom(e, doomed) : FilterResult.SKIP_CHILDREN;
            String text = e.text().trim();
            boolean image = stats.get(e).images() > 0;
            boolean labelText = Boilerplate.isLabel(text) || CREDIT.matcher(text).lookingAt() || isReadAlso(text, stats.get(e));
            if (image && labelText) return FilterResult.CONTINUE; // a picture with its credit: the credit alone goes
            if (labelText || DATE_ONLY.matcher(text).matches()) return doom(e, doomed);
            return e.nameIs("time") && e.parent() != null && stats.chars(e.parent()) == chars
                    ? doom(e, doomed) : FilterResult.SKIP_CHILDREN;
        }, content);
        Removal.removeAll(doomed);
    }

    private static FilterResult doom(Element e, List<Element> doomed) {
        doomed.add(e);
        return FilterResult.SKIP_ENTIRELY;
    }

    private static void removeRepeatedHeadline(Element content, String title) {
        if (title == null) return;
        String t = squash(title);
        for (Element h : content.select("h1, h2, h3")) {
            String text = squash(h.text());
            if (!text.isEmpty() && (text.equals(t) || t.startsWith(text) && text.length() > t.length() / 2)) {
                h.remove();
                return;
            }
        }
    }

    /** "By Jane Doe" above the text, when the byline is known from the metadata: the outermost
     * short element that holds it, and only the first. */
    private static void removeRepeatedByline(Element content, String byline) {
        if (byline == null) return;
        String b = squash(byline);
        if (b.length() < 4) return;
        TextStats stats = TextStats.of(content);
        int limit = byline.length() + 40;
        Element[] found = new Element[1];
        NodeTraversor.filter((node, depth) -> {
            if (!(node instanceof Element e) || e == content) return FilterResult.CONTINUE;
            int chars = stats.chars(e);
            if (chars > limit) return FilterResult.CONTINUE;
            if (chars == 0) return FilterResult.SKIP_CHILDREN;
            String text = squash(e.text());
            if (!text.contains(b) || text.length() > b.length() + 12 && chars >= 100) return FilterResult.SKIP_CHILDREN;
            found[0] = e;
            return FilterResult.STOP;
        }, content);
        if (found[0] != null) found[0].remove();
    }

    private static void removeWidgetBoxes(Element content) {
        Elements boxes = content.select("div, section, ul, ol, table, form, aside, dl, header, footer, figure");
        Set<Element> dataTables = dataTables(content);
        TextStats stats = TextStats.of(content);
        int total = stats.chars(content);
        double limit = total * FURNITURE_MAX_SHARE;
        List<Element> doomed = new java.util.ArrayList<>();
        for (int i = boxes.size() - 1; i >= 0; i--) {
            Element box = boxes.get(i);
            if (box == content || dataTables.contains(box) || inDataTable(box, dataTables)) continue;
            if (stats.chars(box) >= total * ARTICLE_SHARE && total > 0) continue; // the article itself
            if (isWidgetBox(box, stats.get(box), limit)) {
                stats.remove(box);
                doomed.add(box);
            }
        }
        Removal.removeAll(doomed);
    }

    private static boolean isWidgetBox(Element box, TextStats.Counts counts, double limit) {
        int weight = Boilerplate.classWeight(box);
        if (weight < 0) return counts.chars() < limit && proseScore(counts) + weight < 0;
        if (counts.commas() >= PROSE_COMMAS || box.nameIs("figure") && counts.images() > 0) return false;
        boolean list = box.nameIs("ul") || box.nameIs("ol");
        double density = counts.linkDensity();
        if (counts.chars() < MIN_BOX_CHARS && counts.images() == 0 && counts.media() == 0 && counts.headings() == 0) return true;
        if (!list && counts.items() > counts.paragraphs() + 5 && density > 0.2) return true;
        if (density > MAX_LINK_DENSITY) return true;
        return weight == 0 && !list && density > MAX_LINK_DENSITY_PLAIN_BOX && counts.chars() < 300;
    }

    /** A box's prose on the scale of a class weight (25): a "widget" holding the article's
     * paragraphs outweighs its name; a share bar or teaser does not. */
    private static double proseScore(TextStats.Counts counts) {
        return counts.commas() + 2.0 * counts.paragraphs() + counts.chars() / 100.0;
    }

    /** Tables with headers or a caption, or many cells and no nested blocks; a table holding a
     * table is layout (found from the inner tables upwards, linear in the page). */
    static Set<Element> dataTables(Element root) {
        Elements tables = root.select("table");
        Set<Element> layout = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element table : tables) {
            for (Element p = table.parent(); p != null && p != root; p = p.parent()) {
                if (p.nameIs("table") && !layout.add(p)) break;
            }
        }
        Set<Element> data = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element table : tables) if (!layout.contains(table) && isDataTable(table)) data.add(table);
        return data;
    }

    private static boolean isDataTable(Element table) {
        if ("presentation".equals(table.attr("role"))) return false;
        if (table.selectFirst("caption, th, thead") != null || !table.attr("summary").isEmpty()) return true;
        int rows = table.select("tr").size();
        if (table.selectFirst("td div, td p, td ul, td section") != null) return isGridOfShortCells(table, rows);
        return rows >= 2 && table.select("td").size() >= 4;
    }

    /** Rows of a data table that an editor exported with a box in every cell: at least this many... */
    private static final int GRID_MIN_ROWS = 3;
    /** ...and no cell longer than this; a layout table holds the page's columns, which are long. */
    private static final int GRID_MAX_CELL_CHARS = 200;

    /** A table whose rows all have the same number of short cells (two or more) is a grid of data,
     * even when each cell wraps its text in a box. */
    private static boolean isGridOfShortCells(Element table, int rows) {
        if (rows < GRID_MIN_ROWS) return false;
        int columns = -1;
        for (Element row : table.select("tr")) {
            Elements rowCells = row.select("> td, > th");
            if (columns == -1) columns = rowCells.size();
            if (rowCells.size() != columns || columns < 2) return false;
            for (Element cell : rowCells) if (cell.text().length() > GRID_MAX_CELL_CHARS) return false;
        }
        return true;
    }

    /** Boxes inside a data table's cells are judged with the table, not one by one: a cell holding
     * only a link is data, not a menu. */
    private static boolean inDataTable(Element box, Set<Element> dataTables) {
        if (dataTables.isEmpty()) return false;
        for (Element p = box.parent(); p != null; p = p.parent()) if (p.nameIs("table")) return dataTables.contains(p);
        return false;
    }

    /** Elements that stay though empty: breaks, pictures and the cells of a table. */
    private static final Set<String> EMPTY_BY_NATURE = Set.of("br", "hr", "img", "source", "td", "th", "tr");

    private static void removeEmpty(Element content) {
        TextStats stats = TextStats.of(content);
        List<Element> doomed = new java.util.ArrayList<>();
        for (Element e : content.getAllElements()) {
            // an empty element inside an empty element goes with it
            if (e != content && isEmpty(e, stats) && (e.parent() == content || !isEmpty(e.parent(), stats))) doomed.add(e);
        }
        Removal.removeAll(doomed);
    }

    private static boolean isEmpty(Element e, TextStats stats) {
        TextStats.Counts c = stats.get(e);
        return c.chars() == 0 && c.images() == 0 && c.media() == 0 && !EMPTY_BY_NATURE.contains(e.normalName());
    }

    /** The publisher's appeals after the story (subscribe, follow us, get the app, support us,
     * copyright notices, ad disclosures), in the languages of the pages seen. */
    private static final Pattern APPEAL = Pattern.compile("(?iu)(subscri(be|ption)|newsletter|sign(ing)? up|"
            + "follow us|get the app|\\bour app|enjoyed (reading )?this|we want to hear|"
            + "support (our|independent) journalism|become a (member|supporter)|all rights reserved|copyright|"
            + "download\\b.{0,40}\\bapps?\\b|reprint|written permission|s[ií]guenos|suscr[íi]b|suscripci[oó]n|hazte (miembro|socio)|escríbenos|"
            + "escribirnos|periodismo (independiente|desde)|abonn|folgen sie uns|folge uns|unterstützen sie|"
            + "alle rechte vorbehalten|werbung|anzeige|zapraszamy|subskrypc|prenumerat|inscrivez|suivez-nous|"
            + "droits réservés|iscriviti|seguici|tutti i diritti)");
    /** Appeals are short: a longer block is the story, whatever words it uses. */
    private static final int APPEAL_MAX_CHARS = 300;
    /** A block this long that is no appeal is the story's end: reading stops there. */
    private static final int APPEAL_STORY_CHARS = 80;
    /** How many blocks at the end of the article are read for appeals. */
    private static final int APPEAL_TAIL_BLOCKS = 6;

    private static void removeTrailingAppeals(Element content) {
        List<Element> blocks = content.getAllElements().stream().filter(e -> e != content && !ContentFinder.hasBlockChild(e)
                && !e.nameIs("br") && ContentFinder.BLOCK_TAGS.contains(e.normalName()) && !e.text().isBlank()).toList();
        List<Element> doomed = new java.util.ArrayList<>();
        for (int i = blocks.size() - 1, seen = 0; i >= 0 && seen < APPEAL_TAIL_BLOCKS; i--, seen++) {
            Element block = blocks.get(i);
            String text = block.text();
            if (text.length() > APPEAL_MAX_CHARS) break;
            if (APPEAL.matcher(text).find()) doomed.add(block);
            else if (text.length() >= APPEAL_STORY_CHARS) break;
        }
        Removal.removeAll(doomed);
    }

    /** A heading with nothing after it introduced a list that was removed ("Related stories"). */
    private static void removeTrailingHeadings(Element content) {
        for (Element last = lastLeaf(content); last != null && last.normalName().matches("h[1-6]"); last = lastLeaf(content)) {
            last.remove();
        }
    }

    private static Element lastLeaf(Element content) {
        Element e = content.lastElementChild();
        while (e != null && !e.normalName().matches("h[1-6]|p|ul|ol|table|figure|blockquote|pre")
                && e.lastElementChild() != null) {
            e = e.lastElementChild();
        }
        return e;
    }

    static String squash(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
