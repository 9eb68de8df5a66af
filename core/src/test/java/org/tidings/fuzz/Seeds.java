package org.tidings.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Seed inputs read from the test fixtures already in the repository (nothing is copied for the
 * fuzzers): whole files, or the values a pattern finds in them. Always in the same order.
 */
public final class Seeds {

    private Seeds() {}

    /** Every file under a class path directory whose name passes {@code names}, by path; {@code .gz} files unpacked. */
    public static List<byte[]> files(Class<?> anchor, String directory, Predicate<String> names) {
        URL url = anchor.getResource(directory);
        if (url == null) throw new IllegalStateException("no fixtures at " + directory);
        try (Stream<Path> walk = Files.walk(Path.of(url.toURI()))) {
            List<byte[]> out = new ArrayList<>();
            for (Path file : walk.filter(Files::isRegularFile).filter(f -> names.test(f.getFileName().toString())).sorted().toList()) {
                out.add(read(Files.newInputStream(file), file.toString().endsWith(".gz")));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The lines of a class path resource, without blank lines and {@code #} comments. */
    public static List<String> lines(Class<?> anchor, String resource) {
        InputStream in = anchor.getResourceAsStream(resource);
        if (in == null) throw new IllegalStateException("no fixture " + resource);
        try {
            return new String(read(in, false), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The distinct values of {@code group} wherever {@code pattern} matches in the documents (read as UTF-8), at most {@code limit}. */
    public static List<String> found(List<byte[]> documents, Pattern pattern, int group, int limit) {
        Set<String> out = new LinkedHashSet<>();
        for (byte[] document : documents) {
            Matcher m = pattern.matcher(new String(document, StandardCharsets.UTF_8));
            while (m.find() && out.size() < limit) {
                String value = m.group(group).strip();
                if (!value.isEmpty()) out.add(value);
            }
        }
        return List.copyOf(out);
    }

    public static List<byte[]> utf8(List<String> values) {
        return values.stream().map(v -> v.getBytes(StandardCharsets.UTF_8)).toList();
    }

    /** At most {@code count} of the seeds, evenly spread over the list (the first one always). */
    public static List<byte[]> sample(List<byte[]> seeds, int count) {
        if (seeds.size() <= count) return seeds;
        List<byte[]> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) out.add(seeds.get((int) ((long) i * seeds.size() / count)));
        return out;
    }

    private static byte[] read(InputStream in, boolean gzip) throws IOException {
        try (InputStream stream = gzip ? new GZIPInputStream(in) : in) {
            return stream.readAllBytes();
        }
    }
}
