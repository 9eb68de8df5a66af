package org.tidings.enrich;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import org.tidings.extract.ArticleExtractor;
import org.tidings.extract.ExtractedArticle;
import org.tidings.text.FrequentWords;
import org.tidings.text.Slugs;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * How well the hashtags of an article page match the keywords its publisher gave it, on the pages of
 * extraction-eval-dev that carry keywords ({@code news_keywords}, {@code article:tag}, JSON-LD {@code keywords}).
 * Each page is extracted and enriched as the server does (the extractor's title, text and language; the hashtags the
 * article page shows, {@link Enrichment#hashtags()}).
 * <ul>
 * <li>agreement: the share of shown hashtags found among the page's keywords: the hashtag's words are a run of a
 * keyword's words, or a keyword's words a run of the hashtag's ("Obama" in "Barack Obama"), words compared as slugs
 * (lower case, no accents); "exact" counts only a hashtag whose slug is a keyword's slug;</li>
 * <li>common words: the share of shown hashtags that are one word which {@link FrequentWords} calls common in the
 * article's language (among its 10,000 most frequent words and written there in lower case, or a single letter),
 * and which is not a name the gazetteer knows ("China" in a lower-case list is a place, not a common word).</li>
 * </ul>
 * Usage: {@code TopicEvaluation ../shared/data [verbose]} (verbose lists each page's hashtags and keywords).
 */
public final class TopicEvaluation {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data").resolve("extraction-eval-dev");
        boolean verbose = args.length > 1 && args[1].equals("verbose");
        Enricher enricher = new Enricher();
        Gazetteer gazetteer = new Gazetteer();
        JsonNode expectations = JSON.readTree(data.resolve("expectations.json").toFile());
        Map<String, int[]> byLanguage = new TreeMap<>();
        Map<String, Integer> commonSeen = new TreeMap<>();
        int pages = 0;
        int shown = 0;
        int agreed = 0;
        int exact = 0;
        int common = 0;
        int commonRaw = 0;
        List<Page> seen = new ArrayList<>();
        for (var entry : expectations.properties()) {
            byte[] body = Files.readAllBytes(data.resolve("pages").resolve(entry.getValue().get("file").asString()));
            List<String> keywords = keywords(Jsoup.parse(new String(body, java.nio.charset.StandardCharsets.UTF_8)));
            if (keywords.isEmpty()) {
                continue;
            }
            ExtractedArticle page = ArticleExtractor.extract(body, "text/html", entry.getKey());
            Enrichment e = enricher.enrich(page.title(), page.text(), page.lang(), null);
            List<Topic> hashtags = e.hashtags();
            List<List<String>> keywordWords = keywords.stream().map(TopicEvaluation::words).toList();
            seen.add(new Page(entry.getValue().get("file").asString(), e.topics(), keywordWords));
            pages++;
            int[] counts = byLanguage.computeIfAbsent(e.lang(), k -> new int[4]);
            counts[0]++;
            StringBuilder line = new StringBuilder();
            for (Topic t : hashtags) {
                List<String> words = words(t.name());
                boolean found = keywordWords.stream().anyMatch(k -> containsRun(k, words) || containsRun(words, k));
                boolean same = keywordWords.stream().anyMatch(words::equals);
                boolean oneCommonWord = words.size() == 1 && FrequentWords.isCommon(t.name(), e.lang());
                boolean commonWord = oneCommonWord && gazetteer.lookup(t.name()) == null;
                shown++;
                agreed += found ? 1 : 0;
                exact += same ? 1 : 0;
                commonRaw += oneCommonWord ? 1 : 0;
                common += commonWord ? 1 : 0;
                counts[1]++;
                counts[2] += found ? 1 : 0;
                counts[3] += commonWord ? 1 : 0;
                if (commonWord) {
                    commonSeen.merge(e.lang() + ":" + t.hashtag(), 1, Integer::sum);
                }
                line.append(t.hashtag()).append(found ? "+" : "").append(verbose ? "/" + t.score() : "")
                        .append(commonWord ? "(common)" : "").append(' ');
            }
            if (verbose) {
                System.out.println(e.lang() + " " + entry.getKey() + "\n    shown: " + line
                        + "\n    keywords: " + String.join(" | ", keywords));
            }
        }
        System.out.printf("pages with keywords: %d; hashtags shown: %d (%.1f a page)%n", pages, shown,
                (double) shown / pages);
        System.out.printf("agreement: %.1f%% of hashtags found among the page's keywords (%d/%d); exact slug %.1f%%%n",
                percent(agreed, shown), agreed, shown, percent(exact, shown));
        System.out.printf("common words: %.1f%% of hashtags (%d/%d); %.1f%% counting known names too (%d)%n",
                percent(common, shown), common, shown, percent(commonRaw, shown), commonRaw);
        byLanguage.forEach((lang, c) -> System.out.printf(
                "  %s: %d pages, %d hashtags, agreement %.1f%%, common %.1f%%%n", lang, c[0], c[1], percent(c[2], c[1]), percent(c[3], c[1])));
        List<Map.Entry<String, Integer>> worst = new ArrayList<>(commonSeen.entrySet());
        worst.sort(Collections.reverseOrder(Map.Entry.comparingByValue()));
        System.out.println("common-word hashtags: " + worst.stream().limit(40).map(w -> w.getKey() + "×" + w.getValue())
                .toList());
        printGrid(seen);
        if (System.getenv("TOPICS_TSV") != null) {
            try (var out = new java.io.PrintWriter(System.getenv("TOPICS_TSV"), java.nio.charset.StandardCharsets.UTF_8)) {
                for (Page p : seen) {
                    for (Topic t : p.topics()) {
                        out.println(String.join("\t", p.file(), t.kind().name(), t.name(), String.valueOf(t.score()),
                                p.agrees(t) ? "1" : "0"));
                    }
                }
            }
        }
    }

    /** One page's ranked topics and its keywords' words. */
    private record Page(String file, List<Topic> topics, List<List<String>> keywords) {
        boolean agrees(Topic t) {
            List<String> words = words(t.name());
            return keywords.stream().anyMatch(k -> containsRun(k, words) || containsRun(words, k));
        }
    }

    /**
     * Agreement for other choices of shown hashtags (at most N, a score floor relative to the page's first topic), on
     * all pages and on each half of them (file names sorted, split in two), so that a choice is not fitted to the set.
     */
    private static void printGrid(List<Page> pages) {
        List<Page> sorted = pages.stream().sorted(java.util.Comparator.comparing(Page::file)).toList();
        List<Page> first = sorted.subList(0, sorted.size() / 2);
        List<Page> second = sorted.subList(sorted.size() / 2, sorted.size());
        System.out.println("at most N, floor F: agreement all / first half / second half (hashtags a page)");
        for (int cap : new int[] {3, 4, 5, 6, 8}) {
            StringBuilder row = new StringBuilder("  N=" + cap + ":");
            for (double floor : new double[] {0.2, 0.3, 0.4, 0.5, 0.6}) {
                row.append(String.format("  F=%.1f %s/%s/%s (%.1f)", floor, grid(pages, cap, floor), grid(first, cap, floor),
                        grid(second, cap, floor), shownPerPage(pages, cap, floor)));
            }
            System.out.println(row);
        }
    }

    private static List<Topic> shown(Page p, int cap, double floor) {
        return p.topics().stream().takeWhile(t -> t.score() >= floor).filter(t -> !t.slug().isBlank()).limit(cap).toList();
    }

    private static String grid(List<Page> pages, int cap, double floor) {
        int shown = 0;
        int agreed = 0;
        for (Page p : pages) {
            for (Topic t : shown(p, cap, floor)) {
                shown++;
                agreed += p.agrees(t) ? 1 : 0;
            }
        }
        return String.format("%.1f", percent(agreed, shown));
    }

    private static double shownPerPage(List<Page> pages, int cap, double floor) {
        return pages.stream().mapToInt(p -> shown(p, cap, floor).size()).sum() / (double) pages.size();
    }

    /** The publisher's keywords: {@code news_keywords}, {@code article:tag} and JSON-LD {@code keywords}. */
    static List<String> keywords(Document doc) {
        Set<String> out = new LinkedHashSet<>();
        doc.select("meta[name=news_keywords]").forEach(m -> out.addAll(split(m.attr("content"))));
        doc.select("meta[property=article:tag], meta[name=article:tag]")
                .forEach(m -> out.add(m.attr("content").strip()));
        for (Element script : doc.select("script[type=application/ld+json]")) {
            try {
                collectJsonLd(JSON.readTree(script.data()), out);
            } catch (RuntimeException notJson) {
                // a page's broken JSON-LD gives no keywords
            }
        }
        out.removeIf(k -> words(k).isEmpty());
        return List.copyOf(out);
    }

    private static void collectJsonLd(JsonNode node, Set<String> out) {
        if (node.isArray()) {
            node.forEach(n -> collectJsonLd(n, out));
        } else if (node.isObject()) {
            JsonNode keywords = node.get("keywords");
            if (keywords != null && keywords.isString()) {
                out.addAll(split(keywords.asString()));
            } else if (keywords != null && keywords.isArray()) {
                keywords.forEach(k -> out.addAll(split(k.asString())));
            }
            node.forEach(n -> collectJsonLd(n, out));
        }
    }

    private static List<String> split(String value) {
        return Arrays.stream(value.split("[,;]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** A name's words as slugs: "Côte d’Ivoire" is [cote, d, ivoire]. */
    private static List<String> words(String name) {
        String slug = Slugs.slug(name);
        return slug.isEmpty() ? List.of() : List.of(slug.split("-"));
    }

    private static boolean containsRun(List<String> words, List<String> run) {
        return !run.isEmpty() && Collections.indexOfSubList(words, run) >= 0;
    }

    private static double percent(int part, int whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }
}
