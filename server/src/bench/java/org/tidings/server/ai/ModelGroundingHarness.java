package org.tidings.server.ai;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;
import org.tidings.html.HtmlText;
import org.tidings.server.config.TidingsProperties;
import org.tidings.server.store.ArticleView;
import org.tidings.server.store.GeneratedTextStore;
import org.tidings.server.testing.FakeLanguageModel.Reply;
import org.tidings.server.testing.FakeLanguageModel;
import org.tidings.server.testing.Settings;
import org.tidings.server.testing.TestDatabase;
import org.tidings.summary.ArticleDigest;
import org.tidings.summary.Summarizer;

/**
 * The grounding set of the summary package ({@code core/src/test/resources/summary}), run through
 * the whole language-model path: each generated sentence is the answer of a fake OpenAI-compatible
 * server over HTTP, written as a model writes a summary (a bulleted line), and goes through the
 * answer's cleaning, sentence splitting, the input allowance and the check, as a reader's request
 * would. An item is kept when every sentence shown of it is supported; planted items must not be,
 * faithful ones must. Run once with the default input allowance and once without a limit: a
 * sentence from beyond the allowance was never sent to the model, so it cannot be supported.
 */
public final class ModelGroundingHarness {

    /**
     * Words of the appended clause: about the length of a clause a model adds ("and the mayor
     * resigned in protest on Friday"), short next to the sentence it rides on.
     */
    static final int APPENDED_WORDS = 8;

    private ModelGroundingHarness() {}

    record Item(String article, String kind, String generated) {
        boolean planted() {
            return !"faithful".equals(kind);
        }
    }

    public static void main(String[] args) throws IOException {
        boolean verbose = args.length > 0 && "-v".equals(args[0]);
        Path root = Files.isDirectory(Path.of("core")) ? Path.of("core/src/test/resources/summary")
                : Path.of("../core/src/test/resources/summary");
        Map<String, String> languages = new LinkedHashMap<>();
        for (String line : Files.readAllLines(root.resolve("articles/languages.tsv"))) {
            String[] f = line.split("\t");
            if (f.length == 2) languages.put(f[0], f[1]);
        }
        List<Item> items = items(root);
        for (int maxInput : new int[] {new TidingsProperties.Llm("", "", "", Duration.ZERO, 0, null, 12000).maxInputChars(),
                Integer.MAX_VALUE}) {
            run(root, languages, items, maxInput, verbose);
        }
    }

    private static void run(Path root, Map<String, String> languages, List<Item> items, int maxInput, boolean verbose)
            throws IOException {
        try (FakeLanguageModel fake = new FakeLanguageModel()) {
            String[] answer = new String[1];
            fake.answering(r -> Reply.says(answer[0]));
            ModelAssistant assistant = new ModelAssistant(Settings.of(new TidingsProperties.Llm(fake.baseUrl(), "grounding-set", "",
                    Duration.ofSeconds(10), 1_000_000, TidingsProperties.Llm.Unsupported.MARK, maxInput)),
                    new GeneratedTextStore(JdbcClient.create(TestDatabase.H2.migrated()), Clock.systemUTC()),
                    new SimpleMeterRegistry());
            Map<String, int[]> byKind = new TreeMap<>();
            int planted = 0, rejected = 0, faithful = 0, kept = 0;
            long id = 0;
            for (Item item : items) {
                String html = html(Files.readString(root.resolve("articles/" + item.article() + ".txt"), StandardCharsets.UTF_8));
                String lang = languages.getOrDefault(item.article(), "en");
                ArticleView article = new ArticleView(++id, 1, "Publisher", null, null, item.article(), "", null, null,
                        Instant.EPOCH, null, null, false, null, lang, null, null);
                ArticleDigest digest = Summarizer.digest(HtmlText.paragraphs(html), lang);
                answer[0] = "- " + item.generated();
                Optional<Generated> g = assistant.generate(article, digest, Feature.SUMMARY, Locale.ENGLISH);
                boolean supported = g.isPresent() && g.get().lines().stream().allMatch(Generated.Line::supported);
                boolean right = supported != item.planted();
                int[] c = byKind.computeIfAbsent(item.kind(), k -> new int[2]);
                c[0]++;
                c[1] += right ? 1 : 0;
                if (item.planted()) {
                    planted++;
                    rejected += right ? 1 : 0;
                } else {
                    faithful++;
                    kept += right ? 1 : 0;
                }
                if (verbose && !right) System.out.printf(Locale.ROOT, "WRONG %-10s %-26s %s%n", item.kind(), item.article(), item.generated());
            }
            System.out.printf(Locale.ROOT, "input allowance %s: rejected %d/%d planted (%.1f%%), kept %d/%d faithful (%.1f%%)%n",
                    maxInput == Integer.MAX_VALUE ? "unlimited" : maxInput + " chars", rejected, planted,
                    100.0 * rejected / planted, kept, faithful, 100.0 * kept / faithful);
            byKind.forEach((kind, c) -> System.out.printf(Locale.ROOT, "  %-10s %d/%d right%n", kind, c[1], c[0]));
        }
    }

    /** The set's items, plus a transplant per article: the first faithful sentence of the next article. */
    static List<Item> items(Path root) throws IOException {
        List<Item> items = new ArrayList<>();
        Map<String, String> firstFaithful = new TreeMap<>();
        for (String line : Files.readAllLines(root.resolve("grounding-set.tsv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t");
            items.add(new Item(f[0], f[1], f[2]));
            if ("faithful".equals(f[1])) firstFaithful.putIfAbsent(f[0], f[2]);
        }
        List<String> articles = new ArrayList<>(firstFaithful.keySet());
        for (int i = 0; i < articles.size(); i++) {
            items.add(new Item(articles.get(i), "transplant", firstFaithful.get(articles.get((i + 1) % articles.size()))));
        }
        // Appended clauses (machine-made, not part of the core set): a faithful sentence with the words of
        // another article's faithful sentence joined on as a clause, as a model that embroiders would write.
        for (int i = 0; i < articles.size(); i++) {
            String own = firstFaithful.get(articles.get(i)).replaceAll("[.!?]+$", "");
            String other = firstFaithful.get(articles.get((i + 1) % articles.size()));
            String[] words = other.replaceAll("[.!?]+$", "").split(" ");
            String clause = String.join(" ", java.util.Arrays.copyOfRange(words, 0, Math.min(words.length, APPENDED_WORDS)));
            items.add(new Item(articles.get(i), "appended", own + ", and " + clause + "."));
        }
        return items;
    }

    /** The article's text as a feed would give it: one paragraph per line. */
    private static String html(String text) {
        StringBuilder html = new StringBuilder();
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) html.append("<p>").append(HtmlUtils.htmlEscape(line.strip())).append("</p>\n");
        }
        return html.toString();
    }
}
