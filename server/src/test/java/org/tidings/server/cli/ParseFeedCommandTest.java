package org.tidings.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.feed.FeedparserJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The parse-feed command and the feedparser-model map it prints. */
class ParseFeedCommandTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String ATOM = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
              <title>Example Feed</title><link href="http://example.org/"/><id>urn:feed</id>
              <updated>2003-12-13T18:30:02Z</updated>
              <entry><title>Atom-Powered Robots Run Amok</title><link href="/2003/12/13/atom03"/>
                <id>urn:uuid:1225c695</id><updated>2003-12-13T18:30:02+01:00</updated>
                <summary type="html">&lt;b&gt;Some&lt;/b&gt; text.</summary><author><name>John</name></author>
                <category term="robots"/></entry>
            </feed>""";

    private record Run(int code, List<String> lines, String err) {}

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ParseFeedCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        List<String> lines = text.isEmpty() ? List.of() : List.of(text.split("\\R"));
        return new Run(code, lines, err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void oneLinePerFileInOrderWithAnErrorObjectForUnreadableFiles(@TempDir Path dir) throws Exception {
        Path atom = dir.resolve("a.xml");
        Files.writeString(atom, ATOM);
        Path broken = dir.resolve("b.xml");
        Files.writeString(broken, "<rss version=\"2.0\"><channel><title>Fish & Chips</title><item><title>x</title></channel>");
        String missing = dir.resolve("missing.xml").toString();

        Run run = run("--url", "http://example.org/feed.atom", atom.toString(), missing, broken.toString());

        assertThat(run.code()).isZero();
        assertThat(run.lines()).hasSize(3);
        JsonNode first = JSON.readTree(run.lines().get(0));
        assertThat(fieldNames(first)).startsWith("file", "bozo", "encoding", "version");
        assertThat(first.get("file").asString()).isEqualTo(atom.toString());
        assertThat(first.get("bozo").asBoolean()).isFalse();
        assertThat(first.has("bozo_exception")).isFalse();
        assertThat(first.get("version").asString()).isEqualTo("atom10");
        assertThat(first.get("encoding").asString()).isEqualTo("utf-8");
        assertThat(first.at("/feed/title").asString()).isEqualTo("Example Feed");
        assertThat(first.at("/feed/title_detail/type").asString()).isEqualTo("text/plain");
        assertThat(first.at("/feed/title_detail/language").asString()).isEqualTo("en");
        assertThat(first.at("/feed/updated_parsed").toString()).isEqualTo("[2003,12,13,18,30,2,5,347,0]");
        JsonNode entry = first.at("/entries/0");
        assertThat(entry.get("link").asString()).isEqualTo("http://example.org/2003/12/13/atom03");
        assertThat(entry.at("/links/0/rel").asString()).isEqualTo("alternate");
        assertThat(entry.get("updated").asString()).isEqualTo("2003-12-13T18:30:02+01:00");
        assertThat(entry.get("updated_parsed").toString()).isEqualTo("[2003,12,13,17,30,2,5,347,0]");
        assertThat(entry.get("summary").asString()).isEqualTo("<b>Some</b> text.");
        assertThat(entry.at("/summary_detail/type").asString()).isEqualTo("text/html");
        assertThat(entry.at("/author_detail/name").asString()).isEqualTo("John");
        assertThat(entry.at("/tags/0/term").asString()).isEqualTo("robots");

        JsonNode second = JSON.readTree(run.lines().get(1));
        assertThat(second.get("file").asString()).isEqualTo(missing);
        assertThat(second.at("/error/type").asString()).isEqualTo("NoSuchFileException");
        assertThat(second.has("entries")).isFalse();

        JsonNode third = JSON.readTree(run.lines().get(2));
        assertThat(third.get("bozo").asBoolean()).isTrue();
        assertThat(third.get("bozo_exception").asString()).contains("unescaped '&'");
        assertThat(third.get("version").asString()).isEqualTo("rss20");
        assertThat(third.at("/entries/0/title").asString()).isEqualTo("x");
    }

    @Test
    void aFeedThatOnceBrokeTheParserIsReportedAndTheNextFilesStillParsed(@TempDir Path dir) throws Exception {
        Path tags = Files.writeString(dir.resolve("tags.xml"),
                "<rss><channel><item><tags>tag one, tag two</tags><category>category one</category></item></channel></rss>");
        Path atom = Files.writeString(dir.resolve("a.xml"), ATOM);

        Run run = run(tags.toString(), atom.toString());

        assertThat(run.code()).isZero();
        assertThat(run.lines()).hasSize(2);
        assertThat(JSON.readTree(run.lines().get(0)).at("/entries/0/tags/0/term").asString()).isEqualTo("category one");
        assertThat(JSON.readTree(run.lines().get(1)).at("/feed/title").asString()).isEqualTo("Example Feed");
    }

    @Test
    void contentTypePlaysTheRoleOfTheHttpHeader(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("latin.xml");
        Files.write(file, "<rss version=\"2.0\"><channel><title>Café</title></channel></rss>".getBytes(StandardCharsets.ISO_8859_1));
        JsonNode line = JSON.readTree(run("--content-type", "application/rss+xml; charset=iso-8859-1", file.toString()).lines().get(0));
        assertThat(line.at("/feed/title").asString()).isEqualTo("Café");
        assertThat(line.get("bozo").asBoolean()).isFalse();
    }

    @Test
    void contentLanguagePlaysTheRoleOfTheHttpHeader(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("atom.xml");
        Files.writeString(file, "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title></feed>");
        JsonNode line = JSON.readTree(run("--content-language", "en-GB", file.toString()).lines().get(0));
        assertThat(line.at("/feed/language").asString()).isEqualTo("en-GB");
        assertThat(line.at("/feed/title_detail/language").asString()).isEqualTo("en-GB");
    }

    @Test
    void wrongUsageExitsWithTwo() {
        assertThat(run().code()).isEqualTo(2);
        assertThat(run("--bogus", "x.xml").code()).isEqualTo(2);
        Run missingValue = run("--url");
        assertThat(missingValue.code()).isEqualTo(2);
        assertThat(missingValue.err()).contains("usage: parse-feed");
        assertThat(missingValue.lines()).isEmpty();
    }

    @Test
    void helpPrintsTheUsageAndADoubleDashEndsTheOptions(@TempDir Path dir) throws Exception {
        Run help = run("--help");
        assertThat(help.code()).isZero();
        assertThat(help.lines()).containsExactly(ParseFeedCommand.USAGE);
        Path atom = Files.writeString(dir.resolve("a.xml"), ATOM);
        Run run = run("--url=http://example.org/feed.atom", atom.toString(), "--", "--not-an-option.xml");
        assertThat(run.code()).isZero();
        assertThat(JSON.readTree(run.lines().get(0)).get("href").asString()).isEqualTo("http://example.org/feed.atom");
        assertThat(JSON.readTree(run.lines().get(0)).at("/feed/title").asString()).isEqualTo("Example Feed");
        assertThat(JSON.readTree(run.lines().get(1)).get("file").asString()).isEqualTo("--not-an-option.xml");
        assertThat(JSON.readTree(run.lines().get(1)).at("/error/type").asString()).isEqualTo("NoSuchFileException");
    }

    @Test
    void mapIsJsonSerializableAndOrdered() {
        Map<String, Object> map = FeedparserJson.toMap(ATOM.getBytes(StandardCharsets.UTF_8), null, null);
        assertThat(new ArrayList<>(map.keySet())).containsExactly("bozo", "encoding", "version", "namespaces", "feed", "entries");
        String json = JSON.writeValueAsString(map);
        assertThat(json).startsWith("{\"bozo\":false,\"encoding\":\"utf-8\",\"version\":\"atom10\",\"namespaces\":{\"\":\"http://www.w3.org/2005/Atom\"},\"feed\":{\"language\":\"en\",\"title\":\"Example Feed\"");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
