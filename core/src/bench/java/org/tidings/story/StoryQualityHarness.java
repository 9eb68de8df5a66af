package org.tidings.story;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Story clustering quality on labelled headlines (stories-dev.jsonl): B-cubed and pairwise scores
 * of {@link StoryClusterer} and of the plain TF-IDF single-pass peer, in the same run.
 *
 * <p>Reports (1) the whole file in order of publication, (2) each day alone (the thresholds were
 * chosen on 2014-03-11, so the other days are held out), and (3) a text-only check: all items
 * given one timestamp and shuffled, so that the scores cannot come from the dataset's timing
 * (its stories arrive in separate bursts), and (4) each half of the stories alone (split by a hash
 * of the label), to check a rule studied on one half against stories it was not studied on.
 * Optional 2nd argument: a comma-separated list of JOIN
 * thresholds to sweep.
 *
 * <p>Run: {@code bench/run core org.tidings.story.StoryQualityHarness ../shared/data/stories-dev.jsonl}
 */
public final class StoryQualityHarness {

    public static void main(String[] args) {
        List<LabelledHeadlines> items = LabelledHeadlines.read(Path.of(args.length > 0 ? args[0] : "../shared/data/stories-dev.jsonl"));
        if (args.length > 1) {
            sweep(items, args[1]);
            return;
        }
        report("all, in order", items);
        for (String day : List.of("2014-03-10", "2014-03-11", "2014-03-12")) {
            report("day " + day, items.stream().filter(h -> h.published().toString().startsWith(day)).toList());
        }
        report("all, one timestamp, shuffled (text only)", timeless(items, 42));
        report("stories of half A (by label), in order", half(items, 0));
        report("stories of half B (by label), in order", half(items, 1));
    }

    static ClusterScores score(List<LabelledHeadlines> items, double join, double merge) {
        StoryClusterer clusterer = new StoryClusterer(StoryClusterer.DEFAULT_WINDOW, join, merge);
        List<String> assigned = new ArrayList<>();
        for (LabelledHeadlines h : items) {
            clusterer.add(h.article());
        }
        for (LabelledHeadlines h : items) {
            assigned.add(clusterer.storyOf(h.id()).orElseThrow());
        }
        return ClusterScores.of(assigned, items.stream().map(LabelledHeadlines::story).toList());
    }

    static ClusterScores baseline(List<LabelledHeadlines> items, double threshold) {
        List<String> titles = items.stream().map(LabelledHeadlines::title).toList();
        return ClusterScores.of(TfIdfBaseline.cluster(titles, threshold), items.stream().map(LabelledHeadlines::story).toList());
    }

    /**
     * The headlines of half of the stories (split by a hash of the label): a rule tuned while
     * looking at one half can be checked on the other, whose stories it has not seen.
     */
    static List<LabelledHeadlines> half(List<LabelledHeadlines> items, int half) {
        return items.stream().filter(h -> Math.floorMod(h.story().hashCode(), 2) == half).toList();
    }

    static List<LabelledHeadlines> timeless(List<LabelledHeadlines> items, long seed) {
        Instant t = Instant.parse("2014-03-11T12:00:00Z");
        List<LabelledHeadlines> out = new ArrayList<>(items.stream()
                .map(h -> new LabelledHeadlines(h.id(), h.title(), h.publisher(), t, h.story())).toList());
        Collections.shuffle(out, new Random(seed));
        return out;
    }

    private static void report(String name, List<LabelledHeadlines> items) {
        ClusterScores ours = score(items, StoryClusterer.JOIN, StoryClusterer.MERGE);
        double bestThreshold = 0;
        ClusterScores bestPeer = null;
        for (double th : new double[] {0.02, 0.05, 0.08, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5}) {
            ClusterScores peer = baseline(items, th);
            if (bestPeer == null || peer.bcubedF1() > bestPeer.bcubedF1()) {
                bestPeer = peer;
                bestThreshold = th;
            }
        }
        ClusterScores peerAtTenth = baseline(items, 0.1);
        System.out.printf("%s (%d items)%n  tidings           %s%n  tf-idf best (%.2f) %s%n  tf-idf at 0.10    %s%n",
                name, items.size(), ours.summary(), bestThreshold, bestPeer.summary(), peerAtTenth.summary());
    }

    private static void sweep(List<LabelledHeadlines> items, String thresholds) {
        for (String day : List.of("2014-03-10", "2014-03-11", "2014-03-12")) {
            List<LabelledHeadlines> part = items.stream().filter(h -> h.published().toString().startsWith(day)).toList();
            for (String th : thresholds.split(",")) {
                for (double merge : new double[] {0.1, 0.15, 0.2, 0.25, 2}) {
                    System.out.printf("%s join %s merge %.2f  %s%n", day, th, merge, score(part, Double.parseDouble(th), merge).summary());
                }
            }
        }
        for (String th : thresholds.split(",")) {
            System.out.printf("all in order join %s  %s%n", th, score(items, Double.parseDouble(th), StoryClusterer.MERGE).summary());
            System.out.printf("timeless join %s  %s%n", th, score(timeless(items, 42), Double.parseDouble(th), StoryClusterer.MERGE).summary());
        }
    }

}
