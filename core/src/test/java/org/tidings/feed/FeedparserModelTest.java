package org.tidings.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fixture feeds under resources/feed/model, one behaviour of the Universal Feed Parser's model each,
 * written from the specifications and feedparser's documentation. Each file's leading comment holds
 * {@code Expect:} lines, checked against {@link FeedparserJson#toMap} (what {@code parse-feed} prints):
 * <pre>
 * Content-Type: text/plain                     (optional: the HTTP header the feed is served with)
 * URL: http://example.org/feed                 (optional: the document's URL; none by default, as for a local file)
 * Content-Language: en                         (optional: the HTTP header the feed is served with)
 * Expect: entries[0].author_detail.email == "jo@example.com"   (the right side is JSON)
 * Expect: feed.image absent
 * </pre>
 */
class FeedparserModelTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern URL = Pattern.compile("(?m)^URL:\\s*(\\S+)\\s*$");
    private static final Pattern CONTENT_TYPE = Pattern.compile("(?m)^Content-Type:\\s*(.+?)\\s*$");
    private static final Pattern CONTENT_LANGUAGE = Pattern.compile("(?m)^Content-Language:\\s*(.+?)\\s*$");
    private static final Pattern EXPECT = Pattern.compile("(?m)^Expect:\\s*(\\S+)\\s+(==\\s*(.+?)|absent)\\s*$");
    private static final Pattern STEP = Pattern.compile("([A-Za-z_][\\w:-]*)|\\[(\\d+)]");

    @TestFactory
    Stream<DynamicTest> everyFixtureMeetsItsExpectations() throws IOException, URISyntaxException {
        Path root = Path.of(getClass().getResource("/feed/model").toURI());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        return files.stream().map(file -> DynamicTest.dynamicTest(root.relativize(file).toString(),
                () -> check(file)));
    }

    @Test
    void theExpectationLanguageFindsValuesAndAbsences() {
        JsonNode doc = JSON.readTree("{\"feed\":{\"tags\":[{\"term\":\"a\"}]}}");
        assertThat(find(doc, "feed.tags[0].term").asString()).isEqualTo("a");
        assertThat(find(doc, "feed.tags[1].term")).isNull();
        assertThat(find(doc, "feed.title")).isNull();
    }

    private static void check(Path file) throws IOException {
        byte[] body = Files.readAllBytes(file);
        String header = new String(body, wide(body));
        int end = header.indexOf("-->");
        header = end < 0 ? header : header.substring(0, end);
        Matcher type = CONTENT_TYPE.matcher(header);
        Matcher url = URL.matcher(header);
        Matcher language = CONTENT_LANGUAGE.matcher(header);
        JsonNode result = JSON.valueToTree(FeedparserJson.toMap(body, type.find() ? type.group(1) : null,
                url.find() ? url.group(1) : null, language.find() ? language.group(1) : null));
        Matcher expect = EXPECT.matcher(header);
        List<String> failures = new ArrayList<>();
        int count = 0;
        while (expect.find()) {
            count++;
            JsonNode actual = find(result, expect.group(1));
            if (expect.group(3) == null) {
                if (actual != null) failures.add(expect.group(1) + " is " + actual + ", expected absent");
            } else {
                JsonNode expected = JSON.readTree(expect.group(3));
                if (!expected.equals(actual)) failures.add(expect.group(1) + " is " + actual + ", expected " + expected);
            }
        }
        assertThat(count).as("Expect: lines in " + file).isPositive();
        assertThat(failures).as(file.getFileName() + " parsed as " + result).isEmpty();
    }

    /** The charset the comment can be read in: UTF-16 for a UTF-16 fixture, else ISO-8859-1 (the comment is ASCII). */
    private static java.nio.charset.Charset wide(byte[] body) {
        if (body.length < 4) return StandardCharsets.ISO_8859_1;
        if (body[0] == 0 || (body[0] & 0xff) == 0xFE) return StandardCharsets.UTF_16BE;
        if (body[1] == 0 || (body[0] & 0xff) == 0xFF) return StandardCharsets.UTF_16LE;
        return StandardCharsets.ISO_8859_1;
    }

    /** The node at a path such as {@code entries[0].links[1].href}, or null when any step is missing. */
    private static JsonNode find(JsonNode node, String path) {
        Matcher step = STEP.matcher(path);
        while (step.find() && node != null) {
            if (step.group(1) != null) node = node.isObject() ? node.get(step.group(1)) : null;
            else node = node.isArray() ? node.get(Integer.parseInt(step.group(2))) : null;
        }
        return node;
    }
}
