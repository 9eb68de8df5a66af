package org.tidings.server.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An article's text with its pictures as thumbnails from the relay, and no caption left without its picture. */
class ProxiedImagesTest {

    @Test
    void picturesInTheTextAreThumbnailsLoadedLazily() {
        String html = ProxiedImages.rewrite(7, "<figure><img src=\"https://pub.example/a.jpg\" width=\"800\" height=\"450\">"
                + "<figcaption>The harbour at dawn</figcaption></figure>");
        String path = ProxiedImages.path(7, "https://pub.example/a.jpg");
        assertThat(html).contains("src=\"" + path + "/640\"", "srcset=\"" + path + "/160 160w, " + path + "/320 320w, " + path
                + "/640 640w, " + path + "/1200 1200w\"", "loading=\"lazy\"", "alt=\"\"", "width=\"800\"",
                "<figcaption>The harbour at dawn</figcaption>").doesNotContain("pub.example");
    }

    @Test
    void aCaptionGoesWithItsPicture() {
        String html = ProxiedImages.rewrite(7, "<p>Before.</p><figure><img src=\"/relative.jpg\"><figcaption>The harbour at dawn"
                + "</figcaption></figure><figure><blockquote>A quote</blockquote><figcaption>Said the mayor</figcaption></figure>");
        assertThat(html).doesNotContain("The harbour at dawn", "<img").contains("<p>Before.</p>", "<blockquote>A quote</blockquote>",
                "<figcaption>Said the mayor</figcaption>");
        assertThat(ProxiedImages.rewrite(7, "<p>No pictures here.</p>")).isEqualTo("<p>No pictures here.</p>");
    }
}
