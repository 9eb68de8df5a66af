package org.tidings.server.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tidings.server.store.ArticleView;
import org.tidings.summary.Sentence;

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

    private final ArticleAssistant assistant = new ArticleAssistant();

    private static ArticleView article(String content) {
        return new ArticleView(1, 1, "Harbour Times", null, "https://harbour.test/1", "Bridge reopens", null, content,
                null, null, Instant.now(), null, null, null, null, "en", null);
    }

    @Test
    void everySummarySentenceIsASentenceOfTheText() {
        ArticleAssistant.Box box = assistant.forArticle(article(HTML), null);
        assertThat(box.available()).isTrue();
        assertThat(box.summary()).isNotEmpty();
        String text = ArticleAssistant.paragraphs(HTML);
        for (Sentence s : box.summary()) assertThat(text).contains(s.text());
        for (Sentence s : box.keyPoints()) assertThat(text).contains(s.text());
        assertThat(box.answer()).isNull();
    }

    @Test
    void answersFromTheTextOrSaysItDoesNotSay() {
        ArticleAssistant.Box answered = assistant.forArticle(article(HTML), "How much did the repairs cost?");
        assertThat(answered.answer().found()).isTrue();
        assertThat(answered.answer().support()).extracting(Sentence::text).anyMatch(t -> t.contains("forty million pounds"));

        ArticleAssistant.Box unknown = assistant.forArticle(article(HTML), "What is the price of bananas in Reykjavik?");
        assertThat(unknown.answer().found()).isFalse();
    }

    @Test
    void aShortArticleHasNoBox() {
        assertThat(assistant.forArticle(article("<p>One line only.</p>"), null).available()).isFalse();
        assertThat(assistant.forArticle(article(null), null).available()).isFalse();
    }

    @Test
    void paragraphsKeepBlocksApartAndListsItemByItem() {
        String text = ArticleAssistant.paragraphs("<blockquote><p>Quoted.</p></blockquote><ul><li>One.</li><li>Two.</li></ul><p>End</p>");
        assertThat(text).isEqualTo("Quoted.\n\nOne.\n\nTwo.\n\nEnd");
    }

    @Test
    void anOverlongQuestionIsCut() {
        ArticleAssistant.Box box = assistant.forArticle(article(HTML), "cost ".repeat(200));
        assertThat(box.question()).hasSize(ArticleAssistant.MAX_QUESTION);
    }
}
