package org.tidings.server.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.tidings.html.HtmlText;
import org.tidings.server.store.ArticleView;

/** A small invented story: three reports of a bridge reopening from two publishers. */
class StoryAssistantTest {

    private static final Map<Long, String> TEXTS = new ConcurrentHashMap<>();

    private static final ArticleView FIRST = article(11, "Harbour Times", "2026-03-03T08:00:00Z", """
            <p>The harbour bridge reopened to traffic on Tuesday after two years of repairs.</p>
            <p>The repairs cost the city forty million pounds, the council said.</p>
            <p>Engineers replaced the corroded steel cables and rebuilt the road deck.</p>
            """);
    private static final ArticleView SECOND = article(12, "Valley Post", "2026-03-03T10:00:00Z", """
            <p>The harbour bridge reopened to traffic on Tuesday after two years of repairs.</p>
            <p>Fishing boats had been forced to use the northern channel while the works went on.</p>
            <p>The mayor cut a ribbon at the northern end in front of several hundred residents.</p>
            """);
    private static final ArticleView THIRD = article(13, "Harbour Times", "2026-03-04T09:00:00Z", """
            <p>Cyclists will get a separate lane on the eastern side of the bridge from next spring.</p>
            <p>The repairs cost the city forty million pounds, the council said on Tuesday.</p>
            """);

    @Test
    void theDigestCitesSentencesOfTheStorysArticlesAndLinksToThem() {
        StoryAssistant.Digest digest = StoryAssistant.digest(List.of(FIRST, SECOND, THIRD), TEXTS);

        assertThat(digest.available()).isTrue();
        assertThat(digest.agreed()).anySatisfy(f -> {
            assertThat(f.text()).contains("bridge reopened");
            assertThat(f.publishers()).containsExactlyInAnyOrder("Harbour Times", "Valley Post");
        });
        assertThat(digest.reportedBySome()).anySatisfy(f -> {
            assertThat(f.text()).contains("Fishing boats");
            assertThat(f.publishers()).containsExactly("Valley Post");
        });
        assertThat(digest.timeline()).extracting(m -> m.cite().articleId()).startsWith(11L);
        assertThat(digest.agreed()).allSatisfy(f -> assertThat(f.onePerPublisher()).extracting(StoryAssistant.Cite::publisher)
                .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(f.publishers()));

        List<StoryAssistant.Cite> cites = new ArrayList<>();
        digest.agreed().forEach(f -> cites.addAll(f.cites()));
        digest.reportedBySome().forEach(f -> cites.addAll(f.cites()));
        digest.timeline().forEach(m -> cites.add(m.cite()));
        for (StoryAssistant.Cite c : cites) {
            ArticleView cited = List.of(FIRST, SECOND, THIRD).stream().filter(a -> a.id() == c.articleId()).findFirst().orElseThrow();
            assertThat(TEXTS.get(cited.id())).contains(c.sentence());
            assertThat(c.href()).startsWith("/article/" + c.articleId() + "#cite=").doesNotContain(" ", "+");
            assertThat(URLDecoder.decode(c.href().substring(c.href().indexOf('=') + 1), StandardCharsets.UTF_8))
                    .isEqualTo(c.sentence());
        }
    }

    @Test
    void twoArticlesOrOnePublisherGetNoDigest() {
        assertThat(StoryAssistant.digest(List.of(FIRST, SECOND), TEXTS).available()).isFalse();
        assertThat(StoryAssistant.digest(List.of(FIRST, THIRD, article(14, "Harbour Times", "2026-03-05T09:00:00Z",
                "<p>The bridge was busy on its first weekend.</p>")), TEXTS).available()).isFalse();
    }

    @Test
    void articlesWithoutTextAreLeftOut() {
        StoryAssistant.Digest digest = StoryAssistant.digest(List.of(FIRST, SECOND, THIRD, article(15, "Coast News", null, null)), TEXTS);
        assertThat(digest.available()).isTrue();
        assertThat(digest.timeline()).extracting(m -> m.cite().articleId()).doesNotContain(15L);
    }

    private static ArticleView article(long id, String publisher, String published, String html) {
        TEXTS.put(id, HtmlText.paragraphs(html));
        return new ArticleView(id, id, publisher, null, "https://news.test/" + id, "Bridge " + id, "", null, null,
                published == null ? null : Instant.parse(published), null, null, false, null, "en", 1L, null);
    }
}
