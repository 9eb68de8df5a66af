package org.tidings.server.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tidings.story.Article;
import org.tidings.story.Assignment;
import org.tidings.story.StoryClusterer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code tidings cluster}: clusters JSON lines in order of {@code published} as the live pipeline would
 * and writes one line per article in input order, with the story ids as they stand after merges. An
 * item without {@code published} keeps its place after the item before it. Exit status 1 when some
 * lines were rejected (each named on standard error; the others are still clustered), 2 on a usage error.
 */
final class ClusterCommand {

    /** Longest input line accepted: a line longer than this is an error, not an article. */
    static final int MAX_LINE = 4 * 1024 * 1024;

    /** A window longer than a year keeps a year of articles in memory: surely a typo. */
    static final int MAX_WINDOW_DAYS = 366;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ClusterCommand() {}

    private record Item(int order, Instant sortKey, Article article) {}

    static int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        Duration window = StoryClusterer.DEFAULT_WINDOW;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--window-days") && i + 1 < args.size()) {
                long days;
                try {
                    days = Long.parseLong(args.get(++i));
                } catch (NumberFormatException e) {
                    days = -1;
                }
                if (days < 1 || days > MAX_WINDOW_DAYS) {
                    err.println("cluster: --window-days needs a whole number of days from 1 to " + MAX_WINDOW_DAYS);
                    return 2;
                }
                window = Duration.ofDays(days);
            } else if (a.equals("--help") || a.equals("-h")) {
                out.println("usage: cluster [--window-days N] < articles.jsonl > stories.jsonl");
                return 0;
            } else {
                err.println("cluster: unknown argument " + a + " (usage: cluster [--window-days N])");
                return 2;
            }
        }
        int[] rejected = {0};
        List<Item> items = read(in, err, rejected);
        List<Item> inOrder = new ArrayList<>(items);
        items.sort(Comparator.comparing(Item::sortKey).thenComparingInt(Item::order));

        StoryClusterer clusterer = new StoryClusterer(window);
        Map<String, Assignment> assignments = new HashMap<>();
        Map<String, String> mergedInto = new HashMap<>();
        Map<String, String> copyOf = new HashMap<>();
        for (Item item : items) {
            Assignment a = clusterer.add(item.article());
            assignments.put(item.article().id(), a);
            a.mergedStories().forEach(gone -> mergedInto.put(gone, a.storyId()));
            a.repointed().forEach(copy -> copyOf.put(copy, a.articleId()));
        }
        for (Item item : inOrder) {
            Assignment a = assignments.get(item.article().id());
            ObjectNode line = JSON.createObjectNode().put("id", item.article().id())
                    .put("story", resolve(a.storyId(), mergedInto));
            String duplicateOf = copyOf.getOrDefault(a.articleId(), a.duplicateOf());
            if (duplicateOf != null) line.put("duplicate_of", duplicateOf);
            out.println(JSON.writeValueAsString(line));
        }
        out.flush();
        return rejected[0] > 0 ? 1 : 0;
    }

    private static String resolve(String story, Map<String, String> mergedInto) {
        for (int hops = 0; mergedInto.containsKey(story) && hops < 10_000; hops++) story = mergedInto.get(story);
        return story;
    }

    private static List<Item> read(InputStream in, PrintStream err, int[] rejected) {
        List<Item> items = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Instant previous = Instant.EPOCH;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int lineNumber = 0;
            String line;
            while ((line = readBoundedLine(reader)) != null) {
                lineNumber++;
                if (line.isBlank()) continue;
                Item item = line == TOO_LONG ? null : parse(line, items.size(), previous);
                Integer firstLine = item == null ? null : seen.putIfAbsent(item.article().id(), lineNumber);
                if (item == null || firstLine != null) {
                    String problem = line == TOO_LONG ? "line longer than " + MAX_LINE + " characters"
                            : item == null ? "not an article object with a string id and a title or text"
                            : "id " + item.article().id() + " already on line " + firstLine;
                    err.println("cluster: line " + lineNumber + " rejected: " + problem);
                    rejected[0]++;
                    continue;
                }
                items.add(item);
                previous = item.sortKey();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return items;
    }

    /** Marks a line that was skipped for its length (compared by identity). */
    private static final String TOO_LONG = new String("too long");

    /** Skips a line longer than {@link #MAX_LINE} ({@link #TOO_LONG}): a hostile input without newlines must not be held whole. */
    private static String readBoundedLine(BufferedReader reader) throws IOException {
        StringBuilder sb = new StringBuilder();
        boolean tooLong = false;
        int c;
        while ((c = reader.read()) != -1 && c != '\n') {
            if (sb.length() < MAX_LINE) sb.append((char) c);
            else tooLong = true;
        }
        if (c == -1 && sb.isEmpty() && !tooLong) return null;
        return tooLong ? TOO_LONG : sb.toString();
    }

    private static Item parse(String line, int order, Instant previous) {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (JacksonException e) {
            return null;
        }
        if (n == null || !n.isObject()) return null;
        String id = scalar(n.get("id"));
        String title = text(n, "title");
        String text = text(n, "text");
        if (id == null || id.isBlank() || (title == null && text == null)) return null;
        Instant published = instant(text(n, "published"));
        Article article = new Article(id, title, text, text(n, "url"), text(n, "publisher"), published, text(n, "lang"));
        return new Item(order, published != null ? published : previous, article);
    }

    private static String scalar(JsonNode node) {
        return node != null && (node.isString() || node.isNumber()) ? node.asString() : null;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isString() ? v.stringValue() : null;
    }

    /** ISO-8601 instants, with or without offset; anything else is treated as absent. */
    private static Instant instant(String s) {
        if (s == null || s.isBlank()) return null;
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }
}
