package org.tidings.server.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** Passages become plain parts with the matches marked, whatever the highlighter's offsets. */
class SnippetTest {

    private static Passage passage(int start, int end, int... matches) {
        Passage p = new Passage();
        p.setStartOffset(start);
        p.setEndOffset(end);
        for (int i = 0; i < matches.length; i += 2) p.addMatch(matches[i], matches[i + 1], new BytesRef("t"), 1);
        return p;
    }

    @Test
    void matchesAreMarkedAndTheRestIsPlain() {
        String text = "Floods close the coast road. Ferries stop.";
        Snippet s = new Snippet.Formatter().format(new Passage[] {passage(0, 28, 0, 6, 17, 22)}, text);
        assertThat(s.parts()).containsExactly(new Snippet.Part("Floods", true), new Snippet.Part(" close the ", false),
                new Snippet.Part("coast", true), new Snippet.Part(" road.", false));
    }

    @Test
    void overlappingMatchesAndMatchesPastThePassageEndStayInside() {
        String text = "Floods close the coast road. Ferries stop.";
        Snippet s = new Snippet.Formatter().format(new Passage[] {passage(0, 12, 0, 6, 3, 8, 7, 20), passage(29, 42, 29, 36)}, text);
        assertThat(s.plainText()).isEqualTo("Floods close" + Snippet.GAP + "Ferries stop.");
        assertThat(s.parts()).containsExactly(new Snippet.Part("Floods close", true), new Snippet.Part(Snippet.GAP, false),
                new Snippet.Part("Ferries", true), new Snippet.Part(" stop.", false));
    }
}
