package org.tidings.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class StoryIndexTest {

    private static final Instant T0 = Instant.parse("2014-03-11T12:00:00Z");

    private final DocumentFrequencies frequencies = new DocumentFrequencies();
    private final StoryIndex index = new StoryIndex(StoryClusterer.JOIN, StoryClusterer.MERGE);

    private TermVector vector(String headline) {
        Set<String> names = new HashSet<>();
        Map<String, Float> tf = TermVector.frequencies(headline, null, names);
        frequencies.add(tf.keySet());
        return TermVector.weigh(tf, names, frequencies::idf);
    }

    private StoryState story(String id, String lang, String... headlines) {
        StoryState story = new StoryState(id);
        story.lang = lang;
        for (String headline : headlines) {
            TermVector v = vector(headline);
            story.addMember(new StoryState.Member(id + story.members.size(), headline, null, T0, null, v));
            index.add(story, story.addToCentroid(v));
        }
        return story;
    }

    @Test
    void theStoryWhoseWordsTheArticleSharesRanksFirst() {
        StoryState sbarro = story("sbarro", null, "Sbarro files for bankruptcy", "Pizza chain Sbarro in bankruptcy");
        StoryState gox = story("gox", null, "Mt. Gox bitcoin exchange shuts down", "Bitcoin exchange Mt. Gox offline");
        List<StoryState> ranked = index.rank(vector("Sbarro bankruptcy filing approved"), T0, null);
        assertThat(ranked).first().isSameAs(sbarro);
        assertThat(ranked).doesNotContain(gox);
    }

    @Test
    void anArticleSharingNoWordFitsNoStory() {
        story("sbarro", null, "Sbarro files for bankruptcy");
        assertThat(index.rank(vector("Titanfall reviews are in"), T0, null)).isEmpty();
    }

    @Test
    void storiesInAnotherLanguageAreNotCandidates() {
        story("sbarro", "de", "Sbarro files for bankruptcy");
        assertThat(index.rank(vector("Sbarro bankruptcy filing"), T0, "en")).isEmpty();
        assertThat(index.rank(vector("Sbarro bankruptcy filing"), T0, "de")).hasSize(1);
    }

    @Test
    void oldFollowUpsNeedMoreThanRecentOnes() {
        assertThat(StoryIndex.timeFactor(T0.plus(Duration.ofHours(6)), T0)).isEqualTo(1.0);
        assertThat(StoryIndex.timeFactor(T0.plus(Duration.ofHours(60)), T0)).isLessThan(0.5);
        assertThat(StoryIndex.timeFactor(T0, T0.plus(Duration.ofHours(60)))).isLessThan(0.5);
    }

    @Test
    void anAbsorbedStoryAddsItsCentroidToTheKeptOne() {
        StoryState sbarro = story("sbarro", null, "Sbarro files for bankruptcy");
        StoryState pizza = story("pizza", null, "Pizza chain closes restaurants");
        index.add(sbarro, sbarro.addToCentroid(pizza));
        assertThat(sbarro.centroid).containsKeys("sbarro", "pizza", "restaurant");
        pizza.alive = false;
        index.sweep();
        assertThat(index.rank(vector("Pizza chain restaurants"), T0, null)).containsExactly(sbarro);
    }
}
