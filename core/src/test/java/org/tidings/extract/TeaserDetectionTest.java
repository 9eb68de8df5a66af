package org.tidings.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** When the page holds only a teaser, the article says so (excerpt) instead of posing as full. */
class TeaserDetectionTest {

    private static final String LEAD = "The city will close the old bridge for a year, the council decided on Tuesday, "
            + "after engineers found cracks, some of them deep, in two of its pillars.";
    private static final String MORE = "<p>Engineers said the repairs, which will cost about four million euros, could "
            + "not wait, and that the bridge would otherwise have to be closed for good within five years.</p>";

    private static ExtractedArticle extract(String head, String body) {
        String html = "<html><head><title>Old bridge to close</title>" + head + "</head><body>" + body + "</body></html>";
        return ArticleExtractor.extract(html.getBytes(StandardCharsets.UTF_8), null, "https://news.example.org/bridge");
    }

    @Test
    void aPaywalledTeaserIsAnExcerpt() {
        ExtractedArticle a = extract("", "<article><p>" + LEAD + "</p><div class=\"paywall\"><p>Subscribe to continue "
                + "reading. Already a subscriber? Log in.</p></div></article>");
        assertThat(a.excerpt()).isTrue();
        assertThat(a.text()).contains(LEAD).doesNotContain("Subscribe to continue");
    }

    @Test
    void structuredDataSayingNotFreeWithAShortTextIsAnExcerpt() {
        ExtractedArticle a = extract("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":"
                + "\"Old bridge to close\",\"isAccessibleForFree\":false}</script>", "<article><p>" + LEAD + "</p></article>");
        assertThat(a.excerpt()).isTrue();
    }

    @Test
    void aLongFreeArticleWithASubscriptionBoxIsNotAnExcerpt() {
        ExtractedArticle a = extract("", "<article><p>" + LEAD + "</p>" + MORE.repeat(12)
                + "<div class=\"subscribe-box\"><p>Subscribe to continue reading our journalism.</p></div></article>");
        assertThat(a.excerpt()).isFalse();
    }

    @Test
    void aShortFreeNoteIsNotAnExcerpt() {
        ExtractedArticle a = extract("", "<article><p>" + LEAD + "</p>" + MORE + "</article>");
        assertThat(a.excerpt()).isFalse();
    }

    @Test
    void aPageWithoutTextFallsBackToItsDescriptionAsAnExcerpt() {
        ExtractedArticle a = extract("<meta property=\"og:description\" content=\"" + LEAD + "\">",
                "<div id=\"app\"></div><nav><a href=\"/\">Home</a></nav>");
        assertThat(a.excerpt()).isTrue();
        assertThat(a.text()).isEqualTo(LEAD);
    }

    @Test
    void theFullStructuredBodyIsUsedWhenThePageShowsOnlyATeaser() {
        String body = LEAD + "\n\n" + "Engineers said the repairs could not wait any longer, and that the work would start in March. ".repeat(10);
        ExtractedArticle a = extract("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"articleBody\":"
                + tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(body) + "}</script>",
                "<article><p>" + LEAD + "</p></article>");
        assertThat(a.excerpt()).isFalse();
        assertThat(a.text()).contains("the work would start in March");
    }

    @Test
    void aStructuredBodyWrittenAsHtmlIsReadAsTextWithoutItsScriptsOrRelatedLinks() {
        String body = "O conselho decidiu fechar a ponte, disse a c&acirc;mara.\n"
                + "  if (document.cookie.indexOf('X') == -1) {\n    googletag.cmd.push(function() { googletag.display('ad'); });\n  }\n"
                + "Os engenheiros disseram que as obras n&atilde;o podiam esperar mais e que come&ccedil;ariam em mar&ccedil;o. ".repeat(10)
                + "\nRelacionadas\nOutra ponte fecha em Salvador\nObras na avenida atrasam";
        ExtractedArticle a = extract("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"articleBody\":"
                + tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(body) + "}</script>",
                "<article><p>" + LEAD + "</p></article>");
        assertThat(a.text()).startsWith("O conselho decidiu fechar a ponte, disse a câmara.")
                .contains("as obras não podiam esperar mais e que começariam em março.")
                .doesNotContain("googletag", "document.cookie", "&atilde;", "Relacionadas", "Outra ponte");
    }
}
