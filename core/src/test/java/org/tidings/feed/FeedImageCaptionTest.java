package org.tidings.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tidings.article.ImageCaption;

/** A feed's Media RSS description and credit go with the entry's picture only when they can describe no other. */
class FeedImageCaptionTest {

    private static List<FeedEntry> entries(String items) {
        return FeedFormatsTest.parse("""
                <?xml version="1.0"?>
                <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Harbour News</title>
                <link>http://example.com/</link>""" + items + "</channel></rss>").entries();
    }

    @Test
    void theDescriptionAndCreditOfTheOnePictureAreItsCaption() {
        List<FeedEntry> e = entries("""
                <item><title>Harbour reopens</title><link>http://example.com/harbour</link>
                  <media:content url="http://example.com/quay.jpg?width=460" medium="image" width="460">
                    <media:description type="plain">Ferries at the quay on Monday morning.</media:description>
                    <media:credit scheme="urn:ebu">Photograph: Ana Ruiz/Reuters</media:credit>
                  </media:content>
                  <media:content url="http://example.com/quay.jpg?width=140" medium="image" width="140"/>
                </item>
                <item><title>Grouped</title><link>http://example.com/grouped</link>
                  <media:group><media:content url="http://example.com/mayor.jpg" type="image/jpeg"/>
                    <media:description>The mayor at the town hall.</media:description></media:group>
                </item>""");
        assertThat(e.get(0).imageUrl()).isEqualTo("http://example.com/quay.jpg?width=460");
        assertThat(e.get(0).imageCaption()).isEqualTo(new ImageCaption("Ferries at the quay on Monday morning.", "Ana Ruiz/Reuters"));
        assertThat(e.get(1).imageCaption()).isEqualTo(new ImageCaption("The mayor at the town hall.", null));
    }

    @Test
    void withAVideoOrASecondPictureTheDescriptionMayBeAnothersAndIsLeftOut() {
        List<FeedEntry> e = entries("""
                <item><title>Video</title><link>http://example.com/video</link>
                  <media:group><media:content url="http://example.com/v.mp4" medium="video"/>
                    <media:thumbnail url="http://example.com/v.jpg"/>
                    <media:description>Highlights of the cup final.</media:description></media:group>
                </item>
                <item><title>Two pictures</title><link>http://example.com/two</link>
                  <media:content url="http://example.com/quay.jpg" medium="image"/>
                  <media:content url="http://example.com/mayor.jpg" medium="image">
                    <media:description>The mayor at the town hall.</media:description></media:content>
                </item>
                <item><title>No media</title><link>http://example.com/plain</link>
                  <enclosure url="http://example.com/e.jpg" type="image/jpeg" length="1"/>
                </item>""");
        assertThat(e.get(0).imageUrl()).isEqualTo("http://example.com/v.jpg");
        assertThat(e).extracting(FeedEntry::imageCaption).containsOnly(ImageCaption.NONE);
    }
}
