package org.tidings.story;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A snapshot of one story: the coverage of one event across publishers. Its id is its founding article's, its title
 * its most representative headline; the timeline holds its articles in order of publication, copies included, and
 * the publishers are distinct, in order of first appearance.
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
