package org.tidings.server.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tidings.feed.FeedParser;
import org.tidings.feed.FeedparserJson;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code parse-feed [--content-type VALUE] [--content-language VALUE] [--url URL] FILE...}: the HTTP headers the
 * files were served with (when they were) and their address, then one JSON object per line per
 * FILE, in order, in feedparser's model with a leading {@code file} key; an unreadable file gives
 * {@code {"file": ..., "error": {"type": ..., "message": ...}}} and the rest go on (so does a file the
 * parser fails on, which would be a bug).
 */
final class ParseFeedCommand {

    static final String USAGE = "usage: parse-feed [--content-type VALUE] [--content-language VALUE] [--url URL] FILE...";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ParseFeedCommand() {}

    /** Runs the command; 0 unless the usage is wrong (2). */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        FileArguments a = FileArguments.parse("parse-feed", USAGE, List.of("--content-type", "--content-language", "--url"), args, out, err);
        if (a.exit() >= 0) return a.exit();
        for (String file : a.files()) {
            out.println(JSON.writeValueAsString(parseFile(file, a.options())));
        }
        out.flush();
        return 0;
    }

    private static Map<String, Object> parseFile(String file, Map<String, String> options) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("file", file);
        try {
            line.putAll(FeedparserJson.toMap(readBounded(Path.of(file)), options.get("--content-type"), options.get("--url"),
                    options.get("--content-language")));
        } catch (IOException | RuntimeException e) {
            line.put("error", JSON.createObjectNode().put("type", e.getClass().getSimpleName())
                    .put("message", String.valueOf(e.getMessage())));
        }
        return line;
    }

    /** Reads at most one byte more than the parser keeps, so a huge file cannot exhaust memory. */
    private static byte[] readBounded(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return in.readNBytes(FeedParser.MAX_BYTES + 1);
        }
    }
}
