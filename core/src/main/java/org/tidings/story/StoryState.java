package org.tidings.story;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** The clusterer's working state of one live story: centroid, members and times. */
final class StoryState {

    /** One term of a centroid, shared with the inverted index so that a score costs no lookup. */
    static final class Posting {
        final StoryState story;
        float weight;
        float members;

        Posting(StoryState story) {
            this.story = story;
        }
    }

    /** One member article, with what the snapshot and the representative title need. */
    record Member(String id, String title, String publisher, Instant published, String duplicateOf, TermVector vector) {
    }

    final String id;
    final Map<String, Posting> centroid = new HashMap<>();
    final List<Member> members = new ArrayList<>();
    final List<String> absorbedIds = new ArrayList<>();
    String lang;
    double normSquared;
    Instant first;
    Instant latest;
    boolean alive = true;
    StoryState mergeCheckedWith;
    int mergeCheckedAtSize;
    StoryState mergedInto;

    // Scratch space of the scoring loop: avoids a hash map per lookup.
    long scoreEpoch = -1;
    double score;

    StoryState(String id) {
        this.id = id;
    }

    /** Adds a vector to the centroid; returns the terms that are new to it (to be indexed). */
    List<String> addToCentroid(TermVector v) {
        List<String> fresh = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            addTerm(v.terms()[i], v.weights()[i], 1, fresh);
        }
        return fresh;
    }

    /** Adds the centroid of a story merged into this one; returns the new terms. */
    List<String> addToCentroid(StoryState gone) {
        List<String> fresh = new ArrayList<>();
        gone.centroid.forEach((term, p) -> addTerm(term, p.weight, p.members, fresh));
        return fresh;
    }

    private void addTerm(String term, float weight, float members, List<String> fresh) {
        Posting p = centroid.get(term);
        if (p == null) {
            p = new Posting(this);
            centroid.put(term, p);
            fresh.add(term);
        }
        float old = p.weight;
        p.weight = old + weight;
        p.members += members;
        normSquared += (double) p.weight * p.weight - (double) old * old;
    }

    void addMember(Member m) {
        members.add(m);
        if (first == null || m.published().isBefore(first)) {
            first = m.published();
        }
        if (latest == null || m.published().isAfter(latest)) {
            latest = m.published();
        }
    }

    double norm() {
        return Math.sqrt(Math.max(normSquared, 1e-12));
    }

    double cosine(TermVector v) {
        double dot = 0;
        for (int i = 0; i < v.size(); i++) {
            Posting p = centroid.get(v.terms()[i]);
            if (p != null) {
                dot += v.weights()[i] * p.weight;
            }
        }
        return dot / norm();
    }

    double cosine(StoryState other) {
        StoryState small = centroid.size() <= other.centroid.size() ? this : other;
        StoryState large = small == this ? other : this;
        double dot = 0;
        for (Map.Entry<String, Posting> e : small.centroid.entrySet()) {
            Posting p = large.centroid.get(e.getKey());
            if (p != null) {
                dot += (double) e.getValue().weight * p.weight;
            }
        }
        return dot / (norm() * other.norm());
    }

    StoryState resolve() {
        StoryState s = this;
        while (s.mergedInto != null) {
            s = s.mergedInto;
        }
        return s;
    }

    /** The story as callers see it: its timeline, publishers and representative headline. */
    Story snapshot() {
        List<Story.Entry> timeline = members.stream()
                .sorted(Comparator.comparing(StoryState.Member::published).thenComparing(StoryState.Member::id))
                .map(m -> new Story.Entry(m.id(), m.title(), m.publisher(), m.published(), m.duplicateOf()))
                .toList();
        Set<String> publishers = timeline.stream().map(Story.Entry::publisher).filter(Objects::nonNull)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return new Story(id, representativeTitle(), timeline, publishers, first, latest);
    }

    /** The headline closest to the centroid: the one that says what most articles say. */
    private String representativeTitle() {
        String title = null;
        double best = -1;
        for (StoryState.Member m : members) {
            if (m.title() == null || m.title().isBlank()) {
                continue;
            }
            double c = cosine(m.vector());
            if (c > best + 1e-9) {
                best = c;
                title = m.title();
            }
        }
        return title;
    }
}
