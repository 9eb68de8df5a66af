package org.tidings.server.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real headlines (a sample of the UCI News Aggregator data, see {@code search/NOTICE.md}) as
 * indexed articles: category as section, publisher as source, all English.
 */
final class Headlines {

    record Headline(long id, String title, String publisher, String category, Instant published) {}

    private Headlines() {}

    static List<Headline> load() {
        JsonMapper json = JsonMapper.builder().build();
        List<Headline> all = new ArrayList<>();
        try (var in = Headlines.class.getResourceAsStream("/search/headlines.jsonl");
             var lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                JsonNode n = json.readTree(line);
                all.add(new Headline(n.get("id").asLong(), n.get("title").asString(), n.get("publisher").asString(),
                        n.get("category").asString(), Instant.parse(n.get("published").asString())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    /** Each publisher gets a source id of its own, in order of first appearance. */
    static Map<String, Long> sourceIds(List<Headline> headlines) {
        Map<String, Long> ids = new LinkedHashMap<>();
        for (Headline h : headlines) ids.computeIfAbsent(h.publisher(), p -> (long) ids.size() + 1);
        return ids;
    }

    static List<IndexedArticle> asArticles(List<Headline> headlines) {
        Map<String, Long> sources = sourceIds(headlines);
        return headlines.stream().map(h -> new IndexedArticle(h.id(), sources.get(h.publisher()), h.publisher(), h.title(),
                null, "", "en", h.category(), Set.of(h.publisher().contains(".co.uk") ? "uk" : "us"), List.of(), h.published(), null)).toList();
    }
}
