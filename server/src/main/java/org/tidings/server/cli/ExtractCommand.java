package org.tidings.server.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.tidings.extract.ArticleExtractor;
import org.tidings.extract.ExtractedArticle;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code extract [--url URL] FILE...}: one JSON object per line and file. Exit status 1 when some file
 * could not be read (reported on {@code err}, the others are still printed), 2 on a usage error.
 */
final class ExtractCommand {

    static final String USAGE = "usage: extract [--url URL] FILE...";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ExtractCommand() {}

    static int run(List<String> args, PrintStream out, PrintStream err) {
        FileArguments a = FileArguments.parse("extract", USAGE, List.of("--url"), args, out, err);
        if (a.exit() >= 0) return a.exit();
        String url = a.options().get("--url");
        int status = 0;
        for (String file : a.files()) {
            try {
                byte[] body = read(Path.of(file));
                out.println(JSON.writeValueAsString(toJson(file, url, ArticleExtractor.extract(body, null, url))));
            } catch (IOException | RuntimeException e) {
                err.println("extract: " + file + ": " + describe(e));
                status = 1;
            }
        }
        out.flush();
        return status;
    }

    private static String describe(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) return "no such file";
        if (e instanceof java.util.zip.ZipException) return "not a valid gzip file (" + e.getMessage() + ")";
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static byte[] read(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            return in.readNBytes(ArticleExtractor.MAX_BYTES); // no more is looked at, and a gzip bomb must not fill the heap
        }
    }

    private static ObjectNode toJson(String file, String url, ExtractedArticle a) {
        return JSON.createObjectNode().put("file", file).put("url", url).put("title", a.title()).put("byline", a.byline())
                .put("published", a.published() == null ? null : a.published().toString()).put("lang", a.lang())
                .put("site_name", a.siteName()).put("image", a.image()).put("image_caption", a.imageCaption().text())
                .put("image_credit", a.imageCaption().credit()).put("excerpt", a.excerpt()).put("text", a.text())
                .put("html", a.html());
    }
}
