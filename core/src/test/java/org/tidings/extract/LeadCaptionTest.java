package org.tidings.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.tidings.article.ImageCaption;
import org.tidings.url.PictureUrls;

/** The lead picture's caption is that picture's own, or none. */
class LeadCaptionTest {

    private static final String URL = "https://www.dailyexample.com/news/harbour";
    private static final String TEXT = "<p>The harbour reopened on Monday after three weeks of repairs, the port authority said, and ferries left on time.</p>"
            + "<p>Fishermen, who had moored their boats in the next town, welcomed the news, though fees went up by a tenth.</p>";

    private static ExtractedArticle extract(String head, String figure) {
        String html = "<html lang=\"en\"><head><title>Harbour reopens after repairs</title>" + head + "</head><body><article>"
                + "<h1>Harbour reopens after repairs</h1>" + figure + TEXT + "</article></body></html>";
        return ArticleExtractor.extract(html.getBytes(StandardCharsets.UTF_8), null, URL);
    }

    private static final String OG_IMAGE = "<meta property=\"og:image\" content=\"https://cdn.dailyexample.com/2026/11/quay.jpg?w=1200&h=630&crop=1\">";

    @Test
    void theJsonLdImageObjectOfTheLeadPictureGivesItsCaptionAndCredit() {
        // a WordPress (Yoast) graph: the article points at its primary image, which is an object of its own
        ExtractedArticle a = extract(OG_IMAGE + "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":["
                + "{\"@type\":\"NewsArticle\",\"headline\":\"Harbour reopens after repairs\",\"image\":{\"@id\":\"" + URL + "#primaryimage\"}},"
                + "{\"@type\":\"ImageObject\",\"@id\":\"" + URL + "#primaryimage\",\"url\":\"https://cdn.dailyexample.com/2026/11/quay.jpg\","
                + "\"contentUrl\":\"https://cdn.dailyexample.com/2026/11/quay.jpg\",\"caption\":\"Ferries at the quay on Monday morning.\","
                + "\"creditText\":\"Ana Ruiz/Daily Example\"}]}</script>", "");
        assertThat(a.image()).isEqualTo("https://cdn.dailyexample.com/2026/11/quay.jpg?w=1200&h=630&crop=1");
        assertThat(a.imageCaption()).isEqualTo(new ImageCaption("Ferries at the quay on Monday morning.", "Ana Ruiz/Daily Example"));
    }

    @Test
    void theCaptionOfAnImageObjectThatIsAnotherPictureIsNotTaken() {
        ExtractedArticle a = extract(OG_IMAGE + "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Harbour\","
                + "\"image\":{\"@type\":\"ImageObject\",\"url\":\"https://cdn.dailyexample.com/2026/11/mayor.jpg\","
                + "\"caption\":\"The mayor at the town hall.\"}}</script>", "");
        assertThat(a.imageCaption()).isEqualTo(ImageCaption.NONE);
    }

    @Test
    void theFigureShowingTheLeadPictureGivesItsCaptionWithTheCreditApart() {
        // lazily loaded: a placeholder in src, the picture in data-src and srcset, resized copies of the same upload
        ExtractedArticle a = extract(OG_IMAGE, "<figure class=\"lead\"><picture><source type=\"image/webp\" "
                + "srcset=\"/2026/11/quay-800x450.webp 800w\"><img src=\"data:image/gif;base64,R0lGOD\" "
                + "data-src=\"//cdn.dailyexample.com/2026/11/quay-1024x576.jpg\" "
                + "srcset=\"https://cdn.dailyexample.com/2026/11/quay-640x360.jpg 640w, https://cdn.dailyexample.com/2026/11/quay.jpg 1600w\">"
                + "</picture><figcaption>Ferries at the quay on Monday morning. <span class=\"image-credit\">Ana Ruiz</span>"
                + "<button>Expand</button></figcaption></figure>");
        assertThat(a.imageCaption()).isEqualTo(new ImageCaption("Ferries at the quay on Monday morning.", "Ana Ruiz"));
    }

    @Test
    void aWordPressCaptionOfTheLeadPictureIsRead() {
        ExtractedArticle a = extract("<meta property=\"og:image\" content=\"/wp-content/uploads/2026/11/quay.jpg\">",
                "<div class=\"wp-caption alignnone\"><img src=\"/wp-content/uploads/2026/11/quay-300x200.jpg\" alt=\"\">"
                + "<p class=\"wp-caption-text\">Ferries at the quay. Photo: Ana Ruiz/Reuters</p></div>");
        assertThat(a.imageCaption()).isEqualTo(new ImageCaption("Ferries at the quay.", "Ana Ruiz/Reuters"));
    }

    @Test
    void theFigureOfAnotherPictureGivesNoCaption() {
        ExtractedArticle other = extract(OG_IMAGE, "<figure><img src=\"https://cdn.dailyexample.com/2026/11/mayor.jpg?w=1200&h=630&crop=1\">"
                + "<figcaption>The mayor at the town hall.</figcaption></figure>");
        assertThat(other.imageCaption()).isEqualTo(ImageCaption.NONE);
        // a gallery that holds the lead picture among others: its caption is the gallery's
        ExtractedArticle gallery = extract(OG_IMAGE, "<figure><img src=\"https://cdn.dailyexample.com/2026/11/quay.jpg\">"
                + "<img src=\"https://cdn.dailyexample.com/2026/11/mayor.jpg\"><figcaption>The harbour and its mayor.</figcaption></figure>");
        assertThat(gallery.imageCaption()).isEqualTo(ImageCaption.NONE);
        // a parameter that says which picture is not a size
        ExtractedArticle byId = extract("<meta property=\"og:image\" content=\"https://www.dailyexample.com/image.php?id=17&w=1200\">",
                "<figure><img src=\"/image.php?id=18&w=600\"><figcaption>The mayor at the town hall.</figcaption></figure>");
        assertThat(byId.imageCaption()).isEqualTo(ImageCaption.NONE);
    }

    @Test
    void aCaptionThatIsOnlyACreditIsTheCredit() {
        ExtractedArticle a = extract(OG_IMAGE, "<figure><img src=\"https://cdn.dailyexample.com/2026/11/quay.jpg\">"
                + "<figcaption>Photo: Getty Images</figcaption></figure>");
        assertThat(a.imageCaption()).isEqualTo(new ImageCaption(null, "Getty Images"));
    }

    @Test
    void aCaptionThatRepeatsTheHeadlineIsLeftOut() {
        ExtractedArticle a = extract(OG_IMAGE, "<figure><img src=\"https://cdn.dailyexample.com/2026/11/quay.jpg\">"
                + "<figcaption>Harbour reopens after repairs</figcaption></figure>");
        assertThat(a.imageCaption()).isEqualTo(ImageCaption.NONE);
    }

    @Test
    void withoutALeadPictureOfThePageThereIsNoCaption() {
        ExtractedArticle a = extract("", "<figure><img src=\"https://cdn.dailyexample.com/2026/11/quay.jpg\">"
                + "<figcaption>Ferries at the quay on Monday morning.</figcaption></figure>");
        assertThat(a.image()).isEqualTo("https://cdn.dailyexample.com/2026/11/quay.jpg");
        assertThat(a.imageCaption()).as("the picture is in the text, with its caption there").isEqualTo(ImageCaption.NONE);
    }

    @Test
    void picturesAreTheSameByHostPathAndIdentifyingParameters() {
        assertThat(PictureUrls.samePicture("https://a.test/p/x.jpg?width=1200&quality=80", "http://A.test/p/x.jpg")).isTrue();
        assertThat(PictureUrls.samePicture("https://a.test/p/x-1024x576.jpg", "https://a.test/p/x.jpg?w=300")).isTrue();
        assertThat(PictureUrls.samePicture("https://a.test/p/x.jpg", "https://b.test/p/x.jpg")).isFalse();
        assertThat(PictureUrls.samePicture("https://a.test/p/x.jpg", "https://a.test/q/x.jpg")).isFalse();
        assertThat(PictureUrls.samePicture("https://a.test/img?id=1&w=10", "https://a.test/img?id=2&w=10")).isFalse();
        assertThat(PictureUrls.samePicture("https://a.test/p/x-2.jpg", "https://a.test/p/x.jpg")).isFalse();
    }
}
