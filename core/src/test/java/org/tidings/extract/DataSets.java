package org.tidings.extract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the two extraction data sets of shared/data. */
final class DataSets {

    /** The URL the extraction-dev pages were captured under (Readability's test convention). */
    static final String DEV_URL = "http://fakehost/test/page.html";

    record EvalPage(String url, Path file, List<String> with, List<String> without) {}

    record DevPage(String name, Path source, String expectedText, JsonNode metadata) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DataSets() {}

    static List<EvalPage> evalPages(Path data) throws IOException {
        Path dir = data.resolve("extraction-eval-dev");
        JsonNode root = JSON.readTree(Files.readString(dir.resolve("expectations.json")));
        List<EvalPage> pages = new ArrayList<>();
        for (var entry : root.properties()) {
            JsonNode v = entry.getValue();
            pages.add(new EvalPage(entry.getKey(), dir.resolve("pages").resolve(v.get("file").stringValue()),
                    strings(v.get("with")), strings(v.get("without"))));
        }
        return pages;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) for (JsonNode n : array.values()) out.add(n.stringValue());
        return out;
    }

    static List<DevPage> devPages(Path data) throws IOException {
        Path dir = data.resolve("extraction-dev").resolve("pages");
        List<DevPage> pages = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path page : list.sorted().toList()) {
                String expectedHtml = Files.readString(page.resolve("expected.html"));
                JsonNode meta = JSON.readTree(Files.readString(page.resolve("expected-metadata.json")));
                pages.add(new DevPage(page.getFileName().toString(), page.resolve("source.html"),
                        Jsoup.parse(expectedHtml).text(), meta));
            }
        }
        return pages;
    }
}
