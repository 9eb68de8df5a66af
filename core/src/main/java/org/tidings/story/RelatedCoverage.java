package org.tidings.story;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The "related coverage" block of an article: first the other publishers' articles of the same
 * story, then recent articles whose content is similar, spread over publishers. Nothing below a
 * similarity floor is ever shown: an empty block is better than unrelated filler.
 */
public final class RelatedCoverage {

    /** Least cosine for a similar article outside the story: below it, they share a common word and little else. */
    static final double FLOOR = 0.25;
    /**
     * Topic words a similar article outside the story must share: in short headlines one word can reach the
     * floor alone ("Sbarro bankruptcy" against "Bankruptcy judge"), and one word is a shared topic, not content.
     */
    static final int MIN_SHARED_WORDS = 2;
    /** Similar articles older than this (before now) are not offered: related coverage is news. */
    public static final Duration RECENT = Duration.ofDays(7);

    private RelatedCoverage() {
    }

    /** An article that may be shown (text: its lead or text); all but its id and headline may be null. */
    public record Candidate(String id, String storyId, String publisher, String title, String text, Instant published,
                            String duplicateOf) {
    }

    /** Why an article is related: part of the same story, or similar in content in another story. */
    public enum Reason { SAME_STORY, SIMILAR }

    /** One related article, with why and how similar (cosine of headline and lead words). */
    public record Related(String id, Reason reason, double similarity) {
    }

    /**
     * The related coverage of {@code article} among {@code pool} (its story and what a search found), leaving out
     * the article itself and copies (their original stands for them).
     */
    public static List<Related> rank(Candidate article, Collection<Candidate> pool, Instant now, int limit) {
        if (limit <= 0 || pool.isEmpty()) {
            return List.of();
        }
        Map<String, TermVector> vectors = vectors(article, pool);
        TermVector own = vectors.get(article.id());
        List<Scored> sameStory = new ArrayList<>();
        List<Scored> similar = new ArrayList<>();
        for (Candidate c : pool) {
            if (!eligible(article, c)) {
                continue;
            }
            TermVector vector = vectors.get(c.id());
            Scored scored = new Scored(c, cosine(own, vector), !Objects.equals(c.publisher(), article.publisher()));
            if (article.storyId() != null && article.storyId().equals(c.storyId())) {
                sameStory.add(scored);
            } else if (scored.similarity >= FLOOR && shared(own, vector) >= MIN_SHARED_WORDS && recent(c, now)) {
                similar.add(scored);
            }
        }
        List<Related> out = new ArrayList<>();
        diverse(sameStory).forEach(s -> out.add(new Related(s.c.id(), Reason.SAME_STORY, s.similarity)));
        diverse(similar).forEach(s -> out.add(new Related(s.c.id(), Reason.SIMILAR, s.similarity)));
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }

    private record Scored(Candidate c, double similarity, boolean otherPublisher) {
    }

    private static boolean eligible(Candidate article, Candidate c) {
        return c != null && c.id() != null && !c.id().equals(article.id()) && c.duplicateOf() == null
                && !c.id().equals(article.duplicateOf());
    }

    private static boolean recent(Candidate c, Instant now) {
        return c.published() == null || !c.published().isBefore(now.minus(RECENT));
    }

    /** Other publishers first, then one article per publisher per round, so no prolific publisher fills the block. */
    private static List<Scored> diverse(List<Scored> scored) {
        scored.sort(Comparator.comparing((Scored s) -> !s.otherPublisher)
                .thenComparing(Comparator.comparingDouble((Scored s) -> s.similarity).reversed())
                .thenComparing(s -> s.c.published(), Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(s -> s.c.id()));
        List<Scored> out = new ArrayList<>();
        for (boolean other : new boolean[] {true, false}) {
            Map<String, List<Scored>> byPublisher = new LinkedHashMap<>();
            scored.stream().filter(s -> s.otherPublisher == other)
                    .forEach(s -> byPublisher.computeIfAbsent(String.valueOf(s.c.publisher()), k -> new ArrayList<>()).add(s));
            for (int round = 0; !byPublisher.isEmpty(); round++) {
                final int r = round;
                byPublisher.values().removeIf(list -> {
                    if (r < list.size()) {
                        out.add(list.get(r));
                    }
                    return r + 1 >= list.size();
                });
            }
        }
        return out;
    }

    private static Map<String, TermVector> vectors(Candidate article, Collection<Candidate> pool) {
        DocumentFrequencies df = new DocumentFrequencies();
        Map<String, Map<String, Float>> tfs = new HashMap<>();
        tfs.put(article.id(), TermVector.frequencies(article.title(), article.text(), new HashSet<>()));
        for (Candidate c : pool) {
            if (c != null && c.id() != null) {
                tfs.putIfAbsent(c.id(), TermVector.frequencies(c.title(), c.text(), new HashSet<>()));
            }
        }
        tfs.values().forEach(tf -> df.add(tf.keySet()));
        Map<String, TermVector> out = new HashMap<>();
        tfs.forEach((id, tf) -> out.put(id, TermVector.weigh(tf, Set.of(), df::idf)));
        return out;
    }

    static int shared(TermVector a, TermVector b) {
        return (int) Arrays.stream(b.terms()).filter(Set.of(a.terms())::contains).count();
    }

    static double cosine(TermVector a, TermVector b) {
        Map<String, Float> small = new HashMap<>();
        for (int i = 0; i < a.size(); i++) {
            small.put(a.terms()[i], a.weights()[i]);
        }
        double dot = 0;
        for (int i = 0; i < b.size(); i++) {
            Float w = small.get(b.terms()[i]);
            if (w != null) {
                dot += w * b.weights()[i];
            }
        }
        return dot;
    }
}
