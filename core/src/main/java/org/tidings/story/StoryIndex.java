package org.tidings.story;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The live stories by the terms of their centroids, and which of them an article fits: cosine to the centroid, backed
 * by at least two shared words, lowered when their names disagree, decayed by the time since the story's latest
 * article. Also tells when two stories that both fit have converged.
 */
final class StoryIndex {

    /**
     * Within this gap from a story's latest article, time does not count against joining it: a story still covered
     * is still news.
     */
    static final Duration GRACE = Duration.ofHours(6);
    /**
     * E-folding time of the score beyond the grace gap: after a quiet night, the next day's article on the same company
     * is more often a new development (a new story) than more of the same; only a close follow-up still joins.
     */
    static final Duration DECAY = Duration.ofHours(12);
    /**
     * Longer posting lists are only looked up for the candidates rarer terms found, not scanned: a frequent word
     * ("Ukraine") would touch thousands of stories per article, for little weight (low IDF).
     */
    static final int MAX_SCAN = 2_000;
    /**
     * Distinct words the article must share with the story: one shared word, even a name ("Facebook"), is a topic,
     * not an event.
     */
    static final int MIN_SHARED_WORDS = 2;
    /** Similarity kept when the names disagree: the shared words are likely a common topic. */
    static final double NAME_MISMATCH = 0.5;

    private final double join;
    private final double merge;
    private final Map<String, List<StoryState.Posting>> index = new HashMap<>();
    private long epoch;

    StoryIndex(double join, double merge) {
        this.join = join;
        this.merge = merge;
    }

    void add(StoryState story, List<String> freshTerms) {
        for (String term : freshTerms) {
            index.computeIfAbsent(term, k -> new ArrayList<>()).add(story.centroid.get(term));
        }
    }

    /** Drops dead stories from all posting lists: keeps memory bounded by the window. */
    void sweep() {
        index.values().removeIf(postings -> {
            postings.removeIf(p -> !p.story.alive);
            return postings.isEmpty();
        });
    }

    /**
     * Whether two stories that both fit an article have converged: centroids close and coverage close in time (the
     * decay of joining: a story quiet since yesterday is not merged into today's). A pair is compared again only once
     * it grew by a fifth: the walk over a centroid is costly, and a story's next articles usually meet the same
     * runner-up.
     */
    boolean shouldMerge(StoryState best, StoryState second) {
        int size = best.members.size() + second.members.size();
        if (best.mergeCheckedWith == second && size < best.mergeCheckedAtSize * 1.2) {
            return false;
        }
        best.mergeCheckedWith = second;
        best.mergeCheckedAtSize = size;
        return best.cosine(second) * timeFactor(best.latest, second.latest) >= merge;
    }

    /** Live stories scoring at least the join threshold, best first (at most two: the merge check needs two). */
    List<StoryState> rank(TermVector vector, Instant published, String lang) {
        StoryState best = null;
        StoryState second = null;
        double bestScore = join;
        double secondScore = join;
        for (StoryState s : candidates(vector)) {
            if (lang != null && s.lang != null && !lang.equalsIgnoreCase(s.lang)) {
                continue;
            }
            double similarity = s.score / s.norm();
            if (similarity < join || sharedWords(vector, s) < MIN_SHARED_WORDS) {
                continue;
            }
            if (namesDisagree(vector, s)) {
                similarity *= NAME_MISMATCH;
            }
            double score = similarity * timeFactor(published, s.latest);
            if (score >= bestScore) {
                second = best;
                secondScore = bestScore;
                best = s;
                bestScore = score;
            } else if (score >= secondScore) {
                second = s;
                secondScore = score;
            }
        }
        return Stream.of(best, second).filter(Objects::nonNull).toList();
    }

    /** How many distinct words of the article the story's articles use. */
    private static int sharedWords(TermVector vector, StoryState s) {
        int shared = 0;
        for (String term : vector.terms()) {
            if (s.centroid.containsKey(term)) {
                shared++;
            }
        }
        return shared;
    }

    /**
     * Whether the article names someone the story never mentions ("Mt. Gox files for bankruptcy" against "Sbarro
     * files for bankruptcy"): the shared words are then likely a common topic. Title Case marks only acronyms.
     */
    private static boolean namesDisagree(TermVector vector, StoryState s) {
        if (!vector.hasNames()) {
            return false;
        }
        for (int i = 0; i < vector.size(); i++) {
            if (vector.names()[i] && s.centroid.containsKey(vector.terms()[i])) {
                return false;
            }
        }
        return true;
    }

    /** Stories sharing a term with the vector, each with its dot product in {@code score}. */
    private List<StoryState> candidates(TermVector vector) {
        epoch++;
        List<StoryState> found = new ArrayList<>();
        List<Integer> deferred = new ArrayList<>();
        for (int i = 0; i < vector.size(); i++) {
            List<StoryState.Posting> postings = index.get(vector.terms()[i]);
            if (postings != null && postings.size() > MAX_SCAN) {
                deferred.add(i);
            } else if (postings != null) {
                scan(postings, vector.weights()[i], found);
            }
        }
        if (found.isEmpty() && !deferred.isEmpty()) {
            int rarest = deferred.stream().min(Comparator.comparingInt(i -> index.get(vector.terms()[i]).size())).orElseThrow();
            scan(index.get(vector.terms()[rarest]), vector.weights()[rarest], found);
            deferred.remove(Integer.valueOf(rarest));
        }
        for (int i : deferred) {
            for (StoryState s : found) {
                StoryState.Posting p = s.centroid.get(vector.terms()[i]);
                if (p != null) {
                    s.score += vector.weights()[i] * p.weight;
                }
            }
        }
        return found;
    }

    private void scan(List<StoryState.Posting> postings, float weight, List<StoryState> found) {
        int dead = 0;
        for (StoryState.Posting p : postings) {
            StoryState s = p.story;
            if (!s.alive) {
                dead++;
                continue;
            }
            if (s.scoreEpoch != epoch) {
                s.scoreEpoch = epoch;
                s.score = 0;
                found.add(s);
            }
            s.score += weight * p.weight;
        }
        if (dead > postings.size() / 2) {
            postings.removeIf(p -> !p.story.alive);
        }
    }

    static double timeFactor(Instant published, Instant latest) {
        long gap = Math.abs(published.getEpochSecond() - latest.getEpochSecond()) - GRACE.toSeconds();
        return gap <= 0 ? 1 : Math.exp(-(double) gap / DECAY.toSeconds());
    }
}
