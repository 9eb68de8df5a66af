package org.tidings.story;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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

    /**
     * The index of the headline that says what most of the others say (the one closest to their centroid, weighted
     * as the clusterer weighs words), not simply the first; the earliest of equals; -1 when there is none. For
     * callers that hold a story's headlines but not its clusterer state.
     */
    public static int representative(List<String> headlines) {
        DocumentFrequencies frequencies = new DocumentFrequencies();
        List<Map<String, Float>> counts = new ArrayList<>();
        List<Set<String>> names = new ArrayList<>();
        for (String headline : headlines) {
            Set<String> named = new HashSet<>();
            Map<String, Float> tf = TermVector.frequencies(headline, null, named);
            frequencies.add(tf.keySet());
            counts.add(tf);
            names.add(named);
        }
        StoryState centroid = new StoryState("headlines");
        List<TermVector> vectors = new ArrayList<>();
        for (int i = 0; i < headlines.size(); i++) {
            TermVector v = TermVector.weigh(counts.get(i), names.get(i), frequencies::idf);
            vectors.add(v);
            centroid.addToCentroid(v);
        }
        int best = -1;
        double bestCosine = -1;
        for (int i = 0; i < vectors.size(); i++) {
            double c = vectors.get(i).size() == 0 ? 0 : centroid.cosine(vectors.get(i));
            if (headlines.get(i) != null && !headlines.get(i).isBlank() && c > bestCosine + 1e-9) {
                best = i;
                bestCosine = c;
            }
        }
        return best;
    }

    /** One article of a story: its publisher may be null, and what it copies is null for an original. */
    public record Entry(String articleId, String title, String publisher, Instant published, String duplicateOf) {
    }
}
