package org.tidings.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopStoriesTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    /** A story of {@code publishers.length} articles published {@code hoursAgo[i]} hours ago. */
    private static Story story(String id, String[] publishers, int... hoursAgo) {
        List<Story.Entry> entries = new ArrayList<>();
        Set<String> distinct = new LinkedHashSet<>();
        for (int i = 0; i < publishers.length; i++) {
            entries.add(new Story.Entry(id + i, "t", publishers[i], NOW.minus(Duration.ofHours(hoursAgo[i])), null));
            distinct.add(publishers[i]);
        }
        entries.sort((a, b) -> a.published().compareTo(b.published()));
        return new Story(id, "t", entries, distinct, entries.getFirst().published(), entries.getLast().published());
    }

    @Test
    void aStoryOfOnePublisherIsNoTopStory() {
        Story alone = story("alone", new String[] {"A", "A", "A", "A"}, 0, 0, 1, 1);
        Story pair = story("pair", new String[] {"A", "B"}, 5, 6);
        assertThat(TopStories.top(List.of(alone, pair), NOW, 10)).extracting(r -> r.story().id()).containsExactly("pair");
        assertThat(TopStories.rank(List.of(alone, pair), NOW, 10)).extracting(r -> r.story().id()).containsExactlyInAnyOrder("alone", "pair");
    }

    @Test
    void broadCoverageOutranksOnePublishersStream() {
        Story broad = story("broad", new String[] {"A", "B", "C", "D", "E"}, 1, 2, 3, 4, 5);
        Story stream = story("stream", new String[] {"A", "A", "A", "A", "A", "A", "A", "A", "A", "B"}, 0, 0, 0, 1, 1, 1, 2, 2, 2, 3);
        List<TopStories.Ranked> ranked = TopStories.rank(List.of(stream, broad), NOW, 10);
        assertThat(ranked).extracting(r -> r.story().id()).containsExactly("broad", "stream");
        assertThat(ranked.get(1).score().diversity()).isLessThan(ranked.get(0).score().diversity());
    }

    @Test
    void freshnessAndVelocityLiftAStory() {
        Story fresh = story("fresh", new String[] {"A", "B", "C"}, 0, 1, 1);
        Story stale = story("stale", new String[] {"A", "B", "C"}, 30, 31, 32);
        List<TopStories.Ranked> ranked = TopStories.rank(List.of(stale, fresh), NOW, 10);
        assertThat(ranked).extracting(r -> r.story().id()).containsExactly("fresh", "stale");
        TopStories.Score f = ranked.get(0).score();
        TopStories.Score s = ranked.get(1).score();
        assertThat(f.freshness()).isGreaterThan(s.freshness());
        assertThat(f.velocity()).isGreaterThan(0);
        assertThat(s.velocity()).isZero();
        assertThat(f.breadth()).isEqualTo(s.breadth());
    }

    @Test
    void scoreExplainsItself() {
        TopStories.Score score = TopStories.score(story("x", new String[] {"A", "B"}, 12, 12), NOW);
        assertThat(score.breadth()).isCloseTo(Math.log(3), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(score.freshness()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(score.diversity()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(score.total()).isEqualTo(score.breadth() * (1 + score.velocity()) * score.freshness() * score.diversity());
        assertThat(TopStories.rank(List.of(), NOW, 5)).isEmpty();
        assertThat(TopStories.rank(List.of(story("y", new String[] {"A"}, 1)), NOW, 0)).isEmpty();
    }
}
