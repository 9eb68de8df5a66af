package org.tidings.server.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.tidings.extract.ArticleExtractor;
import org.tidings.extract.ExtractedArticle;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code extract [--url URL] FILE...}: extracts each page and prints one JSON object per line with
 * {@code file, url, title, byline, published, lang, site_name, image, excerpt, text, html}.
 * A {@code .gz} file is read as gzip. Exit status: 0 when every file was read, 1 when some file
 * could not be read (reported on {@code err}, the others are still printed), 2 on a usage error.
 */
public final class ExtractCommand {

    static final String USAGE = "usage: extract [--url URL] FILE...";

    /** Reading stops here: the extractor looks at no more than this anyway, and a gzip bomb must
     * not fill the heap. */
    private static final int MAX_READ_BYTES = ArticleExtractor.MAX_BYTES;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ExtractCommand() {}

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        String url = null;
        List<String> files = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--url")) {
                if (i + 1 >= args.size()) return usage(err, "--url needs a value");
                url = args.get(++i);
            } else if (arg.startsWith("--url=")) {
                url = arg.substring("--url=".length());
            } else if (arg.equals("-h") || arg.equals("--help")) {
                out.println(USAGE);
                return 0;
            } else if (arg.startsWith("--")) {
                return usage(err, "unknown option " + arg);
            } else {
                files.add(arg);
            }
        }
        if (files.isEmpty()) return usage(err, "no FILE given");
        int status = 0;
        for (String file : files) {
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

    private static int usage(PrintStream err, String problem) {
        err.println("extract: " + problem);
        err.println(USAGE);
        return 2;
    }

    private static String describe(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) return "no such file";
        if (e instanceof java.util.zip.ZipException) return "not a valid gzip file (" + e.getMessage() + ")";
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    static byte[] read(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            return in.readNBytes(MAX_READ_BYTES);
        }
    }

    static Map<String, Object> toJson(String file, String url, ExtractedArticle a) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("file", file);
        json.put("url", url);
        json.put("title", a.title());
        json.put("byline", a.byline());
        json.put("published", a.published() == null ? null : a.published().toString());
        json.put("lang", a.lang());
        json.put("site_name", a.siteName());
        json.put("image", a.image());
        json.put("excerpt", a.excerpt());
        json.put("text", a.text());
        json.put("html", a.html());
        return json;
    }
}
