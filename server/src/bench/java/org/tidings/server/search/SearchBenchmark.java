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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.jsoup.Jsoup;
import org.tidings.server.config.TidingsProperties;
import org.tidings.server.search.cluster.Cluster;
import org.tidings.server.search.cluster.ClusterIndex;
import org.tidings.server.search.cluster.ClusterSearch;
import org.tidings.server.testing.Fixtures;
import org.tidings.server.testing.OpenSearchNode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.tidings.text.LanguageTags;

/**
 * Search latency over a large index: builds an index of {@code N} synthetic articles on disk
 * (headlines of the UCI News Aggregator sample, varied; texts of sentences drawn from the article
 * pages of extraction-dev, by language; 300 publishers over sections and regions, two years of
 * publication times), then runs a mixed query set one query at a time through the site's
 * {@link SearchEngine} (query, filters, order, 20 hits with their passages highlighted) and
 * reports p50/p90/p99/max, overall and by kind of query. Peer in the same run: plain Lucene, the
 * same parsed words, top 20 by BM25 with no filters, freshness, or passages.
 *
 * <pre>bench/run server org.tidings.server.search.SearchBenchmark /tmp/tidings-search-bench 1000000 3000</pre>
 *
 * With a fourth argument, a folder for a one-node OpenSearch ({@link OpenSearchNode#kept}, heap
 * {@value #CLUSTER_HEAP}, {@code TIDINGS_OPENSEARCH_HOME} as for the tests), the same articles are
 * also indexed there through {@link ClusterIndex} (bulk requests of {@value #BATCH}; both builds
 * run at once), and every
 * query runs on both engines in turn, the cluster's through {@link ClusterSearch}. The node is
 * stopped at the end; its data stays.
 *
 * An index of N articles already in its directory is reused, on either engine (delete it to
 * measure the build again).
 */
public final class SearchBenchmark {

