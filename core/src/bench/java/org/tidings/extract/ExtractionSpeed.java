package org.tidings.extract;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Throughput harness, the Tidings half of the side-by-side run with Mozilla Readability
 * (bench/readability/compare.sh runs both on one core over the same pages): all pages of
 * extraction-eval-dev and extraction-dev are loaded into memory, the first {@code warmupPages} are
 * extracted to warm up (as the Node script does), then all pages are extracted {@code passes}
 * times while timed. Prints pages/second and, from the last pass, the snippet F1 (eval-dev) and
 * word 4-gram F1 (dev) under the data README's conventions.
 * Usage: {@code ExtractionSpeed [dataDir=../shared/data] [passes=1] [warmupPages=60]}.
 */
public final class ExtractionSpeed {

    private record Page(String url, byte[] body, DataSets.EvalPage eval, DataSets.DevPage dev) {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int warmupPages = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        List<Page> pages = new ArrayList<>();
        for (DataSets.EvalPage p : DataSets.evalPages(data)) pages.add(new Page(p.url(), Files.readAllBytes(p.file()), p, null));
        for (DataSets.DevPage p : DataSets.devPages(data)) pages.add(new Page(DataSets.DEV_URL, Files.readAllBytes(p.source()), null, p));
        long bytes = pages.stream().mapToLong(p -> p.body().length).sum();

        extractAll(pages.subList(0, Math.min(warmupPages, pages.size())));
        List<String> texts = List.of();
        long start = System.nanoTime();
        for (int i = 0; i < passes; i++) texts = extractAll(pages);
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = pages.size() * passes / seconds;

        int[] sums = new int[3];
        double precision = 0;
        double recall = 0;
        int dev = 0;
        for (int i = 0; i < pages.size(); i++) {
            Page p = pages.get(i);
            if (p.eval() != null) Scoring.countSnippets(texts.get(i), p.eval().with(), p.eval().without(), sums);
            if (p.dev() != null) {
                double[] pr = Scoring.shinglePrecisionRecall(texts.get(i), p.dev().expectedText());
                precision += pr[0];
                recall += pr[1];
                dev++;
            }
        }
        double[] snippets = Scoring.snippetPrf(sums);
        System.out.printf(Locale.ROOT, "tidings: %d pages (%.1f MB) x %d passes in %.2f s = %.1f pages/s; "
                        + "snippet F1 (eval-dev) %.3f; word 4-gram F1 (dev) %.3f%n",
                pages.size(), bytes / 1e6, passes, seconds, rate, snippets[2],
                Scoring.f1(precision / dev, recall / dev));
    }

    private static List<String> extractAll(List<Page> pages) {
        List<String> texts = new ArrayList<>(pages.size());
        for (Page p : pages) texts.add(ArticleExtractor.extract(p.body(), null, p.url()).text());
        return texts;
    }
}
