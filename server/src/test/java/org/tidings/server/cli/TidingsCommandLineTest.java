package org.tidings.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TidingsCommandLineTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Tidings.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpListsTheCommands() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("serve [--demo]", "parse-feed", "extract", "cluster", "reindex", "help");
    }

    @Test
    void parseFeedPrintsOneJsonLinePerFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path feed = dir.resolve("feed.xml");
        java.nio.file.Files.writeString(feed, "<rss version=\"2.0\"><channel><title>T</title>"
                + "<item><title>One &amp; two</title><link>https://n.test/1</link></item></channel></rss>");
        assertThat(run("parse-feed", feed.toString(), dir.resolve("missing.xml").toString())).isZero();
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("{\"file\":").contains("\"version\":\"rss20\"", "One & two");
        assertThat(lines[1]).contains("missing.xml", "\"error\"");
    }

    @Test
    void versionPrintsTheVersionOfThisBuild() throws Exception {
        assertThat(run("--version")).isZero();
        var build = new java.util.Properties();
        try (var in = getClass().getResourceAsStream("/META-INF/build-info.properties")) {
            build.load(in);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("Tidings " + build.getProperty("build.version") + "\n")
                .matches("Tidings \\d+\\.\\d+\\.\\d+.*\n");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'frobnicate'", "Commands:");
    }

    @Test
    void noCommandIsAUsageError() {
        assertThat(run()).isEqualTo(2);
    }

    @Test
    void demoIsAShorthandForTheSetting() {
        assertThat(Tidings.serveArguments(List.of("--demo", "--tidings.port=9090")))
                .containsExactly("--tidings.demo=true", "--tidings.port=9090");
    }
}
