package org.tidings.story;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ranks stories for a front page (or a section or edition: pass only its stories). The score is
 * a product of four parts, each kept so that a ranked story can explain its place:
 * breadth (how many publishers cover it), velocity (how fast articles are coming in now),
 * freshness (how recent its latest article is) and diversity (coverage spread over publishers
 * rather than one publisher's stream of updates).
 */
public final class TopStories {

    /** Recent articles are counted over this span for velocity: a news cycle's "right now". */
    static final Duration VELOCITY_SPAN = Duration.ofHours(6);
    /** Freshness halves every this much since the story's latest article. */
    static final Duration FRESHNESS_HALF_LIFE = Duration.ofHours(12);
    /**
     * Weight of velocity: a burst lifts a story, but breadth dominates, so that a single
     * publisher's live blog posting every minute cannot outrank an event covered everywhere.
     */
    static final double VELOCITY_WEIGHT = 0.5;

    private TopStories() {
    }

    /**
     * Why a story ranks where it does. {@code total = breadth * (1 + velocity) * freshness * diversity}.
     *
     * @param breadth   ln(1 + distinct publishers)
     * @param velocity  {@value #VELOCITY_WEIGHT} * ln(1 + articles in the last six hours)
     * @param freshness 0.5 ^ (hours since the latest article / 12)
     * @param diversity evenness of the coverage: effective number of publishers (exp of the
     *                  entropy of the articles over publishers) divided by the number of distinct
     *                  publishers, in (0, 1]; low when one publisher wrote most of the articles
     * @param total     the score
     */
    public record Score(double breadth, double velocity, double freshness, double diversity, double total) {
    }

    /** A story and its score. */
    public record Ranked(Story story, Score score) {
    }

    /** The best {@code limit} stories at {@code now}, best first (ties: newer, then by id). */
    public static List<Ranked> rank(Collection<Story> stories, Instant now, int limit) {
        return stories.stream()
                .map(s -> new Ranked(s, score(s, now)))
                .sorted(Comparator.comparingDouble((Ranked r) -> -r.score().total())
                        .thenComparing(r -> r.story().latest(), Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(r -> r.story().id()))
                .limit(Math.max(0, limit))
                .toList();
    }

    /** The score of one story at {@code now}. */
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
