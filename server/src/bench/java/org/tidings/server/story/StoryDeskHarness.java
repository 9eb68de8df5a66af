package org.tidings.server.story;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.tidings.article.ArticleText;
import org.tidings.server.store.StoryStore;
import org.tidings.story.StoryClusterer;
import org.tidings.url.CanonicalUrl;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The story desk's per-article assignment with 200,000 articles in the window: the latency of the
 * in-memory step that {@link StoryDesk} runs for each new article ({@link StoryMemory#place}: the
 * stored article turned into the clusterer's input, the clusterer's {@code add}, the story id
 * bookkeeping), one article after another on one thread, as the desk does.
 *
 * <p>Articles: the stories of {@code stories-dev.jsonl} replayed in rounds, each round turning every
 * story into a new one (about half of its words replaced by round-specific words, consistently
 * within the story: with a third, as for headlines alone, the leads made the rounds of one dev
 * story alike enough to merge), each headline further varied (a word dropped, a word added); each article
 * also has an HTML summary of two or three other varied headlines of its story plus a line of
 * publisher boilerplate (so the lead, names and the near-duplicate sketch all do work; the lead is
 * made of it by the one rule, {@link ArticleText}), a URL with tracking parameters (canonicalized as
 * ingestion stores it), and a numeric id. Stories start at random over 60 hours and their articles
 * follow over up to 8 hours, so all of them stay in the 3-day window: the window holds 200,000
 * articles when the measured ones start arriving, and 220,000 at the end.
 *
 * <p>The database statements of a placement ({@link StoryStore#assign}, and
 * {@link StoryStore#merge} when stories converge) are not included: they are single-row updates
 * by primary key (a merge updates the articles of the absorbed stories) and are measured
 * separately, not here.
 *
 * <p>Run (from the repository root):
 * {@code JAVA_OPTS=-Xmx1g bench/run server org.tidings.server.story.StoryDeskHarness ../shared/data/stories-dev.jsonl 200000 20000} (a 4th argument: the number of runs in one JVM, default 1)
 */
public final class StoryDeskHarness {

    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    private static final Duration SPREAD = Duration.ofHours(60);

    private record Headline(String title, String publisher, String story) {}

    public static void main(String[] args) throws IOException {
        List<Headline> dev = read(Path.of(args.length > 0 ? args[0] : "../shared/data/stories-dev.jsonl"));
        int window = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        int measured = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        List<StoryStore.Clusterable> items = synthesize(dev, window + measured, new Random(7));
        System.out.printf(Locale.ROOT, "articles %d (window %d, then %d measured), span %s, window %s%n",
                items.size(), window, measured, Duration.between(items.getFirst().published(), items.getLast().published()),
                StoryClusterer.DEFAULT_WINDOW);
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        for (int run = 1; run <= runs; run++) {
            measure(run, items, window);
        }
    }

    private static void measure(int run, List<StoryStore.Clusterable> items, int window) {
        System.gc();
        StoryMemory desk = StoryMemory.of(List.of());
        long t0 = System.nanoTime();
        for (int i = 0; i < window; i++) {
            desk.place(items.get(i));
        }
        double fillSeconds = (System.nanoTime() - t0) / 1e9;
        int live = desk.liveArticles();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int n = items.size() - window;
        long[] wall = new long[n];
        long[] cpu = new long[n];
        int merges = 0;
        for (int i = 0; i < n; i++) {
            long c = threads.getCurrentThreadCpuTime();
            long s = System.nanoTime();
            merges += desk.place(items.get(window + i)).absorbed().size();
            wall[i] = System.nanoTime() - s;
            cpu[i] = threads.getCurrentThreadCpuTime() - c;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT,
                "run %d: window filled in %.1f s (%.0f articles/s); live articles %d before, %d after, live stories %d;%n"
                        + "  per-article assignment over %d articles: wall p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, max %.1f ms;"
                        + " CPU p50 %.3f ms, p99 %.3f ms; merges %d; heap after GC %d MB%n",
                run, fillSeconds, window / fillSeconds, live, desk.liveArticles(), desk.liveStories(),
                n, ms(wall, 0.5), ms(wall, 0.99), ms(wall, 0.999), wall[n - 1] / 1e6, ms(cpu, 0.5), ms(cpu, 0.99), merges,
                (rt.totalMemory() - rt.freeMemory()) >> 20);
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * q))] / 1e6;
    }

    static List<StoryStore.Clusterable> synthesize(List<Headline> dev, int n, Random random) {
        Map<String, List<Headline>> byStory = new LinkedHashMap<>();
        dev.forEach(h -> byStory.computeIfAbsent(h.story(), k -> new ArrayList<>()).add(h));
        List<List<Headline>> stories = new ArrayList<>(byStory.values());
        List<String> vocabulary = dev.stream().flatMap(h -> Arrays.stream(h.title().split(" "))).distinct().toList();
        List<StoryStore.Clusterable> out = new ArrayList<>(n);
        for (int round = 0; out.size() < n; round++) {
            for (int s = 0; s < stories.size() && out.size() < n; s++) {
                String storyKey = round + "x" + s;
                List<Headline> story = stories.get(s);
                Instant base = START.plusSeconds((long) (random.nextDouble() * SPREAD.toSeconds()));
                for (Headline h : story) {
                    if (out.size() >= n) break;
                    long id = out.size() + 1L;
                    String title = vary(h.title(), storyKey, vocabulary, random);
                    StringBuilder summary = new StringBuilder("<p>");
                    for (int k = 0, lines = 2 + random.nextInt(2); k < lines; k++) {
                        summary.append(vary(story.get(random.nextInt(story.size())).title(), storyKey, vocabulary, random)).append(". ");
                    }
                    summary.append("</p><p>Read more from <a href=\"https://example.org/\">").append(h.publisher()).append("</a>.</p>");
                    Instant published = base.plusSeconds((long) (Math.min(8, -Math.log(1 - random.nextDouble()) * 2) * 3600));
                    String url = "https://" + host(h.publisher()) + "/news/" + storyKey + "/" + id + "?utm_source=feed&utm_medium=rss";
                    out.add(new StoryStore.Clusterable(id, title, ArticleText.ofFeed(title, summary.toString(), null).lead(),
                            CanonicalUrl.canonicalize(url), h.publisher(), published, "en", null, false));
                }
            }
        }
        out.sort(Comparator.comparing(StoryStore.Clusterable::published).thenComparingLong(StoryStore.Clusterable::id));
        return out;
    }

    private static String host(String publisher) {
        String h = publisher.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return (h.isEmpty() ? "publisher" : h) + ".example";
    }

    private static String vary(String title, String storyKey, List<String> vocabulary, Random random) {
        List<String> words = new ArrayList<>();
        for (String w : title.split(" ")) {
            int h = (w.toLowerCase(Locale.ROOT) + "|" + storyKey).hashCode();
            words.add(Math.floorMod(h, 2) == 0 && w.length() > 3 ? w.substring(0, 2) + Integer.toString(Math.floorMod(h, 1_000_000), 36) : w);
        }
        if (words.size() > 3 && random.nextDouble() < 0.3) words.remove(random.nextInt(words.size()));
        if (random.nextDouble() < 0.3) words.add(random.nextInt(words.size() + 1), vocabulary.get(random.nextInt(vocabulary.size())));
        return String.join(" ", words);
    }

    private static List<Headline> read(Path file) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        List<Headline> out = new ArrayList<>();
        for (String line : Files.readString(file, StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) continue;
            JsonNode n = json.readTree(line);
            out.add(new Headline(n.path("title").asString(), n.path("publisher").asString(), n.path("story").asString()));
        }
        return out;
    }
}
