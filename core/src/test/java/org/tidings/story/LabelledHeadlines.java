package org.tidings.story;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** stories-dev.jsonl style items: a headline, its publisher and time, and its story label. */
record LabelledHeadlines(String id, String title, String publisher, Instant published, String story) {

    static List<LabelledHeadlines> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<LabelledHeadlines> read(InputStream in) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        List<LabelledHeadlines> out = new ArrayList<>();
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = json.readTree(line);
            out.add(new LabelledHeadlines(n.path("id").asString(), n.path("title").asString(), n.path("publisher").asString(),
                    Instant.parse(n.path("published").asString()), n.path("story").asString()));
        }
        out.sort(Comparator.comparing(LabelledHeadlines::published).thenComparing(h -> Long.parseLong(h.id())));
        return out;
    }

    Article article() {
        return Article.headline(id, title, publisher, published);
    }
}
