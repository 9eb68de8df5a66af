package org.tidings.enrich;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import org.tidings.text.Tokenizer;

/**
 * Per-article time of {@link Enricher#enrich} on real pages: the visible text and title of the 500 pages of
 * extraction-eval-dev (many languages, 0.1 to 100+ KB of text). Reports mean, median and 99th percentile on one
 * thread, the time of each stage, and throughput on two threads. Usage:
 * {@code EnrichHarness ../shared/data/extraction-eval-dev [rounds]}.
 */
public final class EnrichHarness {

    record Article(String title, String text) {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data/extraction-eval-dev");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        long loadStart = System.nanoTime();
        Enricher enricher = new Enricher();
        enricher.enrich("warm", "the model is loaded", null, null);
        System.out.printf("construction + first call: %.0f ms%n", (System.nanoTime() - loadStart) / 1e6);
        List<Article> articles = load(dir);
        long chars = articles.stream().mapToLong(a -> a.text().length()).sum();
        System.out.printf("articles: %d, mean text length %d chars%n", articles.size(), chars / articles.size());

        for (int i = 0; i < 3; i++) {
            articles.forEach(a -> enricher.enrich(a.title(), a.text(), null, null));
        }
        double[] micros = new double[articles.size() * rounds];
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        int k = 0;
        for (int r = 0; r < rounds; r++) {
            for (Article a : articles) {
                long t = System.nanoTime();
                enricher.enrich(a.title(), a.text(), null, null);
                micros[k++] = (System.nanoTime() - t) / 1e3;
            }
        }
        double cpuMicros = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e3 / micros.length;
        System.out.printf("one thread: mean CPU time %.0f us per article (immune to other processes' load)%n",
                cpuMicros);
        Arrays.sort(micros);
        System.out.printf("one thread, wall clock: mean %.0f us, median %.0f us, p99 %.0f us, max %.0f us per article%n",
                Arrays.stream(micros).average().orElse(0), micros[micros.length / 2],
                micros[(int) (micros.length * 0.99)], micros[micros.length - 1]);
        stages(articles, rounds);
        throughput(enricher, articles, rounds);
    }

    private static void stages(List<Article> articles, int rounds) {
        LanguageDetector languages = new LanguageDetector();
        Gazetteer gazetteer = new Gazetteer();
        TopicExtractor topics = new TopicExtractor(gazetteer);
        SectionClassifier sections = new SectionClassifier();
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long lang = 0;
        long topic = 0;
        long section = 0;
        for (int r = 0; r < rounds; r++) {
            for (Article a : articles) {
                String text = a.text().length() > Enricher.MAX_TEXT_CHARS
                        ? a.text().substring(0, Enricher.MAX_TEXT_CHARS) : a.text();
                long t0 = threads.getCurrentThreadCpuTime();
                languages.detect(a.title() + "\n" + text, null);
                long t1 = threads.getCurrentThreadCpuTime();
                topics.extract(a.title(), text, "en");
                long t2 = threads.getCurrentThreadCpuTime();
                sections.classify(Tokenizer.NAMES.tokens(a.title()), Tokenizer.NAMES.tokens(text), null);
                long t3 = threads.getCurrentThreadCpuTime();
                lang += t1 - t0;
                topic += t2 - t1;
                section += t3 - t2;
            }
        }
        double n = (double) articles.size() * rounds * 1e3;
        System.out.printf("stages (mean CPU time per article): language %.0f us, topics+places %.0f us, section %.0f us%n",
                lang / n, topic / n, section / n);
    }

    private static void throughput(Enricher enricher, List<Article> articles, int rounds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            long t = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                futures.add(pool.submit(() -> {
                    for (int r = 0; r < rounds; r++) {
                        articles.forEach(a -> enricher.enrich(a.title(), a.text(), null, null));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            double seconds = (System.nanoTime() - t) / 1e9;
            System.out.printf("two threads: %.0f articles/s%n", 2.0 * rounds * articles.size() / seconds);
        } finally {
            pool.shutdown();
        }
    }

    private static List<Article> load(Path dir) throws Exception {
        List<Article> articles = new ArrayList<>();
        try (var files = Files.list(dir.resolve("pages"))) {
            for (Path file : files.sorted().toList()) {
                Document doc = Jsoup.parse(Files.readString(file, StandardCharsets.ISO_8859_1));
                articles.add(new Article(doc.title(), doc.body() == null ? "" : doc.body().text()));
            }
        }
        return articles;
    }
}
