package org.tidings.extract;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.tidings.dates.DateReader;

/**
 * Quality harness for {@link ArticleExtractor} (not a unit test: it reads shared/data).
 * <ul>
 *   <li>snippet precision/recall/F1 on extraction-eval-dev (human-chosen snippets);</li>
 *   <li>word 4-gram F1 of the text, title exact match, byline and date agreement on extraction-dev.</li>
 * </ul>
 * Usage: {@code ExtractionEvaluation [dataDir=../shared/data] [--worst N]} prints the figures and,
 * with --worst, the N weakest pages of each set for inspection.
 */
public final class ExtractionEvaluation {

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 && !args[0].startsWith("--") ? args[0] : "../shared/data");
        int worst = 0;
        for (int i = 0; i < args.length - 1; i++) if (args[i].equals("--worst")) worst = Integer.parseInt(args[i + 1]);
        snippets(data, worst);
        dev(data, worst);
    }

    static void snippets(Path data, int worst) throws Exception {
        int[] sums = new int[3];
        List<String> weak = new ArrayList<>();
        for (DataSets.EvalPage page : DataSets.evalPages(data)) {
            ExtractedArticle article = ArticleExtractor.extract(Files.readAllBytes(page.file()), null, page.url());
            int[] one = new int[3];
            Scoring.countSnippets(article.text(), page.with(), page.without(), one);
            for (int k = 0; k < 3; k++) sums[k] += one[k];
            if (one[1] + one[2] > 0) {
                weak.add(String.format("%d missing, %d unwanted  %s%s", one[1], one[2], page.file().getFileName(),
                        missing(article.text(), page)));
            }
        }
        double[] prf = Scoring.snippetPrf(sums);
        System.out.printf(Locale.ROOT, "extraction-eval-dev snippets: P=%.3f R=%.3f F1=%.3f (tp=%d fn=%d fp=%d)%n",
                prf[0], prf[1], prf[2], sums[0], sums[1], sums[2]);
        weak.stream().limit(worst).forEach(w -> System.out.println("  " + w));
    }

    private static String missing(String text, DataSets.EvalPage page) {
        String folded = Scoring.fold(text);
        StringBuilder sb = new StringBuilder();
        for (String s : page.with()) if (!folded.contains(Scoring.fold(s))) sb.append("\n      - want: ").append(s);
        for (String s : page.without()) if (folded.contains(Scoring.fold(s))) sb.append("\n      - unwanted: ").append(s);
        return sb.toString();
    }

    static void dev(Path data, int worst) throws Exception {
        List<DataSets.DevPage> pages = DataSets.devPages(data);
        double precision = 0;
        double recall = 0;
        int titles = 0;
        int titlesModuloSuffix = 0;
        int bylineExpected = 0;
        int bylines = 0;
        int datesExpected = 0;
        int dates = 0;
        List<String[]> rows = new ArrayList<>();
        for (DataSets.DevPage page : pages) {
            ExtractedArticle a = ArticleExtractor.extract(Files.readAllBytes(page.source()), null, DataSets.DEV_URL);
            double[] pr = Scoring.shinglePrecisionRecall(a.text(), page.expectedText());
            precision += pr[0];
            recall += pr[1];
            String expectedTitle = text(page, "title");
            boolean titleOk = Scoring.fold(expectedTitle).equals(Scoring.fold(a.title()));
            if (titleOk) titles++;
            if (titleOk || differsBySiteSuffix(Scoring.fold(expectedTitle), Scoring.fold(a.title()))) titlesModuloSuffix++;
            String expectedByline = text(page, "byline");
            if (expectedByline != null) {
                bylineExpected++;
                if (Scoring.fold(expectedByline).equalsIgnoreCase(Scoring.fold(a.byline()))) bylines++;
            }
            String expectedDate = text(page, "publishedTime");
            if (expectedDate != null) {
                datesExpected++;
                if (sameDate(expectedDate, a.published())) dates++;
            }
            rows.add(new String[] {String.format(Locale.ROOT, "%.3f", Scoring.f1(pr[0], pr[1])), page.name(),
                    String.format(Locale.ROOT, "P=%.2f R=%.2f", pr[0], pr[1]),
                    titleOk ? "" : "title: want [" + expectedTitle + "] got [" + a.title() + "]",
                    expectedByline == null || Scoring.fold(expectedByline).equalsIgnoreCase(Scoring.fold(a.byline())) ? ""
                            : "byline: want [" + expectedByline + "] got [" + a.byline() + "]",
                    expectedDate == null || sameDate(expectedDate, a.published()) ? ""
                            : "date: want [" + expectedDate + "] got [" + a.published() + "]"});
        }
        int n = pages.size();
        double p = precision / n;
        double r = recall / n;
        System.out.printf(Locale.ROOT, "extraction-dev text: word 4-gram P=%.3f R=%.3f F1=%.3f over %d pages%n",
                p, r, Scoring.f1(p, r), n);
        System.out.printf(Locale.ROOT, "extraction-dev title exact match: %d/%d = %.1f%%%n", titles, n, 100.0 * titles / n);
        System.out.printf(Locale.ROOT, "extraction-dev title match allowing a removed site-name part: %d/%d = %.1f%%%n",
                titlesModuloSuffix, n, 100.0 * titlesModuloSuffix / n);
        System.out.printf(Locale.ROOT, "extraction-dev byline agreement: %d/%d = %.1f%%%n", bylines, bylineExpected,
                100.0 * bylines / Math.max(1, bylineExpected));
        System.out.printf(Locale.ROOT, "extraction-dev published-date agreement: %d/%d = %.1f%%%n", dates, datesExpected,
                100.0 * dates / Math.max(1, datesExpected));
        rows.sort(Comparator.comparing(row -> row[0]));
        rows.stream().limit(worst).forEach(row -> System.out.println("  " + String.join("  ", row)));
        if (worst > 0) {
            rows.stream().filter(row -> !row[3].isEmpty() || !row[4].isEmpty() || !row[5].isEmpty())
                    .forEach(row -> System.out.println("  META " + row[1] + " " + row[3] + " " + row[4] + " " + row[5]));
        }
    }

    private static String text(DataSets.DevPage page, String key) {
        var node = page.metadata().get(key);
        return node == null || node.isNull() ? null : node.asString();
    }

    /** "Headline | Site" expected where Tidings, by design, says "Headline" (or the reverse). */
    static boolean differsBySiteSuffix(String expected, String got) {
        if (expected.isEmpty() || got.isEmpty()) return false;
        String longer = expected.length() > got.length() ? expected : got;
        String shorter = longer == expected ? got : expected;
        java.util.regex.Pattern sep = java.util.regex.Pattern.compile("^\\s*[|\\-–—·»/:]{1,2}\\s*\\S.*");
        return longer.startsWith(shorter) && sep.matcher(longer.substring(shorter.length())).matches()
                || longer.endsWith(shorter) && java.util.regex.Pattern.compile(".*\\S\\s*[|\\-–—·»/:]{1,2}\\s*$")
                        .matcher(longer.substring(0, longer.length() - shorter.length())).matches();
    }

    /** Same instant, or the same UTC day when the expectation has no time of day. */
    static boolean sameDate(String expected, Instant got) {
        Instant want = DateReader.parse(expected);
        if (want == null || got == null) return want == null && got == null;
        if (expected.trim().length() <= 10) {
            return want.atOffset(ZoneOffset.UTC).toLocalDate().equals(got.atOffset(ZoneOffset.UTC).toLocalDate());
        }
        return want.equals(got);
    }
}
