package org.tidings.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MetadataTest {

    private static final String BODY = "<body><article><h1>Harbour reopens after repairs</h1>"
            + "<p>The harbour reopened on Monday after three weeks of repairs, the port authority said, and ferries left on time.</p>"
            + "<figure><img data-src=\"/img/harbour.jpg\" src=\"data:image/gif;base64,R0lGOD\"><figcaption>The quay on Monday.</figcaption></figure>"
            + "<p>Fishermen, who had moored their boats in the next town, welcomed the news, though <a href=\"/fees\">fees</a> went up.</p>"
            + "</article></body>";

    private static ExtractedArticle extract(String head) {
        String html = "<html lang=\"en-GB\"><head>" + head + "</head>" + BODY + "</html>";
        return ArticleExtractor.extract(html.getBytes(StandardCharsets.UTF_8), null, "https://www.dailyexample.com/news/harbour");
    }

    @Test
    void jsonLdIsReadFirst() {
        ExtractedArticle a = extract("<title>Harbour | Daily Example</title><meta property=\"og:title\" content=\"OG title\">"
                + "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":\"WebSite\","
                + "\"name\":\"Daily Example\"},{\"@type\":\"NewsArticle\",\"headline\":\"Harbour reopens after repairs\","
                + "\"author\":[{\"@type\":\"Person\",\"name\":\"Ana Ruiz\"},{\"@type\":\"Person\",\"name\":\"Tom Berg\"}],"
                + "\"datePublished\":\"2026-11-23T08:15:00+01:00\",\"dateModified\":\"2026-11-23T10:00:00+01:00\","
                + "\"publisher\":{\"@type\":\"Organization\",\"name\":\"Daily Example\"},\"articleSection\":\"Local\","
                + "\"keywords\":\"harbour, ferries\",\"image\":{\"@type\":\"ImageObject\",\"url\":\"https://cdn.example.com/h.jpg\"}}]}"
                + "</script>");
        assertThat(a.title()).isEqualTo("Harbour reopens after repairs");
        assertThat(a.byline()).isEqualTo("Ana Ruiz, Tom Berg");
        assertThat(a.published()).isEqualTo(Instant.parse("2026-11-23T07:15:00Z"));
        assertThat(a.modified()).isEqualTo(Instant.parse("2026-11-23T09:00:00Z"));
        assertThat(a.siteName()).isEqualTo("Daily Example");
        assertThat(a.section()).isEqualTo("Local");
        assertThat(a.keywords()).containsExactly("harbour", "ferries");
        assertThat(a.image()).isEqualTo("https://cdn.example.com/h.jpg");
        assertThat(a.lang()).isEqualTo("en-GB");
    }

    @Test
    void openGraphAndMetaTagsAreReadWithoutJsonLd() {
        ExtractedArticle a = extract("<title>ignored</title><meta property=\"og:title\" content=\"Harbour reopens after repairs - Daily Example\">"
                + "<meta property=\"og:site_name\" content=\"Daily Example\"><meta name=\"author\" content=\"Ana Ruiz\">"
                + "<meta property=\"article:published_time\" content=\"2026-11-23T08:15:00Z\">"
                + "<meta property=\"article:section\" content=\"Local\"><meta property=\"article:tag\" content=\"harbour\">"
                + "<meta property=\"article:tag\" content=\"ferries\"><meta property=\"og:image\" content=\"/img/lead.jpg\">"
                + "<link rel=\"canonical\" href=\"/news/harbour-reopens\"><meta name=\"description\" content=\"The harbour reopened.\">");
        assertThat(a.title()).isEqualTo("Harbour reopens after repairs");
        assertThat(a.byline()).isEqualTo("Ana Ruiz");
        assertThat(a.published()).isEqualTo(Instant.parse("2026-11-23T08:15:00Z"));
        assertThat(a.image()).isEqualTo("https://www.dailyexample.com/img/lead.jpg");
        assertThat(a.canonicalUrl()).isEqualTo("https://www.dailyexample.com/news/harbour-reopens");
        assertThat(a.keywords()).containsExactly("harbour", "ferries");
        assertThat(a.description()).isEqualTo("The harbour reopened.");
    }

    @Test
    void aSiteNameSuffixIsRemovedOnlyWhenItIsTheSiteName() {
        assertThat(extract("<title>Harbour reopens after repairs | Daily Example</title>"
                + "<meta property=\"og:site_name\" content=\"Daily Example\">").title()).isEqualTo("Harbour reopens after repairs");
        assertThat(extract("<title>Daily Example: Harbour reopens after repairs</title>").title())
                .isEqualTo("Harbour reopens after repairs");
        assertThat(extract("<title>Mocha | Chai, a comparison</title>").title()).isEqualTo("Mocha | Chai, a comparison");
    }

    @Test
    void theHtmlIsStructuredSanitizedAndHasAbsoluteUrls() {
        ExtractedArticle a = extract("<title>Harbour</title>");
        assertThat(a.html()).contains("<p>", "<figure>", "<figcaption>The quay on Monday.</figcaption>",
                "src=\"https://www.dailyexample.com/img/harbour.jpg\"", "href=\"https://www.dailyexample.com/fees\"");
        assertThat(a.html()).doesNotContain("data:image", "<article", "<div");
        assertThat(a.text()).contains("ferries left on time.\n\nFishermen").doesNotContain("The quay on Monday.");
    }

    @Test
    void scriptsHandlersAndStylesNeverSurvive() {
        String html = "<html><body><article><p onclick=\"steal()\" style=\"color:red\">The harbour reopened on Monday after "
                + "three weeks of repairs, the port authority said.<script>steal()</script> <a href=\"javascript:steal()\">More</a>"
                + "<iframe src=\"https://evil.example/\"></iframe></p><p>Fishermen, who had moored elsewhere, welcomed the news.</p>"
                + "</article></body></html>";
        ExtractedArticle a = ArticleExtractor.extract(html.getBytes(StandardCharsets.UTF_8), null, "https://x.example/");
        assertThat(a.html()).doesNotContain("onclick", "style=", "<script", "steal", "javascript:", "<iframe");
    }

    /** The date forms themselves are DateReaderTest's; here, that pages use the shared reader and their own floor. */
    @Test
    void pageDatesAreReadInEveryFormFeedsUseButPlaceholdersAreNot() {
        assertThat(extract("<meta name=\"date\" content=\"Tuesday, June 10, 2003 4:00 PM\">").published())
                .isEqualTo(Instant.parse("2003-06-10T16:00:00Z"));
        assertThat(extract("<meta property=\"article:published_time\" content=\"mar., 10 juin 2003 04:00:00 +0200\">").published())
                .isEqualTo(Instant.parse("2003-06-10T02:00:00Z"));
        assertThat(extract("<meta name=\"date\" content=\"0\"><meta name=\"dc.date\" content=\"1970-01-01T00:00:00Z\">"
                + "<time datetime=\"1764000000\">").published()).isEqualTo(Instant.ofEpochSecond(1764000000L));
    }

    @Test
    void aDatelineRunIntoTheBylineIsCutButADateAloneIsNoName() {
        assertThat(extract("<meta name=\"author\" content=\"By Joshua Sokol May 20, 2019\">").byline()).isEqualTo("By Joshua Sokol");
        assertThat(extract("<meta name=\"author\" content=\"James Akinaka \u2022 8h\">").byline()).isEqualTo("James Akinaka");
        assertThat(extract("<meta name=\"author\" content=\"Von Anna Berg, 20. Mai 2019\">").byline()).isEqualTo("Von Anna Berg");
        assertThat(extract("<meta name=\"author\" content=\"Ana Ruiz\">").byline()).isEqualTo("Ana Ruiz");
        assertThat(extract("<meta name=\"author\" content=\"Last Updated: January 7, 2025\">").byline())
                .isEqualTo("Last Updated: January 7, 2025");
    }
}
