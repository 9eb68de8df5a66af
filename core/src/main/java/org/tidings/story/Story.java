package org.tidings.story;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A snapshot of one story: the coverage of one event across publishers.
 *
 * @param id         the story's id (the id of its founding article)
 * @param title      its most representative headline
 * @param timeline   its articles in order of publication, copies included
 * @param publishers the distinct publishers, in order of first appearance
 * @param first      when its first article was published
 * @param latest     when its latest article was published
 */
public record Story(String id, String title, List<Entry> timeline, Set<String> publishers, Instant first, Instant latest) {

    public Story {
        timeline = List.copyOf(timeline);
        publishers = Collections.unmodifiableSet(new LinkedHashSet<>(publishers));
    }

    /** One article of a story: its publisher may be null, and what it copies is null for an original. */
    public record Entry(String articleId, String title, String publisher, Instant published, String duplicateOf) {
    }
}
