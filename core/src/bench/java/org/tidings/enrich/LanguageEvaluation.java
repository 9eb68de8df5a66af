package org.tidings.enrich;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Measures language detection against the {@code lang} attribute of the pages of extraction-eval-dev, on the page's
 * visible text, on the people-chosen main-text snippets, and on the headlines of stories-dev (all English).
 * No declared language is given (that would make it trivial). Usage: {@code LanguageEvaluation ../shared/data [verbose]} (verbose lists each disagreement).
 */
public final class LanguageEvaluation {

    private static final Pattern HTML_LANG = Pattern.compile("<html[^>]*\\slang\\s*=\\s*[\"']?([A-Za-z]{2,3})",
            Pattern.CASE_INSENSITIVE);

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        boolean verbose = args.length > 1 && args[1].equals("verbose");
        LanguageDetector detector = new LanguageDetector();
        ObjectMapper json = new ObjectMapper();
        JsonNode expectations = json.readTree(data.resolve("extraction-eval-dev/expectations.json").toFile());
        int pages = 0;
        int pageHits = 0;
        int snippetPages = 0;
        int snippetHits = 0;
        Map<String, Integer> confusion = new TreeMap<>();
        for (var entry : expectations.properties()) {
            Path file = data.resolve("extraction-eval-dev/pages").resolve(entry.getValue().get("file").asString());
            String html = Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1);
            html = new String(html.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                    java.nio.charset.StandardCharsets.UTF_8);
            Matcher m = HTML_LANG.matcher(html.length() > 20_000 ? html.substring(0, 20_000) : html);
            if (!m.find()) {
                continue;
            }
            String truth = m.group(1).toLowerCase(Locale.ROOT).substring(0, 2);
            String text = Jsoup.parse(html).body().text();
            String guess = detector.detect(text, null).lang();
            pages++;
            pageHits += guess.equals(truth) ? 1 : 0;
            if (!guess.equals(truth)) {
                confusion.merge(truth + "->" + guess, 1, Integer::sum);
                if (verbose) {
                    String with = entry.getValue().get("with").toString();
                    System.out.println(truth + "->" + guess + " " + entry.getKey() + " " + with.substring(0,
                            Math.min(160, with.length())));
                }
            }
            StringBuilder snippets = new StringBuilder();
            entry.getValue().get("with").forEach(s -> snippets.append(s.asString()).append(". "));
            if (snippets.length() > 40) {
                snippetPages++;
                snippetHits += detector.detect(snippets.toString(), null).lang().equals(truth) ? 1 : 0;
            }
        }
        System.out.printf("extraction-eval-dev pages with <html lang>: %d; page text accuracy %.3f (%d/%d)%n",
                pages, (double) pageHits / pages, pageHits, pages);
        System.out.printf("main-text snippets (pages with >40 chars of snippets): accuracy %.3f (%d/%d)%n",
                (double) snippetHits / snippetPages, snippetHits, snippetPages);
        System.out.println("errors (truth->guess): " + confusion);
        headlines(data, detector, json);
    }

    private static void headlines(Path data, LanguageDetector detector, ObjectMapper json) throws Exception {
        int total = 0;
        int bare = 0;
        int withPrior = 0;
        for (String line : Files.readAllLines(data.resolve("stories-dev.jsonl"))) {
            String title = json.readTree(line).get("title").asString();
            total++;
            bare += detector.detect(title, null).lang().equals("en") ? 1 : 0;
            withPrior += detector.detect(title, "en").lang().equals("en") ? 1 : 0;
        }
        System.out.printf("stories-dev headlines (English): accuracy %.3f without a prior, %.3f with declared \"en\" (n=%d)%n",
                (double) bare / total, (double) withPrior / total, total);
    }
}
