package org.tidings.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tidings.article.ImageCaption;
import org.tidings.feed.FeedEntry;
import org.tidings.server.store.ArticleDraft;

class EntryDraftsTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private static FeedEntry entry(String id, String link, String title, String content, Instant published) {
        return new FeedEntry(id, link, title, null, content, "Reporter", published, null, List.of(), null, null);
    }

    @Test
    void theGuidIsTheIdentityAndTheLinkTheAddress() {
        ArticleDraft d = EntryDrafts.toDraft(entry("urn:1", "https://news.test/a#comments", "Title", "<p>x</p>", NOW), NOW);
        assertThat(d.entryKey()).isEqualTo("urn:1");
        assertThat(d.url()).isEqualTo("https://news.test/a");
    }

    @Test
    void withoutAGuidTheLinkIsTheIdentity() {
        ArticleDraft d = EntryDrafts.toDraft(entry(null, "https://news.test/a", "Title", null, NOW), NOW);
        assertThat(d.entryKey()).isEqualTo("https://news.test/a");
    }

    @Test
    void aPermalinkGuidServesAsTheAddress() {
        ArticleDraft d = EntryDrafts.toDraft(entry("https://news.test/b", null, "Title", null, NOW), NOW);
        assertThat(d.url()).isEqualTo("https://news.test/b");
    }

    @Test
    void anEntryWithoutGuidOrLinkIsIdentifiedByItsText() {
        ArticleDraft a = EntryDrafts.toDraft(entry(null, null, "Title", "<p>Body</p>", NOW), NOW);
        ArticleDraft again = EntryDrafts.toDraft(entry(null, null, "Title", "<p>Body</p>", NOW.plusSeconds(60)), NOW);
        assertThat(a.url()).isNull();
        assertThat(a.entryKey()).startsWith("sha256:").isEqualTo(again.entryKey());
        assertThat(EntryDrafts.toDraft(entry("urn:1", null, "Title", null, NOW), NOW).entryKey()).isEqualTo("urn:1");
        assertThat(EntryDrafts.toDraft(entry(null, "javascript:alert(1)", "Title", null, NOW), NOW).url()).isNull();
    }

    @Test
    void anEntryWithNothingInItIsSkipped() {
        assertThat(EntryDrafts.toDraft(entry(null, null, " ", null, NOW), NOW)).isNull();
    }

    @Test
    void datesFarInTheFutureOrMissingAreNoDates() {
        // the store then dates the article by when it was first seen, until its page says better
        assertThat(EntryDrafts.toDraft(entry(null, "https://n.test/1", "T", null, NOW.plus(Duration.ofDays(2))), NOW).publishedAt())
                .isNull();
        assertThat(EntryDrafts.toDraft(entry(null, "https://n.test/1", "T", null, null), NOW).publishedAt()).isNull();
        Instant earlier = NOW.minus(Duration.ofHours(3));
        assertThat(EntryDrafts.toDraft(entry(null, "https://n.test/1", "T", null, earlier), NOW).publishedAt()).isEqualTo(earlier);
    }

    @Test
    void contentArrivesSanitizedFromTheParserAndTitlesAreNeverEmpty() {
        byte[] rss = ("<rss version=\"2.0\"><channel><item><link>https://n.test/1</link><description>"
                + "&lt;p onclick=\"x()\"&gt;Rain &lt;a href=\"/more\"&gt;more&lt;/a&gt;&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;"
                + "</description></item></channel></rss>").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        FeedEntry parsed = org.tidings.feed.FeedParser.parse(rss, "application/rss+xml", "https://n.test/feed").entries().getFirst();
        ArticleDraft d = EntryDrafts.toDraft(parsed, NOW);
        assertThat(d.summary()).contains("<p>Rain").contains("href=\"https://n.test/more\"")
                .doesNotContain("onclick").doesNotContain("script");
        assertThat(d.title()).isEqualTo("Rain more");
        assertThat(EntryDrafts.toDraft(entry(null, "https://n.test/2", null, null, NOW), NOW).title()).isEqualTo("(untitled)");
    }

    @Test
    void theContentHashChangesWithTheContent() {
        ArticleDraft a = EntryDrafts.toDraft(entry("1", "https://n.test/1", "T", "<p>a</p>", NOW), NOW);
        ArticleDraft b = EntryDrafts.toDraft(entry("1", "https://n.test/1", "T", "<p>b</p>", NOW), NOW);
        assertThat(a.contentHash()).isNotEqualTo(b.contentHash());
        assertThat(a.contentHash()).isEqualTo(EntryDrafts.toDraft(entry("1", "https://n.test/1", "T", "<p>a</p>", NOW), NOW).contentHash());
    }

    @Test
    void aPicturesCaptionGoesWithTheDraftAndCountsInItsHashOnlyWhenThereIsOne() {
        FeedEntry plain = new FeedEntry("1", "https://n.test/1", "T", null, "<p>a</p>", null, NOW, null, List.of(), "https://n.test/quay.jpg", null);
        FeedEntry captioned = new FeedEntry("1", "https://n.test/1", "T", null, "<p>a</p>", null, NOW, null, List.of(),
                "https://n.test/quay.jpg", new ImageCaption("Ferries at the quay.", "Ana Ruiz"));
        ArticleDraft d = EntryDrafts.toDraft(captioned, NOW);
        assertThat(d.imageCaption()).isEqualTo(new ImageCaption("Ferries at the quay.", "Ana Ruiz"));
        assertThat(d.contentHash()).as("a new caption updates the article").isNotEqualTo(EntryDrafts.toDraft(plain, NOW).contentHash());
        // without one, the digest is what it was before captions were read: stored articles are not all updated again
        assertThat(EntryDrafts.toDraft(plain, NOW).contentHash()).isEqualTo(EntryDrafts.sha256(String.join("\u0000", "https://n.test/1", "T", "",
                "<p>a</p>", "", "https://n.test/quay.jpg")));
    }
}
