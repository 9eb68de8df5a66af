package org.tidings.story;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ranks stories for a front page, section or edition (pass only its stories) by breadth (publishers), velocity
 * (articles now), freshness and diversity (spread over publishers), each kept so a story can explain its place.
 */
public final class TopStories {

    /** Recent articles are counted over this span for velocity: a news cycle's "right now". */
    static final Duration VELOCITY_SPAN = Duration.ofHours(6);
    /** Freshness halves every this much since the story's latest article. */
    static final Duration FRESHNESS_HALF_LIFE = Duration.ofHours(12);
    /** One publisher's report is an article, not yet a story others confirm: top stories need this many publishers. */
    public static final int MIN_PUBLISHERS = 2;
    /** A burst lifts a story, but breadth dominates: a live blog posting every minute cannot outrank wide coverage. */
    static final double VELOCITY_WEIGHT = 0.5;

    private TopStories() {
    }

    /**
     * {@code total = breadth * (1 + velocity) * freshness * diversity}: breadth is ln(1 + publishers), velocity
     * {@value #VELOCITY_WEIGHT} * ln(1 + articles in the last six hours), freshness 0.5 ^ (hours since the latest
     * article / 12), diversity the effective number of publishers (exp of the entropy of articles over publishers)
     * over the distinct ones, in (0, 1]: low when one publisher wrote most articles.
     */
    public record Score(double breadth, double velocity, double freshness, double diversity, double total) {
    }

    public record Ranked(Story story, Score score) {
    }

    /**
     * The top {@code limit} stories at {@code now}: those covered by at least {@value #MIN_PUBLISHERS} publishers,
     * ranked as {@link #rank} does.
     */
    public static List<Ranked> top(Collection<Story> stories, Instant now, int limit) {
        return rank(stories.stream().filter(s -> s.publishers().size() >= MIN_PUBLISHERS).toList(), now, limit);
    }

    /** The best {@code limit} stories at {@code now}, best first (ties: newer, then by id), whatever their breadth. */
    public static List<Ranked> rank(Collection<Story> stories, Instant now, int limit) {
        return stories.stream()
                .map(s -> new Ranked(s, score(s, now)))
                .sorted(Comparator.comparingDouble((Ranked r) -> -r.score().total())
                        .thenComparing(r -> r.story().latest(), Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(r -> r.story().id()))
                .limit(Math.max(0, limit))
                .toList();
    }

    public static Score score(Story story, Instant now) {
        List<Story.Entry> entries = story.timeline();
        Map<String, Integer> perPublisher = new HashMap<>();
        int recent = 0;
        for (Story.Entry e : entries) {
            perPublisher.merge(e.publisher() == null ? "" : e.publisher(), 1, Integer::sum);
            if (e.published() != null && !e.published().isBefore(now.minus(VELOCITY_SPAN)) && !e.published().isAfter(now)) {
                recent++;
            }
        }
        double breadth = Math.log1p(perPublisher.size());
        double velocity = VELOCITY_WEIGHT * Math.log1p(recent);
        double hours = story.latest() == null ? 0 : Math.max(0, Duration.between(story.latest(), now).toMinutes() / 60.0);
        double freshness = Math.pow(0.5, hours / (FRESHNESS_HALF_LIFE.toMinutes() / 60.0));
        double diversity = entries.isEmpty() ? 0 : effectivePublishers(perPublisher, entries.size()) / perPublisher.size();
        return new Score(breadth, velocity, freshness, diversity, breadth * (1 + velocity) * freshness * diversity);
    }

    private static double effectivePublishers(Map<String, Integer> perPublisher, int total) {
        double entropy = 0;
        for (int n : perPublisher.values()) {
            double p = (double) n / total;
            entropy -= p * Math.log(p);
        }
        return Math.exp(entropy);
    }
}
