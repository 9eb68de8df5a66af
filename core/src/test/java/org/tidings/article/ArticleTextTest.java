package org.tidings.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArticleTextTest {

    private static final String SUMMARY = "<p>The central bank raised its main rate by a quarter point on Tuesday.</p>";

    @Test
    void aFeedEntryWithContentHasItForBodyAndItsSummaryForLead() {
        ArticleText t = ArticleText.ofFeed("Rates rise", SUMMARY, "<p>First paragraph.</p><p>Second paragraph.</p>");
        assertThat(t.html()).isEqualTo("<p>First paragraph.</p><p>Second paragraph.</p>");
        assertThat(t.text()).isEqualTo("First paragraph.\n\nSecond paragraph.");
        assertThat(t.lead()).isEqualTo("The central bank raised its main rate by a quarter point on Tuesday.");
        assertThat(t.excerpt()).isFalse();
    }

    @Test
    void aFeedEntryWithOnlyASummaryIsAnExcerpt() {
        ArticleText t = ArticleText.ofFeed("Rates rise", SUMMARY, null);
        assertThat(t.html()).isEqualTo(SUMMARY);
        assertThat(t.text()).isEqualTo("The central bank raised its main rate by a quarter point on Tuesday.");
        assertThat(t.excerpt()).isTrue();
    }

    @Test
    void aHeadlineOnlyEntryHasNoText() {
        ArticleText t = ArticleText.ofFeed("Rates rise", null, "  ");
        assertThat(t.html()).isEmpty();
        assertThat(t.text()).isEmpty();
        assertThat(t.lead()).isEmpty();
        assertThat(t.excerpt()).isTrue();
    }

    @Test
    void aSummaryThatOnlyRepeatsTheHeadlineGivesWayToTheBody() {
        ArticleText t = ArticleText.ofFeed("Rates rise", "<p>Rates rise.</p>",
                "<p>Rates rise</p><p>The central bank raised its main rate on Tuesday, the third rise this year.</p>");
        assertThat(t.lead()).isEqualTo("The central bank raised its main rate on Tuesday, the third rise this year.");
    }

    @Test
    void aHeadlineRepeatedAtTheStartOfTheSummaryIsTakenOff() {
        ArticleText t = ArticleText.ofFeed("Rates rise", "<p>Rates rise: the central bank raised its main rate on Tuesday.</p>", "<p>Body.</p>");
        assertThat(t.lead()).isEqualTo("the central bank raised its main rate on Tuesday.");
    }

    @Test
    void aWordThatMerelyStartsLikeTheHeadlineIsKept() {
        ArticleText t = ArticleText.ofFeed("Rate", "<p>Rates rose again on Tuesday, the third rise this year at the bank.</p>", "<p>Body.</p>");
        assertThat(t.lead()).startsWith("Rates rose again");
    }

    @Test
    void aPageBodyReplacesTheFeedsButTheSummaryStillLeads() {
        ArticleText t = ArticleText.ofPage("Rates rise", SUMMARY, "<p>Page text.</p>", "Page text.");
        assertThat(t.html()).isEqualTo("<p>Page text.</p>");
        assertThat(t.text()).isEqualTo("Page text.");
        assertThat(t.lead()).startsWith("The central bank raised");
        assertThat(t.excerpt()).isFalse();
    }

    @Test
    void aLongLeadIsCutAfterAWholeWord() {
        String body = "word ".repeat(400);
        ArticleText t = ArticleText.ofFeed("Title", null, "<p>" + body + "</p>");
        assertThat(t.lead()).hasSizeLessThanOrEqualTo(ArticleText.LEAD_CHARS).endsWith("word…");
    }

    @Test
    void cutKeepsShortTextWholeAndJoinsParagraphs() {
        assertThat(ArticleText.cut("One.\n\nTwo.", 50)).isEqualTo("One. Two.");
        assertThat(ArticleText.cut("alpha beta gamma delta", 12)).isEqualTo("alpha beta…");
        assertThat(ArticleText.cut("abcdefghijklmnopqrstuvwxyz", 10)).isEqualTo("abcdefghi…");
    }
}