    private static final Path DATA = Path.of(System.getProperty("tidings.data", "../../shared/data"));
    private static final int SOURCES = 300;
    private static final List<String> SECTIONS = List.of("world", "politics", "business", "technology", "science", "health", "sports", "entertainment");
    private static final List<String> REGIONS = List.of("us", "uk", "india", "gulf", "arab", "europe", "au", "ca", "fr", "de");
    private static final Instant NOW = Instant.parse("2026-11-25T00:00:00Z");
    private static final long TWO_YEARS_MS = Duration.ofDays(730).toMillis();
    private static final int WARMUP = 300;
    /** Articles per write: one bulk request on the cluster. */
    private static final int BATCH = 500;
    /** The node's heap: the postings and stored fields of 1,000,000 articles stay in the page cache, outside it. */
    static final String CLUSTER_HEAP = "2g";

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/tidings-search-bench");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int queries = args.length > 2 ? Integer.parseInt(args[2]) : 3000;
        Path clusterDir = args.length > 3 ? Path.of(args[3]) : null;
        List<String> headlines = headlines();
        Map<String, List<String>> sentences = sentencesByLanguage();
        System.out.printf("pools: %d headlines, sentences %s%n", headlines.size(),
                sentences.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().size()).toList());
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

        try (SearchIndex index = SearchIndex.open(dir)) {
            Map<String, SearchEngine> engines = new LinkedHashMap<>();
            engines.put("embedded", new EmbeddedSearch(new ArticleSearch(index, clock), new SimilarArticles(index)));
            if (clusterDir == null) {
                if (index.size() != n) buildEmbedded(index, n, headlines, sentences);
                System.out.printf("embedded index: %,d articles, %.2f GB on disk at %s%n", index.size(), size(dir) / 1e9, dir);
                measure(index, engines, headlines, queries);
                return;
            }
            OpenSearchNode node = OpenSearchNode.kept(clusterDir, CLUSTER_HEAP);
            Thread stopping = new Thread(node::stop); // also when the run is interrupted: the node is left stopped
            Runtime.getRuntime().addShutdownHook(stopping);
            TidingsProperties.Search settings = new TidingsProperties.Search(Duration.ofSeconds(1), node.url(), "", "", 1, 0, "bench");
            try (Cluster cluster = new Cluster(settings)) {
                ClusterIndex onCluster = new ClusterIndex(cluster, settings, clock);
                // the two builds at once: each is timed on its own, sharing the machine with the other
                try (ExecutorService builds = Executors.newFixedThreadPool(2)) {
                    Future<?> embedded = builds.submit(() -> {
                        if (index.size() != n) buildEmbedded(index, n, headlines, sentences);
                        return null;
                    });
                    Future<?> clustered = builds.submit(() -> {
                        if (onCluster.size() != n) {
                            long started = System.nanoTime();
                            onCluster.rebuild(fresh -> fill(fresh, n, headlines, sentences));
                            System.out.printf("OpenSearch build: %,d articles in %.0f s%n", n, (System.nanoTime() - started) / 1e9);
                        }
                        return null;
                    });
                    embedded.get();
                    clustered.get();
                }
                System.out.printf("embedded index: %,d articles, %.2f GB on disk at %s%n", index.size(), size(dir) / 1e9, dir);
                System.out.printf("OpenSearch index: %,d articles, %.2f GB on disk at %s (one node at %s, heap %s, 1 shard)%n",
                        onCluster.size(), size(clusterDir.resolve("data")) / 1e9, clusterDir, node.url(), CLUSTER_HEAP);
                engines.put("opensearch", new ClusterSearch(cluster, ClusterIndex.alias(settings), clock));
                measure(index, engines, headlines, queries);
            } finally {
                node.stop();
                Runtime.getRuntime().removeShutdownHook(stopping);
            }
        }
    }

    private static void buildEmbedded(SearchIndex index, int n, List<String> headlines, Map<String, List<String>> sentences) throws IOException {
        long started = System.nanoTime();
        index.clear();
        fill(index, n, headlines, sentences);
        index.refresh();
        System.out.printf("embedded build: %,d articles in %.0f s%n", n, (System.nanoTime() - started) / 1e9);
    }

    /** Writes articles 0 to {@code n - 1} into {@code index} in batches, from two threads, and commits. */
    private static void fill(ArticleIndex index, int n, List<String> headlines, Map<String, List<String>> sentences) throws IOException {
        long started = System.nanoTime();
        int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(Thread.ofPlatform().start(() -> {
                try {
                    for (int from = next.getAndAdd(BATCH); from < n; from = next.getAndAdd(BATCH)) {
                        List<IndexedArticle> batch = new ArrayList<>(BATCH);
                        for (int i = from; i < Math.min(n, from + BATCH); i++) batch.add(article(i, headlines, sentences));
                        put(index, batch);
                        int written = done.addAndGet(batch.size());
                        if (written / 100_000 != (written - batch.size()) / 100_000) {
                            System.out.printf("  %s: %,d articles, %.0f s%n", index.getClass().getSimpleName(), written, (System.nanoTime() - started) / 1e9);
                        }
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
        }
        try {
            for (Thread w : workers) w.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (done.get() < n) throw new IOException("only " + done.get() + " of " + n + " articles were written (see the error above)");
        index.commit(NOW);
    }

    /** A cluster busy merging may not answer a bulk request in time: the batch is sent again (its articles replace themselves). */
    private static void put(ArticleIndex index, List<IndexedArticle> batch) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                index.put(batch);
                return;
            } catch (Cluster.Away away) {
                if (attempt == 3) throw away;
                System.out.printf("  %s; sending the batch again%n", away.getMessage());
            }
        }
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

    private static void measure(SearchIndex index, Map<String, SearchEngine> engines, List<String> headlines, int count) throws Exception {
        QueryReader reader = new QueryReader(index.analyzer());
        List<Case> cases = cases(headlines, WARMUP + count);
        for (int i = 0; i < WARMUP; i++) {
            for (SearchEngine engine : engines.values()) engine.search(cases.get(i).request(), List.of());
        }
        Map<String, Map<String, List<Long>>> byEngine = new LinkedHashMap<>();
        Map<String, long[]> hitsAndProblems = new LinkedHashMap<>();
        List<Long> peer = new ArrayList<>();
        int sameTotals = 0;
        for (int i = WARMUP; i < cases.size(); i++) {
            Case c = cases.get(i);
            // each query on every engine in turn: the machine's load falls on all of them alike
            Long total = null;
            boolean same = true;
            for (Map.Entry<String, SearchEngine> engine : engines.entrySet()) {
                long t0 = System.nanoTime();
                SearchResults results = engine.getValue().search(c.request(), List.of());
                long took = System.nanoTime() - t0;
                Map<String, List<Long>> times = byEngine.computeIfAbsent(engine.getKey(), k -> new LinkedHashMap<>());
                times.computeIfAbsent("all", k -> new ArrayList<>()).add(took);
                times.computeIfAbsent(c.kind(), k -> new ArrayList<>()).add(took);
                long[] counts = hitsAndProblems.computeIfAbsent(engine.getKey(), k -> new long[2]);
                counts[0] += results.hits().size();
                if (results.problem() != null) {
                    if (counts[1]++ == 0) System.out.printf("%s: \"%s\" answered %s%n", engine.getKey(), c.request().query(), results.problem());
                }
                // beyond the exact count, each engine stops counting at its own point
                long counted = Math.min(results.total(), ArticleSearch.COUNT_EXACTLY_UP_TO);
                if (total != null && total != counted) same = false;
                total = counted;
            }
            if (same) sameTotals++;
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
        System.out.printf("queries: %d measured after %d warm-up, one at a time%n", count, WARMUP);
        hitsAndProblems.forEach((engine, counts) -> System.out.printf("  %s: %.1f hits each on average, %d answered with a problem%n",
                engine, counts[0] / (double) count, counts[1]));
        if (engines.size() > 1) System.out.printf("  the same number of matches (up to %,d) on every engine for %d of %d queries%n",
                ArticleSearch.COUNT_EXACTLY_UP_TO, sameTotals, count);
        byEngine.forEach((engine, times) -> {
            times.forEach((kind, nanos) -> report(kind.equals("all") ? engine + ": all (filters, order, 20 hits, passages)" : "  " + kind, nanos));
        });
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
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
