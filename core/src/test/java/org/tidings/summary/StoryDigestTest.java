package org.tidings.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** On a small invented story (see resources/summary/story): four articles, three publishers. */
class StoryDigestTest {

    private static final List<SourceArticle> STORY = List.of(
            article("a3", "Harbour Daily", "2026-03-04T09:00:00Z", "a3-harbour-daily"),
            article("a1", "Harbour Daily", "2026-03-03T08:00:00Z", "a1-harbour-daily"),
            article("a4", "Valley Post", "2026-03-04T11:00:00Z", "a4-valley-post"),
            article("a2", "Coast News", "2026-03-03T09:30:00Z", "a2-coast-news"));

    @Test
    void factsReportedByEnoughPublishersAreAgreedOnAndCiteEveryReport() {
        StoryDigest digest = Summarizer.digestStory(STORY);

        assertThat(digest.available()).isTrue();
        assertThat(digest.agreed()).isNotEmpty();
        assertThat(digest.agreed()).allMatch(p -> p.publishers().size() >= 2);
        assertThat(digest.agreed()).anySatisfy(p -> {
            assertThat(p.text()).contains("cables");
            assertThat(p.citations()).extracting(StoryDigest.Citation::articleId).contains("a3", "a4");
        });
    }

    @Test
    void similarButDifferentFactsAreNotChainedTogether() {
        StoryDigest digest = Summarizer.digestStory(STORY);
        assertThat(digest.agreed()).noneSatisfy(p -> assertThat(p.citations())
                .extracting(c -> c.sentence().text())
                .anyMatch(t -> t.contains("will inspect"))
                .anyMatch(t -> t.contains("found damage")));
    }

    @Test
    void aFactOnlyOnePublisherReportsIsListedWithThatPublisher() {
        StoryDigest digest = Summarizer.digestStory(STORY);

        assertThat(digest.reportedBySome()).anySatisfy(p -> {
            assertThat(p.text()).contains("fishing boats");
            assertThat(p.publishers()).containsExactly("Coast News");
            assertThat(p.citations()).extracting(StoryDigest.Citation::articleId).containsExactly("a2");
        });
        assertThat(digest.reportedBySome()).allMatch(p -> p.publishers().size() < 2);
    }

    @Test
    void theTimelineFollowsPublicationTimeAndEachEntryCitesANewSentence() {
        StoryDigest digest = Summarizer.digestStory(STORY);

        assertThat(digest.timeline()).extracting(e -> e.citation().articleId()).startsWith("a1").contains("a3");
        assertThat(digest.timeline()).extracting(StoryDigest.TimelineEntry::published).isSorted();
        assertThat(digest.timeline()).extracting(e -> e.citation().sentence().text()).doesNotHaveDuplicates();
        StoryDigest.TimelineEntry second = digest.timeline().get(1);
        assertThat(second.citation().articleId()).isEqualTo("a2");
        assertThat(second.citation().sentence().text()).as("what a2 added, not the closure a1 reported")
                .doesNotContain("closure").contains("fishing boats");
    }

    @Test
    void everyCitationPointsAtTheSentenceInItsArticle() {
        StoryDigest digest = Summarizer.digestStory(STORY);
        List<StoryDigest.Citation> citations = new java.util.ArrayList<>();
        digest.agreed().forEach(p -> citations.addAll(p.citations()));
        digest.reportedBySome().forEach(p -> citations.addAll(p.citations()));
        digest.timeline().forEach(e -> citations.add(e.citation()));
        for (StoryDigest.Citation c : citations) {
            String text = STORY.stream().filter(a -> a.id().equals(c.articleId())).findFirst().orElseThrow().text();
            assertThat(text.substring(c.sentence().start(), c.sentence().end())).isEqualTo(c.sentence().text());
        }
    }

    @Test
    void aStoryNeedsThreeArticlesFromTwoPublishers() {
        assertThat(Summarizer.digestStory(STORY.subList(0, 2)).available()).isFalse();
        List<SourceArticle> onePublisher = STORY.stream()
                .map(a -> new SourceArticle(a.id(), "Harbour Daily", a.published(), a.text(), a.lang())).toList();
        StoryDigest digest = Summarizer.digestStory(onePublisher);
        assertThat(digest.available()).isFalse();
        assertThat(digest.agreed()).isEmpty();
        assertThat(digest.timeline()).isEmpty();
    }

    @Test
    void missingTimesAndTextsDoNotBreakTheDigest() {
        List<SourceArticle> story = new java.util.ArrayList<>(STORY.stream()
                .map(a -> new SourceArticle(a.id(), a.publisher(), null, a.text(), null)).toList());
        story.add(new SourceArticle("empty", "Somebody", null, "", "en"));
        story.add(null);
        assertThat(Summarizer.digestStory(story).available()).isTrue();
    }

    private static SourceArticle article(String id, String publisher, String time, String file) {
        return new SourceArticle(id, publisher, Instant.parse(time),
                GroundingSet.resource("/summary/story/" + file + ".txt"), "en");
    }
}
