package org.tidings.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** Hostile pages: none may make the extractor throw, hang or hold unbounded memory. The time
 * limits are generous hang guards on a shared machine, not performance goals. */
class ArticleExtractorRobustnessTest {

    private static final Duration HANG = Duration.ofSeconds(60);

    private static final String ARTICLE = "<html><head><title>Harbour reopens | The Daily</title></head><body>"
            + "<article><h1>Harbour reopens</h1>"
            + "<p>The harbour reopened on Monday after three weeks of repairs, the port authority said, and the first ferries left on time.</p>"
            + "<p>Fishermen, who had moored their boats in the next town, welcomed the news, though some said the fees had gone up.</p>"
            + "</article></body></html>";

    @Test
    void nullAndEmptyBodiesGiveAnEmptyExcerpt() {
        for (byte[] body : new byte[][] {null, new byte[0]}) {
            ExtractedArticle a = ArticleExtractor.extract(body, null, null);
            assertThat(a.text()).isEmpty();
            assertThat(a.excerpt()).isTrue();
        }
    }

    @Test
    void truncatedPagesStillYieldTheirText() {
        byte[] full = ARTICLE.getBytes(StandardCharsets.UTF_8);
        Set<String> words = new HashSet<>(Arrays.asList(Jsoup.parse(ARTICLE).text().split("\\W+")));
        int firstParagraphEnds = ARTICLE.indexOf("</p>");
        for (int cut = 0; cut < full.length; cut += 7) {
            byte[] part = Arrays.copyOf(full, cut);
            String text = ArticleExtractor.extract(part, "text/html; charset=utf-8", "https://example.org/a").text();
            assertThat(text).as("cut at %d: no markup", cut).doesNotContainPattern("<[a-zA-Z/!][^<>]*>");
            for (String word : text.split("\\W+")) {
                if (word.length() > 1) assertThat(words).as("cut at %d: a word of the page", cut).anySatisfy(w -> assertThat(w).startsWith(word));
            }
            if (cut > firstParagraphEnds) {
                assertThat(text).as("cut at %d", cut).contains("The harbour reopened on Monday after three weeks of repairs");
            }
        }
        byte[] cutMidParagraph = Arrays.copyOf(full, ARTICLE.indexOf("welcomed"));
        assertThat(ArticleExtractor.extract(cutMidParagraph, null, null).text()).contains("The harbour reopened on Monday");
    }

    @Test
    void truncationInsideAMultiByteCharacterIsNotMojibake() {
        byte[] full = ("<p>" + "Grüße aus Köln, schöne Straßen. ".repeat(20) + "</p>").getBytes(StandardCharsets.UTF_8);
        byte[] cut = Arrays.copyOf(full, full.length - 20);
        while ((cut[cut.length - 1] & 0xC0) != 0xC0) cut = Arrays.copyOf(cut, cut.length - 1); // ends on a lead byte
        assertThat(ArticleExtractor.extract(cut, null, null).text()).contains("Grüße aus Köln").doesNotContain("Ã");
    }

    @Test
    void hundredThousandLevelsOfNestingNeitherOverflowNorHang() {
        for (String tag : new String[] {"div", "table><tr><td"}) {
            String open = "<" + tag + ">";
            String html = "<html><body>" + open.repeat(100_000) + "<p>Deep text, with a comma, at the bottom of the pile of boxes.</p></body></html>";
            ExtractedArticle a = assertTimeoutPreemptively(HANG,
                    () -> ArticleExtractor.extract(html.getBytes(StandardCharsets.UTF_8), null, null));
            assertThat(a.text()).as(tag).isEqualTo("Deep text, with a comma, at the bottom of the pile of boxes.");
        }
    }

    @Test
    void deeplyNestedEmptyCommentBoxesAreReadTwiceAtMost() {
        String html = "<html><body>" + "<div class=\"comment\">".repeat(100_000) + "First!</body></html>";
        ExtractedArticle a = assertTimeoutPreemptively(HANG,
                () -> ArticleExtractor.extract(html.getBytes(StandardCharsets.UTF_8), null, null));
        assertThat(a.excerpt()).as("a comment is no article").isTrue();
    }

