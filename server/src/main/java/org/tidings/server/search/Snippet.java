package org.tidings.server.search;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * A passage of an article with the words that matched the query marked. It is plain text in parts,
 * never markup: the page escapes every part and wraps the matches in {@code <mark>} itself.
 */
public record Snippet(List<Part> parts) {

    /** A run of text; {@code match} when it is a word of the query. */
    public record Part(String text, boolean match) {}

    /** Between two passages that are not adjacent in the text. */
    public static final String GAP = " … ";

    public String plainText() {
        return parts.stream().map(Part::text).collect(Collectors.joining());
    }

    static final class Formatter extends PassageFormatter {

        @Override
        public Snippet format(Passage[] passages, String content) {
            List<Part> parts = new ArrayList<>();
            int previousEnd = -1;
            for (Passage passage : passages) {
                if (previousEnd >= 0) add(parts, passage.getStartOffset() > previousEnd ? GAP : "", false);
                int position = passage.getStartOffset();
                int passageEnd = Math.min(passage.getEndOffset(), content.length());
                for (int i = 0; i < passage.getNumMatches(); i++) {
                    // a match may overlap the one before it, or run past the passage's end: mark only what is inside
                    int start = Math.max(passage.getMatchStarts()[i], position);
                    int end = Math.min(passage.getMatchEnds()[i], passageEnd);
                    if (end <= start) continue;
                    add(parts, content.substring(position, start), false);
                    add(parts, content.substring(start, end), true);
                    position = end;
                }
                if (position < passageEnd) add(parts, content.substring(position, passageEnd), false);
                previousEnd = passageEnd;
            }
            if (!parts.isEmpty() && !parts.getFirst().match()) parts.set(0, new Part(parts.getFirst().text().stripLeading(), false));
            return new Snippet(List.copyOf(parts));
        }

        private static void add(List<Part> parts, String text, boolean match) {
            if (text.isEmpty()) return;
            // adjacent matches become one mark
            String run = !parts.isEmpty() && parts.getLast().match() == match ? parts.removeLast().text() + text : text;
            parts.add(new Part(run, match));
        }
    }
}
