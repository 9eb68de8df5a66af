package org.tidings.server.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tidings.article.ArticleText;
import org.tidings.server.store.ArticleView;
import org.tidings.server.store.EnrichmentStore;
import org.tidings.server.testing.Settings;
import org.tidings.summary.ArticleDigest;
import org.tidings.summary.Sentence;
import org.tidings.summary.Summarizer;

class ArticleAssistantTest {

    private static final String HTML = """
            <p>The harbour bridge reopened to traffic on Tuesday after two years of repairs that cost the city
            forty million pounds.</p>
            <p>Engineers replaced the corroded steel cables and rebuilt the road deck, which had been closed to
            heavy lorries since an inspection found cracks in its supports.</p>
            <p>The mayor said the bridge joined two halves of the town again, before cutting a ribbon at the
            northern end in front of several hundred residents.</p>
            <ul><li>Traders on both sides said the closure had cost them customers over two winters.</li>
            <li>Several cafés near the southern end had shortened their opening hours during the works.</li></ul>
            <p>The council said the ferry service that ran during the works would continue until the end of the month.</p>
            <p>Cyclists will have a separate lane on the eastern side of the bridge from next spring, the council added.</p>
            """;

    private static final ArticleText BODY = ArticleText.ofFeed("Bridge reopens", null, HTML);
    private static final ArticleView ARTICLE = new ArticleView(1, 1, "Harbour Times", null, "https://harbour.test/1",
            "Bridge reopens", BODY.lead(), null, null, Instant.now(), null, null, false, null, "en", null, null);
    /** What enrichment stored for the article. */
    private static final EnrichmentStore.Digest STORED = stored(Summarizer.digest(BODY.text(), "en"));

    /** Without a language model, as configured by default. */
    private final ArticleAssistant assistant = new ArticleAssistant(new ModelAssistant(Settings.defaults(), null, null));

    private static EnrichmentStore.Digest stored(ArticleDigest digest) {
        return new EnrichmentStore.Digest(digest.summary(), digest.keyPoints());
    }

    private ArticleAssistant.Box box(EnrichmentStore.Digest stored, String question) {
        return assistant.forArticle(ARTICLE, BODY, stored, question, null, Locale.ENGLISH);
    }

    @Test
    void theBoxShowsTheStoredDigestWhoseSentencesAreTheText() {
        ArticleAssistant.Box box = box(STORED, null);
        assertThat(box.available()).isTrue();
        assertThat(box.summary()).isEqualTo(STORED.summary()).isNotEmpty();
        assertThat(box.keyPoints()).isEqualTo(STORED.keyPoints());
        for (Sentence s : box.summary()) assertThat(BODY.text()).contains(s.text());
        assertThat(box.answer()).isNull();
        assertThat(box.features()).as("no language model").isEmpty();
    }

    @Test
    void answersFromTheTextOrSaysItDoesNotSay() {
        ArticleAssistant.Box answered = box(STORED, "How much did the repairs cost?");
        assertThat(answered.answer().found()).isTrue();
        assertThat(answered.answer().support()).extracting(Sentence::text).anyMatch(t -> t.contains("forty million pounds"));

        ArticleAssistant.Box unknown = box(STORED, "What is the price of bananas in Reykjavik?");
        assertThat(unknown.answer().found()).isFalse();
    }

    @Test
    void withoutAStoredDigestThereIsNoBox() {
        assertThat(box(EnrichmentStore.Digest.NONE, "How much did the repairs cost?").available()).isFalse();
    }

    @Test
    void anOverlongQuestionIsCut() {
        ArticleAssistant.Box box = box(STORED, "cost ".repeat(200));
        assertThat(box.question()).hasSize(ArticleAssistant.MAX_QUESTION);
    }
}