    @Test
    void aHundredThousandLabelsInOneParagraphDoNotHang() {
        String many = "word <span class=\"share\">Share</span> ".repeat(100_000);
        byte[] body = ARTICLE.replace("<p>Fishermen", "<p>" + many + "</p><p>Fishermen").getBytes(StandardCharsets.UTF_8);
        ExtractedArticle a = assertTimeoutPreemptively(HANG, () -> ArticleExtractor.extract(body, null, null));
        assertThat(a.text()).contains("The harbour reopened on Monday");
    }

    @Test
    void twentyThousandSiblingsOfEveryKindACleaningPassTouchesDoNotHang() {
        String[] kinds = {"<button>x</button>", "<div class=\"ad\">Advertisement</div>", "<div>Share</div>",
            "<img data-src=\"/a.jpg\" src=\"data:x\">", "<noscript><img src=\"/a.jpg\"></noscript>",
            "<figure><img src=\"/a.jpg\"><figcaption>c</figcaption></figure>", "<li><a href=\"/x\">item</a></li>",
            "<tr><td>a</td><td>b</td></tr>", "<time datetime=\"2020-01-01\">1 Jan 2020</time>",
            "<div style=\"display:none\">hidden</div>", "<h2>Related</h2>"};
        StringBuilder page = new StringBuilder();
        for (String kind : kinds) page.append("<div>").append(kind.repeat(20_000)).append("</div>");
        byte[] body = ARTICLE.replace("<p>Fishermen", page + "<p>Fishermen").getBytes(StandardCharsets.UTF_8);
        ExtractedArticle a = assertTimeoutPreemptively(HANG, () -> ArticleExtractor.extract(body, null, null));
        assertThat(a.text()).contains("The harbour reopened on Monday").doesNotContain("Advertisement", "hidden", "Share");
    }

    @Test
    void aStructuredBodyOfThirtyFiveThousandBreaksDoesNotHang() {
        String body = "A line of the article, long enough to count.<br>\n".repeat(35_000);
        String json = tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(body);
        byte[] page = ARTICLE.replace("</head>", "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"articleBody\":"
                + json + "}</script></head>").getBytes(StandardCharsets.UTF_8);
        ExtractedArticle a = assertTimeoutPreemptively(HANG, () -> ArticleExtractor.extract(page, null, null));
        assertThat(a.text()).startsWith("A line of the article, long enough to count.\n\nA line");
    }

    @Test
    void fiftyMegabytePagesAreCutNotSwallowed() {
        StringBuilder sb = new StringBuilder(ARTICLE.replace("</article></body></html>", ""));
        String filler = "<p>More words, more words, and yet more words in an endless page of filler text.</p>\n";
        while (sb.length() < 50 * 1024 * 1024) sb.append(filler);
        byte[] body = sb.toString().getBytes(StandardCharsets.UTF_8);
        ExtractedArticle a = assertTimeoutPreemptively(HANG, () -> ArticleExtractor.extract(body, null, null));
        assertThat(a.text()).contains("The harbour reopened on Monday");
        assertThat(a.text().length()).isLessThanOrEqualTo(ArticleExtractor.MAX_BYTES);
    }

    @Test
    void binaryInputGivesAnExcerptNotAnException() {
        Random random = new Random(42);
        for (int size : new int[] {1, 100, 100_000, 1_000_000}) {
            byte[] noise = new byte[size];
            random.nextBytes(noise);
            ExtractedArticle a = assertTimeoutPreemptively(HANG, () -> ArticleExtractor.extract(noise, "image/png", null));
            assertThat(a.excerpt()).as("%d random bytes", size).isTrue();
        }
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R'};
        assertThat(ArticleExtractor.extract(png, null, null).excerpt()).isTrue();
        byte[] pdfWithText = ("%PDF-1.4\n" + ARTICLE).getBytes(StandardCharsets.UTF_8);
        assertThat(ArticleExtractor.extract(pdfWithText, "application/pdf", null).text()).as("a PDF is not a page").isEmpty();
        assertThat(ArticleExtractor.extract(pdfWithText, "text/html; charset=utf-8", null).text()).contains("The harbour reopened");
    }

    @Test
    void brokenStructuredDataIsIgnored() {
        String html = ARTICLE.replace("</head>", "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
                + "\"headline\": [1, 2, {\"deep\": </script><script type=\"application/ld+json\">"
                + "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]</script></head>");
        ExtractedArticle a = ArticleExtractor.extract(html.getBytes(StandardCharsets.UTF_8), null, null);
        assertThat(a.text()).contains("The harbour reopened");
    }
}
