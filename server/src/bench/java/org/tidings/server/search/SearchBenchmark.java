package org.tidings.server.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.jsoup.Jsoup;
import org.tidings.server.testing.Fixtures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.tidings.text.LanguageTags;

/**
 * Search latency over a large index: builds an index of {@code N} synthetic articles on disk
 * (headlines of the UCI News Aggregator sample, varied; texts of sentences drawn from the article
 * pages of extraction-dev, by language; 300 publishers over sections and regions, two years of
 * publication times), then runs a mixed query set one query at a time through
 * {@link ArticleSearch} (query, filters, order, 20 hits with their passages highlighted) and
 * reports p50/p90/p99. Peer in the same run: plain Lucene, the same parsed words, top 20 by BM25
 * with no filters, freshness, or passages.
 *
 * <pre>bench/run server org.tidings.server.search.SearchBenchmark /tmp/tidings-search-bench 1000000 3000</pre>
 *
 * An index of N articles already in the directory is reused (delete it to measure the build again).
 */
public final class SearchBenchmark {

    private static final Path DATA = Path.of(System.getProperty("tidings.data", "../../shared/data"));
    private static final int SOURCES = 300;
    private static final List<String> SECTIONS = List.of("world", "politics", "business", "technology", "science", "health", "sports", "entertainment");
    private static final List<String> REGIONS = List.of("us", "uk", "india", "gulf", "arab", "europe", "au", "ca", "fr", "de");
    private static final Instant NOW = Instant.parse("2026-11-25T00:00:00Z");
    private static final long TWO_YEARS_MS = Duration.ofDays(730).toMillis();
    private static final int WARMUP = 300;

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/tidings-search-bench");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int queries = args.length > 2 ? Integer.parseInt(args[2]) : 3000;
        List<String> headlines = headlines();
        Map<String, List<String>> sentences = sentencesByLanguage();
        System.out.printf("pools: %d headlines, sentences %s%n", headlines.size(),
                sentences.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().size()).toList());

        try (SearchIndex index = SearchIndex.open(dir)) {
            if (index.size() != n) build(index, n, headlines, sentences);
            System.out.printf("index: %,d articles, %.2f GB on disk at %s%n", index.size(), size(dir) / 1e9, dir);
            measure(index, headlines, queries);
        }
    }

    private static void build(SearchIndex index, int n, List<String> headlines, Map<String, List<String>> sentences) throws Exception {
        index.clear();
        long started = System.nanoTime();
        int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        AtomicInteger next = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(Thread.ofPlatform().start(() -> {
                try {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        index.put(article(i, headlines, sentences));
                        if (i > 0 && i % 100_000 == 0) System.out.printf("  %,d articles, %.0f s%n", i, (System.nanoTime() - started) / 1e9);
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
        }
        for (Thread w : workers) w.join();
        index.commit(NOW);
        index.refresh();
        System.out.printf("build: %,d articles in %.0f s (%d threads)%n", n, (System.nanoTime() - started) / 1e9, threads);
    }

    /** Article {@code i}, the same on every run: a headline (every other one with a word of another), sentences of its language. */
    static IndexedArticle article(int i, List<String> headlines, Map<String, List<String>> sentences) {
        Random r = new Random(i * 0x9E3779B97F4A7C15L);
        List<String> languages = new ArrayList<>(sentences.keySet());
        String lang = r.nextInt(10) < 9 || languages.size() == 1 ? "en" : languages.get(1 + r.nextInt(languages.size() - 1));
        List<String> pool = sentences.get(lang);
        String title;
        if (lang.equals("en")) {
            String[] words = headlines.get(r.nextInt(headlines.size())).split(" ");
            if (r.nextBoolean() && words.length > 2) {
                String[] other = headlines.get(r.nextInt(headlines.size())).split(" ");
                words[r.nextInt(words.length)] = other[r.nextInt(other.length)];
            }
            title = String.join(" ", words);
        } else {
            String s = pool.get(r.nextInt(pool.size()));
            title = s.length() > 90 ? s.substring(0, 90) : s;
        }
        StringBuilder text = new StringBuilder();
        int count = 5 + r.nextInt(11);
        for (int k = 0; k < count; k++) text.append(pool.get(r.nextInt(pool.size()))).append(' ');
        int source = r.nextInt(SOURCES);
        Instant published = NOW.minusMillis((long) (r.nextDouble() * TWO_YEARS_MS));
        // the lead, as the store keeps it: the start of the text (a feed's summary is no longer)
        return new IndexedArticle(i + 1L, source + 1L, "Publisher " + source, title, text.toString(),
                org.tidings.article.ArticleText.cut(text.toString(), org.tidings.article.ArticleText.LEAD_CHARS), lang,
                SECTIONS.get(source % SECTIONS.size()), Set.of(REGIONS.get(source % REGIONS.size())), List.of(), published,
                r.nextInt(3) == 0 ? (long) r.nextInt(n(i)) + 1 : null);
    }

    private static int n(int i) {
        return Math.max(1, i);
    }

    private record Case(String kind, SearchRequest request) {}

    private static void measure(SearchIndex index, List<String> headlines, int count) throws Exception {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        ArticleSearch search = new ArticleSearch(index, clock);
        QueryReader reader = new QueryReader(index.analyzer());
        List<Case> cases = cases(headlines, WARMUP + count);
        for (int i = 0; i < WARMUP; i++) search.search(cases.get(i).request(), List.of());
        Map<String, List<Long>> byKind = new LinkedHashMap<>();
        List<Long> all = new ArrayList<>();
        List<Long> peer = new ArrayList<>();
        long hits = 0;
        for (int i = WARMUP; i < cases.size(); i++) {
            Case c = cases.get(i);
            long t0 = System.nanoTime();
            SearchResults results = search.search(c.request(), List.of());
            long took = System.nanoTime() - t0;
            hits += results.hits().size();
            all.add(took);
            byKind.computeIfAbsent(c.kind(), k -> new ArrayList<>()).add(took);
            Query words = reader.read(c.request().query());
            IndexSearcher searcher = index.acquire();
            try {
                long p0 = System.nanoTime();
                searcher.search(words, ArticleSearch.PAGE_SIZE);
                peer.add(System.nanoTime() - p0);
            } finally {
                index.release(searcher);
            }
        }
        System.out.printf("queries: %d measured after %d warm-up, %.1f hits each on average%n", all.size(), WARMUP, hits / (double) all.size());
        report("all (ArticleSearch: filters, order, 20 hits, passages)", all);
        byKind.forEach((kind, times) -> report("  " + kind, times));
        report("peer: plain Lucene top 20 (same words, BM25 only)", peer);
    }

    private static List<Case> cases(List<String> headlines, int count) {
        Random r = new Random(42);
        List<Case> cases = new ArrayList<>();
        while (cases.size() < count) {
            List<String> words = Arrays.stream(headlines.get(r.nextInt(headlines.size())).toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                    .filter(w -> w.length() >= 4).toList();
            if (words.size() < 2) continue;
            int at = r.nextInt(words.size() - 1);
            String one = words.get(at), two = words.get(at + 1);
            int kind = r.nextInt(100);
            if (kind < 20) cases.add(new Case("term", Fixtures.search(one)));
            else if (kind < 35) cases.add(new Case("two terms", Fixtures.search(one + " " + two)));
            else if (kind < 50) cases.add(new Case("phrase", Fixtures.search("\"" + one + " " + two + "\"")));
            else if (kind < 62) cases.add(new Case("prefix", Fixtures.search(one.substring(0, Math.min(one.length(), 4)) + "*")));
            else if (kind < 85) cases.add(new Case("filtered", filtered(r, one)));
            else cases.add(new Case("newest", Fixtures.search(one).withSort(SearchRequest.Sort.NEWEST)));
        }
        return cases;
    }

    private static SearchRequest filtered(Random r, String word) {
        LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
        return switch (r.nextInt(4)) {
            case 0 -> new SearchRequest(word, SearchRequest.Sort.RELEVANCE, null, SECTIONS.get(r.nextInt(SECTIONS.size())), null, null, null, null, 1);
            case 1 -> new SearchRequest(word, SearchRequest.Sort.RELEVANCE, null, null, null, REGIONS.get(r.nextInt(REGIONS.size())), null, null, 1);
            case 2 -> new SearchRequest(word, SearchRequest.Sort.RELEVANCE, null, null, "en", null, today.minusDays(30), today, 1);
            default -> new SearchRequest(word, SearchRequest.Sort.NEWEST, (long) r.nextInt(SOURCES) + 1, null, null, null, null, null, 1);
        };
    }

    private static void report(String label, List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("%-58s n=%5d  p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  max %7.2f ms%n", label, sorted.length,
                pct(sorted, 0.50), pct(sorted, 0.90), pct(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    static List<String> headlines() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        List<String> titles = new ArrayList<>();
        for (String line : Files.readAllLines(DATA.resolve("stories-dev.jsonl"))) {
            JsonNode node = json.readTree(line);
            titles.add(node.get("title").asString().replace("...", "").strip());
        }
        return titles;
    }

    /** Sentences of the expected main texts of extraction-dev, by the page's language (English first). */
    static Map<String, List<String>> sentencesByLanguage() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        Map<String, List<String>> pools = new LinkedHashMap<>();
        pools.put("en", new ArrayList<>());
        try (Stream<Path> pages = Files.list(DATA.resolve("extraction-dev/pages"))) {
            for (Path page : pages.sorted().toList()) {
                Path meta = page.resolve("expected-metadata.json");
                Path expected = page.resolve("expected.html");
                if (!Files.exists(meta) || !Files.exists(expected)) continue;
                JsonNode lang = json.readTree(Files.readString(meta)).get("lang");
                String code = lang == null || lang.isNull() ? "en" : LanguageTags.primary(lang.asString());
                if (code == null || !(code.equals("en") || code.equals("fr") || code.equals("es") || code.equals("de") || code.equals("pt"))) continue;
                String text = Jsoup.parse(Files.readString(expected)).text();
                for (String sentence : text.split("(?<=[.!?])\\s+")) {
                    if (sentence.length() >= 40 && sentence.length() <= 400) pools.computeIfAbsent(code, k -> new ArrayList<>()).add(sentence);
                }
            }
        }
        return pools;
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
