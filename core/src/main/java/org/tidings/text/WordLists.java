package org.tidings.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads the class-path word lists: lines, '#' comments, "[section]" headers followed by separated entries. */
public final class WordLists {

    private WordLists() {
    }

    /** Entries of each "[section]" of a resource, in file order, split at {@code separator}. */
    public static Map<String, List<String>> sections(String resource, String separator) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : lines(resource)) {
            if (line.startsWith("[") && line.endsWith("]")) {
                current = sections.computeIfAbsent(line.substring(1, line.length() - 1), k -> new ArrayList<>());
            } else if (current != null) {
                Arrays.stream(line.split(separator)).filter(entry -> !entry.isBlank()).map(String::strip)
                        .forEach(current::add);
            }
        }
        return sections;
    }

    /** Each section of a resource of space-separated words as a set. */
    public static Map<String, Set<String>> sets(String resource) {
        return sections(resource, "\\s+").entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, section -> Set.copyOf(section.getValue())));
    }

    /** Non-blank, non-comment lines of a resource (an absolute class-path name), stripped. */
    public static List<String> lines(String resource) {
        try (InputStream in = WordLists.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("word list " + resource + " missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read word list " + resource, e);
        }
    }
}
