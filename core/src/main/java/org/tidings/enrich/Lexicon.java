package org.tidings.enrich;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the word lists that ship beside this class: sections of ';'- or space-separated entries. */
final class Lexicon {

    private Lexicon() {
    }

    /** Entries of each "[section]" of a resource, in file order; a line holds one or more ';'-separated entries. */
    static Map<String, List<String>> sections(String resource, String separator) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : lines(resource)) {
            if (line.startsWith("[") && line.endsWith("]")) {
                current = sections.computeIfAbsent(line.substring(1, line.length() - 1), k -> new ArrayList<>());
            } else if (current != null) {
                for (String entry : line.split(separator)) {
                    if (!entry.isBlank()) {
                        current.add(entry.strip());
                    }
                }
            }
        }
        return sections;
    }

    /** Folded keys of every entry in a section. */
    static Set<String> keys(Map<String, List<String>> sections, String section) {
        Set<String> keys = new HashSet<>();
        for (String entry : sections.getOrDefault(section, List.of())) {
            keys.add(Text.foldPhrase(entry));
        }
        return Set.copyOf(keys);
    }

    /** Non-blank, non-comment lines of a resource, stripped. */
    static List<String> lines(String resource) {
        try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("word list " + resource + " missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String stripped = line.strip();
                if (!stripped.isEmpty() && !stripped.startsWith("#")) {
                    lines.add(stripped);
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read word list " + resource, e);
        }
    }

    /** Stop words of every language in one set (a text mixes languages; a function word is one everywhere). */
    static Set<String> stopWords() {
        Set<String> words = new HashSet<>();
        for (List<String> language : sections("stopwords.txt", "\\s+").values()) {
            for (String word : language) {
                words.add(Text.fold(word));
            }
        }
        return Set.copyOf(words);
    }

}
