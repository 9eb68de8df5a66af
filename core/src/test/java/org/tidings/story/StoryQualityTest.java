package org.tidings.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Regression floor on the dev headlines (the measured figures are in BENCHMARKS.md, section Stories):
 * fails when a change makes clustering clearly worse, or no better than the plain TF-IDF peer.
 */
class StoryQualityTest {

    static List<LabelledHeadlines> devItems() {
        try (InputStream in = StoryQualityTest.class.getResourceAsStream("/story/stories-dev.jsonl")) {
            return LabelledHeadlines.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void beatsThePlainTfIdfPeerOnTheDevHeadlines() {
        List<LabelledHeadlines> items = devItems();
        ClusterScores ours = StoryQualityHarness.score(items, StoryClusterer.JOIN, StoryClusterer.MERGE);
        ClusterScores peer = StoryQualityHarness.baseline(items, 0.1);
        assertThat(ours.bcubedF1()).isGreaterThan(peer.bcubedF1() + 0.05);
        assertThat(ours.bcubedF1()).isGreaterThanOrEqualTo(0.80);
        assertThat(ours.bcubedPrecision()).isGreaterThanOrEqualTo(0.80);
    }

    @Test
    void doesNotDependOnTheTimingOfTheDevSet() {
        ClusterScores timeless = StoryQualityHarness.score(StoryQualityHarness.timeless(devItems(), 42), StoryClusterer.JOIN, StoryClusterer.MERGE);
        assertThat(timeless.bcubedF1()).isGreaterThanOrEqualTo(0.78);
    }

    @Test
    void scoresArePerfectForThePerfectClusteringAndLowForOneBigCluster() {
        List<String> gold = List.of("a", "a", "b", "b", "c");
        assertThat(ClusterScores.of(List.of("x", "x", "y", "y", "z"), gold).bcubedF1()).isEqualTo(1.0);
        ClusterScores one = ClusterScores.of(List.of("x", "x", "x", "x", "x"), gold);
        assertThat(one.bcubedRecall()).isEqualTo(1.0);
        assertThat(one.bcubedPrecision()).isLessThan(0.5);
        assertThat(ClusterScores.of(List.of("1", "2", "3", "4", "5"), gold).pairRecall()).isZero();
    }
}
