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
 * The live stories by the terms of their centroids, and which of them an article fits: cosine to the centroid,
 * raised when the article shares the story's anchor term, lowered when their names disagree, decayed by the time
 * since the story's latest article. Also tells when two stories that both fit have converged.
 */
final class StoryIndex {

    /** Within this gap from a story's latest article, time does not count against joining it. */
    static final Duration GRACE = Duration.ofHours(12);
    /**
     * E-folding time of the score beyond the grace gap: yesterday's story on a company is less likely today's, but
     * follow-ups days later still join if close.
     */
    static final Duration DECAY = Duration.ofHours(48);
    /**
     * Longer posting lists are only looked up for the candidates rarer terms found, not scanned: a frequent word
     * ("Ukraine") would touch thousands of stories per article, for little weight (low IDF).
     */
    static final int MAX_SCAN = 2_000;
    /**
     * Added when the article shares the story's anchor term ({@link #anchored}): "Titanfall Arcade Website Goes
     * Live" shares one word with the Titanfall launch story, but the word the story is about.
     */
    static final double ANCHOR_BONUS = 0.2;
    /** Share of the join threshold the similarity needs before an anchor counts: a shared name alone is not enough. */
    static final double ANCHOR_FLOOR = 0.5;
    /** An anchor is used by at least this share of the story's articles... */
    static final double ANCHOR_SHARE = 0.4;
    /** ...and this share of its uses in the window are in the story (not a general topic word). */
    static final double ANCHOR_CONCENTRATION = 0.6;
    /** Share of a story's articles that must name someone for {@link #namesDisagree} to apply. */
    static final double NAMED_STORY = 0.5;
    /** Similarity kept when the names disagree: the shared words are likely a common topic. */
    static final double NAME_MISMATCH = 0.5;
    /** Stories smaller than this have no anchors yet: one headline does not show what is central. */
    static final int ANCHOR_MIN_STORY = 3;

    private final double join;
    private final double merge;
    private final DocumentFrequencies frequencies;
    private final Map<String, List<StoryState.Posting>> index = new HashMap<>();
    private long epoch;

    StoryIndex(double join, double merge, DocumentFrequencies frequencies) {
        this.join = join;
        this.merge = merge;
        this.frequencies = frequencies;
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
     * Whether two stories that both fit an article have converged. A pair is compared again only once it grew by a
     * fifth: the walk over a centroid is costly, and a story's next articles usually meet the same runner-up.
     */
    boolean shouldMerge(StoryState best, StoryState second) {
        int size = best.members.size() + second.members.size();
        if (best.mergeCheckedWith == second && size < best.mergeCheckedAtSize * 1.2) {
            return false;
        }
        best.mergeCheckedWith = second;
        best.mergeCheckedAtSize = size;
        return best.cosine(second) >= merge;
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
            if (similarity >= join * ANCHOR_FLOOR && anchored(vector, s)) {
                similarity += ANCHOR_BONUS;
            } else if (similarity >= join && namesDisagree(vector, s)) {
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

    /**
     * Whether the article shares a term most of the story's articles use and few outside it do: what the event is
     * about ("Titanfall", "Sbarro"), not a topic word ("bankruptcy") that a second story uses as much.
     */
    private boolean anchored(TermVector vector, StoryState s) {
        int size = s.members.size();
        if (size < ANCHOR_MIN_STORY) {
            return false;
        }
        for (int i = 0; i < vector.size(); i++) {
            StoryState.Posting p = s.centroid.get(vector.terms()[i]);
            if (p != null && p.members >= ANCHOR_SHARE * size
                    && p.members >= ANCHOR_CONCENTRATION * frequencies.df(vector.terms()[i])) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the article names someone and the story, whose articles mostly name theirs, mentions none of its names
     * ("Mt. Gox files for bankruptcy" against "Sbarro files for bankruptcy"). Title Case marks only acronyms.
     */
    private static boolean namesDisagree(TermVector vector, StoryState s) {
        if (!vector.hasNames() || s.namedMembers < NAMED_STORY * s.members.size()) {
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
