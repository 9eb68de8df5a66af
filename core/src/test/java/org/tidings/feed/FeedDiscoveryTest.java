package org.tidings.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedDiscoveryTest {

    private static List<String> discover(String html, String url) {
        return FeedDiscovery.discover(html.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8", url);
    }

    @Test
    void alternateLinksInPageOrderThenCommentFeedsThenCommonPaths() {
        List<String> found = discover("""
                <html><head>
                <link rel="alternate" type="application/rss+xml" title="Comments Feed" href="/comments/feed/">
                <link rel="stylesheet" href="/style.css">
                <link rel="alternate" type="application/rss+xml" title="Blog" href="/feed/">
                <link rel="alternate" type="application/atom+xml" href="https://example.com/atom.xml">
                <link rel="alternate" type="application/feed+json" href="feed.json">
                <link rel="alternate" type="text/html" hreflang="fr" href="/fr/">
                <link rel="alternate" type="application/json" href="/wp-json/wp/v2/posts/1">
                <link rel="alternate" type="application/rss+xml" href="/feed/">
                </head><body></body></html>""", "https://example.com/blog/post");
        assertThat(found).startsWith(
                "https://example.com/feed/", "https://example.com/atom.xml", "https://example.com/blog/feed.json",
                "https://example.com/comments/feed/");
        assertThat(found).doesNotContain("https://example.com/fr/", "https://example.com/style.css",
                "https://example.com/wp-json/wp/v2/posts/1");
        assertThat(found).endsWith("https://example.com/feed", "https://example.com/rss", "https://example.com/rss.xml",
                "https://example.com/feed.xml", "https://example.com/index.xml");
        assertThat(found).doesNotHaveDuplicates().hasSize(9);
    }

    @Test
    void pageWithoutFeedLinksGivesCommonPaths() {
        assertThat(discover("<html><body>hello</body></html>", "http://example.com/a/b"))
                .containsExactly("http://example.com/feed", "http://example.com/rss", "http://example.com/rss.xml",
                        "http://example.com/atom.xml", "http://example.com/feed.xml", "http://example.com/index.xml");
    }

    @Test
    void aFeedIsItsOwnFeed() {
        byte[] rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title></channel></rss>"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(FeedDiscovery.discover(rss, "application/rss+xml", "http://example.com/rss"))
                .containsExactly("http://example.com/rss");
    }

    /** The page is decoded as articles are (bytes over declarations), not by jsoup's default of UTF-8. */
    @Test
    void aPageIsDecodedAsArticlePagesAre() {
        String page = "<html><head><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/flux-été.xml\"></head></html>";
        String expected = "https://example.fr/flux-%C3%A9t%C3%A9.xml";
        assertThat(FeedDiscovery.discover(page.getBytes(java.nio.charset.Charset.forName("windows-1252")), "text/html",
                "https://example.fr/")).first().isEqualTo(expected);
        assertThat(FeedDiscovery.discover(page.getBytes(StandardCharsets.UTF_8), "text/html; charset=iso-8859-1",
                "https://example.fr/")).first().isEqualTo(expected);
    }
}
