package org.tidings.enrich;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import tools.jackson.databind.ObjectMapper;

/** Prints the topics of every n-th headline of stories-dev, for reading by eye: {@code TopicSample file [step]}. */
public final class TopicSample {
    public static void main(String[] args) throws Exception {
        Enricher enricher = new Enricher();
        ObjectMapper json = new ObjectMapper();
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        int step = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        for (int i = 0; i < lines.size(); i += step) {
            String title = json.readTree(lines.get(i)).get("title").asString();
            Enrichment e = enricher.enrich(title, "", "en", null);
            StringBuilder out = new StringBuilder(title).append("\n    ");
            e.topics().forEach(t -> out.append(t.kind().name(), 0, 3).append(':').append(t.name()).append("  "));
            out.append(e.countries());
            System.out.println(out);
        }
    }
}
