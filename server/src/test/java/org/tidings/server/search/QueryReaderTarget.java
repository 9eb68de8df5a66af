package org.tidings.server.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.search.Query;
import org.tidings.fuzz.FuzzTarget;
import org.tidings.fuzz.Seeds;

/**
 * The search query reader as a fuzz target: whatever a reader types, a query or a {@link QueryReader.Problem}
 * with a sentence for the reader, never another exception. Seeds: the headlines of the search tests,
 * their publishers, and the same headlines written in the query syntax.
 */
public final class QueryReaderTarget {

    private static final Pattern FIELD = Pattern.compile("\"(title|publisher)\": \"([^\"]+)\"");

    private QueryReaderTarget() {}

    public static FuzzTarget target() {
        QueryReader reader = new QueryReader(Languages.perField(new StandardAnalyzer(CharArraySet.EMPTY_SET)));
        return new FuzzTarget("search-query", QueryReaderTarget::seeds, List.of(" AND ", " OR ", " NOT ", "+", "-", "\"", "*", "?",
                "~", "~2", "^3", ":", "title_en:", "publisher:", "(", ")", "[", "]", "{", "}", " TO ", "/", "/.*/", "\\", "&&", "||",
                "!", "a*", "ab*", "*ab", "é", "\u0000", "  "),
                input -> {
                    String text = new String(input, StandardCharsets.UTF_8);
                    try {
                        Query query = reader.read(text);
                        if (query == null) throw new AssertionError("no query and no problem for " + text);
                    } catch (QueryReader.Problem expected) {
                        if (expected.message == null) throw new AssertionError("a problem without a sentence for " + text);
                    }
                });
    }

    private static List<byte[]> seeds() {
        List<String> lines = Seeds.lines(QueryReaderTarget.class, "/search/headlines.jsonl");
        List<String> found = Seeds.found(Seeds.utf8(lines), FIELD, 2, 300);
        List<String> values = new ArrayList<>(found);
        for (String headline : found.subList(0, Math.min(40, found.size()))) {
            String[] words = headline.split("\\s+");
            values.add("\"" + headline + "\"");
            values.add(String.join(" OR ", words));
            values.add("+" + words[0] + " -" + words[words.length - 1] + " " + words[0].substring(0, Math.min(3, words[0].length())) + "*");
        }
        return Seeds.utf8(values);
    }
}
