package org.tidings.story;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Speed and memory of story clustering over synthetic items made from the dev headlines.
 *
 * <p>Synthesis: the 46 dev stories are replayed in rounds; in each round every story becomes a
 * new story by replacing about a third of its words with round-specific words (consistently
 * within the story, so its headlines still resemble each other and not the other rounds), and
 * each headline is varied further (a word dropped, a word from another headline added). Each
 * synthetic story starts at a random time in the window and its articles follow over a few
 * hours (at most eight); publishers are the real ones. So the window holds ~2,500 stories of realistic
 * headline length, vocabulary overlap and burstiness.
 *
 * <p>Measures, on one thread: (1) {@link StoryClusterer#add} over all items (items/s), (2) the
 * latency of each add while the window holds 150,000-200,000 articles (p50, p99, max), (3) the
 * heap after a full GC with the window full. With a third argument, it writes the items there as
 * JSON lines, for the cluster command end to end (server's {@code org.tidings.server.cli.ClusterCommandSpeed}).
 *
 * <p>Run: {@code bench/run core org.tidings.story.StorySpeedHarness ../shared/data/stories-dev.jsonl 200000 /tmp/items.jsonl}
 */
public final class StorySpeedHarness {

    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    private static final Duration SPREAD = Duration.ofHours(60);

    public static void main(String[] args) throws IOException {
        List<LabelledHeadlines> dev = LabelledHeadlines.read(Path.of(args.length > 0 ? args[0] : "../shared/data/stories-dev.jsonl"));
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        List<Article> items = synthesize(dev, n, new Random(1));
        System.out.printf("items %d, synthetic stories %d, span %s, window %s%n", items.size(),
                items.stream().map(a -> a.id().substring(0, a.id().indexOf('-'))).distinct().count(), SPREAD, StoryClusterer.DEFAULT_WINDOW);

        for (int run = 0; run < 2; run++) {
            System.gc();
            StoryClusterer clusterer = new StoryClusterer();
            long[] latencies = new long[items.size()];
            long[] cpuLatencies = new long[items.size()];
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpu0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            for (int i = 0; i < items.size(); i++) {
                long c = threads.getCurrentThreadCpuTime();
                long s = System.nanoTime();
                clusterer.add(items.get(i));
                latencies[i] = System.nanoTime() - s;
                cpuLatencies[i] = threads.getCurrentThreadCpuTime() - c;
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
            int from = Math.max(0, items.size() * 3 / 4);
            long[] tail = Arrays.copyOfRange(latencies, from, items.size());
            Arrays.sort(tail);
            long[] cpuTail = Arrays.copyOfRange(cpuLatencies, from, items.size());
            Arrays.sort(cpuTail);
            System.gc();
            Runtime rt = Runtime.getRuntime();
            long used = rt.totalMemory() - rt.freeMemory();
            System.out.printf("run %d: add %.0f items/s wall (%.2f s), %.0f items/s of CPU time (%.2f s); wall latency over the last %d adds: p50 %.3f ms p99 %.3f ms max %.2f ms;"
                            + " CPU time per add: p50 %.3f ms p99 %.3f ms; live articles %d, live stories %d; heap after GC %d MB (max heap %d MB)%n",
                    run + 1, items.size() / seconds, seconds, items.size() / cpuSeconds, cpuSeconds, tail.length, tail[tail.length / 2] / 1e6,
                    tail[(int) (tail.length * 0.99)] / 1e6, tail[tail.length - 1] / 1e6,
                    cpuTail[cpuTail.length / 2] / 1e6, cpuTail[(int) (cpuTail.length * 0.99)] / 1e6,
                    clusterer.liveArticles(), clusterer.liveStories(), used >> 20, rt.maxMemory() >> 20);
        }
        if (args.length > 2) {
            Files.write(Path.of(args[2]), jsonLines(items));
            System.out.println("items written as JSON lines to " + args[2] + " (time the cluster command on them with"
                    + " org.tidings.server.cli.ClusterCommandSpeed)");
        }
    }

    static List<Article> synthesize(List<LabelledHeadlines> dev, int n, Random random) {
        Map<String, List<LabelledHeadlines>> byStory = new HashMap<>();
        dev.forEach(h -> byStory.computeIfAbsent(h.story(), k -> new ArrayList<>()).add(h));
        List<List<LabelledHeadlines>> stories = new ArrayList<>(byStory.values());
        stories.sort(Comparator.comparing(s -> s.getFirst().story()));
        List<String> vocabulary = dev.stream().flatMap(h -> Arrays.stream(h.title().split(" "))).distinct().toList();
        List<Article> out = new ArrayList<>(n);
        for (int round = 0; out.size() < n; round++) {
            for (int s = 0; s < stories.size() && out.size() < n; s++) {
                String storyKey = round + "x" + s;
                Instant base = START.plusSeconds((long) (random.nextDouble() * SPREAD.toSeconds()));
                for (LabelledHeadlines h : stories.get(s)) {
                    if (out.size() >= n) {
                        break;
                    }
                    String title = vary(h.title(), storyKey, vocabulary, random);
                    Instant published = base.plusSeconds((long) (Math.min(8, -Math.log(1 - random.nextDouble()) * 2) * 3600));
                    out.add(new Article(storyKey + "-" + out.size(), title, null, null, h.publisher(), published, "en"));
                }
            }
        }
        out.sort(Comparator.comparing(Article::published));
        return out;
    }

    private static String vary(String title, String storyKey, List<String> vocabulary, Random random) {
        List<String> words = new ArrayList<>();
        for (String w : title.split(" ")) {
            int h = (w.toLowerCase() + "|" + storyKey).hashCode();
            words.add(Math.floorMod(h, 3) == 0 && w.length() > 3 ? w.substring(0, 2) + Integer.toString(Math.floorMod(h, 1_000_000), 36) : w);
        }
        if (words.size() > 3 && random.nextDouble() < 0.3) {
            words.remove(random.nextInt(words.size()));
        }
        if (random.nextDouble() < 0.3) {
            words.add(random.nextInt(words.size() + 1), vocabulary.get(random.nextInt(vocabulary.size())));
        }
        return String.join(" ", words);
    }

    private static byte[] jsonLines(List<Article> items) {
        JsonMapper json = JsonMapper.builder().build();
        StringBuilder sb = new StringBuilder();
        for (Article a : items) {
            ObjectNode o = json.createObjectNode();
            o.put("id", a.id());
            o.put("title", a.title());
            o.put("publisher", a.publisher());
            o.put("published", a.published().toString());
            sb.append(json.writeValueAsString(o)).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
