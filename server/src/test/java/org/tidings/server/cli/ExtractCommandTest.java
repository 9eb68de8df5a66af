package org.tidings.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ExtractCommandTest {

    private static final String PAGE = "<html lang=\"fr\"><head><title>Le port rouvre</title>"
            + "<meta property=\"og:site_name\" content=\"Le Quotidien\"><meta name=\"author\" content=\"Ana Ruiz\">"
            + "<meta property=\"article:published_time\" content=\"2026-11-23T08:15:00+01:00\"></head><body><article>"
            + "<p>Le port a rouvert lundi après trois semaines de travaux, a indiqué l'autorité portuaire, et les ferries sont partis à l'heure.</p>"
            + "<p>Les pêcheurs, qui avaient amarré leurs bateaux dans la ville voisine, ont salué la nouvelle.</p></article></body></html>";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ExtractCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private List<JsonNode> lines() {
        JsonMapper json = JsonMapper.builder().build();
        return out.toString(StandardCharsets.UTF_8).lines().map(json::readTree).toList();
    }

    @Test
    void printsOneJsonObjectPerFileWithTheDocumentedKeys() throws Exception {
        Path plain = Files.writeString(dir.resolve("port.html"), PAGE);
        Path gz = dir.resolve("port.html.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write(PAGE.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(run("--url", "https://quotidien.example/port", plain.toString(), gz.toString())).isZero();
        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(2);
        for (JsonNode line : lines) {
            assertThat(line.propertyNames()).containsExactly("file", "url", "title", "byline", "published", "lang",
                    "site_name", "image", "image_caption", "image_credit", "excerpt", "text", "html");
            assertThat(line.get("url").stringValue()).isEqualTo("https://quotidien.example/port");
            assertThat(line.get("title").stringValue()).isEqualTo("Le port rouvre");
            assertThat(line.get("byline").stringValue()).isEqualTo("Ana Ruiz");
            assertThat(line.get("published").stringValue()).isEqualTo("2026-11-23T07:15:00Z");
            assertThat(line.get("lang").stringValue()).isEqualTo("fr");
            assertThat(line.get("site_name").stringValue()).isEqualTo("Le Quotidien");
            assertThat(line.get("image").isNull()).isTrue();
            assertThat(line.get("image_caption").isNull()).as("no picture, no caption").isTrue();
            assertThat(line.get("excerpt").booleanValue()).isFalse();
            assertThat(line.get("text").stringValue()).contains("Le port a rouvert lundi").contains("\n\nLes pêcheurs");
            assertThat(line.get("html").stringValue()).startsWith("<p>");
        }
        assertThat(lines.get(1).get("file").stringValue()).endsWith("port.html.gz");
    }

    @Test
    void aMissingFileIsReportedAndTheOthersStillPrinted() throws Exception {
        Path plain = Files.writeString(dir.resolve("port.html"), PAGE);
        assertThat(run(dir.resolve("nope.html").toString(), plain.toString())).isEqualTo(1);
        assertThat(lines()).hasSize(1);
        assertThat(lines().get(0).get("url").isNull()).isTrue();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("nope.html", "no such file");
    }

    @Test
    void aBrokenGzipFileIsReported() throws Exception {
        Path gz = Files.writeString(dir.resolve("broken.html.gz"), "not gzip at all");
        assertThat(run(gz.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("broken.html.gz");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("--url")).isEqualTo(2);
        assertThat(run("--bogus", "x.html")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(ExtractCommand.USAGE);
    }
}
