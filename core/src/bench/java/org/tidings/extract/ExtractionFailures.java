package org.tidings.extract;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.tidings.html.PageDecoder;

/**
 * A development aid: for every snippet of extraction-eval-dev that the extractor gets wrong, says
 * which stage lost it (page cleaning, the content finder's choice, the content cleaner) and under
 * which elements it sits, so that failures can be grouped by cause rather than read page by page.
 * Usage: {@code ExtractionFailures [dataDir=../shared/data]}; one line per failure, tab-separated:
 * kind, stage, file, the element chain, the snippet. {@code ExtractionFailures --page FILE SNIPPET} says
 * where one snippet of one page is lost.
 */
public final class ExtractionFailures {

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("--page")) {
            System.out.println(lostAt(Files.readAllBytes(Path.of(args[1])), DataSets.DEV_URL, args[2]));
            return;
        }
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        for (DataSets.EvalPage page : DataSets.evalPages(data)) {
            byte[] bytes = Files.readAllBytes(page.file());
            String text = Scoring.fold(ArticleExtractor.extract(bytes, null, page.url()).text());
            List<String> missing = new ArrayList<>();
            List<String> leaked = new ArrayList<>();
            for (String s : page.with()) if (!text.contains(Scoring.fold(s))) missing.add(s);
            for (String s : page.without()) if (text.contains(Scoring.fold(s))) leaked.add(s);
            if (missing.isEmpty() && leaked.isEmpty()) continue;
            String name = page.file().getFileName().toString();
            for (String s : missing) System.out.println("MISSING\t" + lostAt(bytes, page.url(), s) + "\t" + name + "\t" + s);
            for (String s : leaked) {
                Document doc = parse(bytes, page.url());
                System.out.println("LEAKED\t-\t" + name + "\t" + chain(deepest(doc.body(), Scoring.fold(s))) + "\t" + s);
            }
        }
    }

    /** Replays the extractor's stages and names the first one after which the snippet is gone. */
    private static String lostAt(byte[] bytes, String url, String snippet) {
        String s = Scoring.fold(snippet);
        Document doc = parse(bytes, url);
        PageMetadata meta = PageMetadata.read(doc, url);
        Element where = deepest(doc.body(), s);
        if (where == null) return "absent-in-page\t-";
        String path = chain(where);
        PageCleaning.prepare(doc, false);
        if (!Scoring.fold(doc.body().text()).contains(s)) return "page-cleaning:" + removed(where) + "\t" + path;
        List<Element> picks = ContentFinder.find(doc.body());
        boolean chosen = picks.stream().anyMatch(p -> Scoring.fold(p.text()).contains(s));
        if (!chosen) return "not-chosen:" + chain(picks.getFirst()) + "\t" + path;
        Element content = new Element("div");
        for (Element e : picks) content.appendChild(e);
        ContentCleaner.clean(content, meta.title(), meta.byline());
        if (!Scoring.fold(content.text()).contains(s)) return "content-cleaner:" + removed(where) + "\t" + path;
        ArticleHtml.normalize(content);
        if (!Scoring.fold(ArticleHtml.text(content)).contains(s)) return "rendering\t" + path;
        return "structured-body\t" + path;
    }

    private static Document parse(byte[] bytes, String url) {
        return Parser.htmlParser().setMaxDepth(ArticleExtractor.MAX_DEPTH)
                .parseInput(PageDecoder.decode(bytes, null), url);
    }

    /** The deepest element whose text holds the snippet. */
    private static Element deepest(Element root, String s) {
        if (!Scoring.fold(root.text()).contains(s)) return null;
        Element e = root;
        outer:
        while (true) {
            for (Element child : e.children()) {
                if (Scoring.fold(child.text()).contains(s)) {
                    e = child;
                    continue outer;
                }
            }
            return e;
        }
    }

    /** The outermost ancestor that was taken out of the tree. */
    private static String removed(Element e) {
        Element top = e;
        while (top.parent() != null) top = top.parent();
        return describe(top);
    }

    private static String chain(Element e) {
        if (e == null) return "-";
        List<String> parts = new ArrayList<>();
        for (Element p = e; p != null && !p.nameIs("html") && parts.size() < 6; p = p.parent()) parts.add(describe(p));
        return String.join(" < ", parts);
    }

    private static String describe(Element e) {
        String d = e.normalName();
        if (!e.id().isEmpty()) d += "#" + e.id();
        if (!e.className().isBlank()) d += "." + e.className().trim().replaceAll("\\s+", ".");
        return d.length() > 80 ? d.substring(0, 80) : d;
    }
}
