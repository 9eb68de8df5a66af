package org.tidings.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile documents: no entity expansion, no external reads, bounded memory and time. */
class FeedSafetyTest {

    private static ParsedFeed parse(String xml) {
        return FeedParser.parse(xml.getBytes(StandardCharsets.UTF_8), null, "http://example.com/feed");
    }

    @Test
    void billionLaughsIsNotExpanded() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE rss [<!ENTITY lol \"lol\">");
        dtd.append("<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">");
        for (int i = 2; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            for (int k = 0; k < 10; k++) dtd.append("&lol").append(i - 1).append(';');
            dtd.append("\">");
        }
        dtd.append("]>");
        String xml = dtd + "<rss version=\"2.0\"><channel><title>&lol9;</title><item><title>&lol9;</title></item></channel></rss>";
        ParsedFeed feed = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> parse(xml));
        assertThat(feed.title()).isEqualTo("&lol9;");
        assertThat(feed.entries()).hasSize(1);
        assertThat(feed.bozoReason()).contains("undefined entity &lol9;");
    }

    @Test
    void externalEntitiesAreNeverRead(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">"
                + "<!ENTITY % p SYSTEM \"" + secret.toUri() + "\"> %p;]>"
                + "<rss version=\"2.0\"><channel><title>t</title><item><title>&xxe;</title>"
                + "<description>&xxe;</description></item></channel></rss>";
        ParsedFeed feed = parse(xml);
        assertThat(feed.entries().get(0).title()).isEqualTo("&xxe;").doesNotContain("TOP-SECRET");
        assertThat(FeedparserJson.toMap(xml.getBytes(StandardCharsets.UTF_8), null, null).toString())
                .doesNotContain("TOP-SECRET");
    }

    @Test
    void fiftyMegabyteDocumentIsCappedAndBounded() {
        String item = "<item><title>Item title</title><link>http://example.com/a</link><description>"
                + "x".repeat(400) + "</description></item>\n";
        StringBuilder xml = new StringBuilder(52_000_000).append("<rss version=\"2.0\"><channel><title>Big</title>");
        while (xml.length() < 50_000_000) xml.append(item);
        xml.append("</channel></rss>");
        byte[] body = xml.toString().getBytes(StandardCharsets.UTF_8);
        ParsedFeed feed = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> FeedParser.parse(body, null, null));
        assertThat(feed.title()).isEqualTo("Big");
        assertThat(feed.bozo()).isTrue();
        assertThat(feed.bozoReason()).as("entries lost first, then the rest of the document").contains("left out");
        assertThat(feed.entries()).hasSizeLessThanOrEqualTo(FeedModel.MAX_ENTRIES).hasSizeGreaterThan(1000);
    }

    @Test
    void entryCountIsCapped() {
        StringBuilder xml = new StringBuilder("<rss version=\"2.0\"><channel><title>Many</title>");
        for (int i = 0; i < FeedModel.MAX_ENTRIES + 500; i++) xml.append("<item><title>").append(i).append("</title></item>");
        xml.append("</channel></rss>");
        ParsedFeed feed = parse(xml.toString());
        assertThat(feed.entries()).hasSize(FeedModel.MAX_ENTRIES);
        assertThat(feed.leftOut()).isEqualTo(500);
        assertThat(feed.bozoReason()).isEqualTo("more than 10000 entries: 500 after the first 10000 left out");
    }

    @Test
    void jsonFeedEntryCountIsCappedAlike() {
        String json = "{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":["
                + String.join(",", java.util.Collections.nCopies(FeedModel.MAX_ENTRIES + 7, "{\"id\":\"x\"}")) + "]}";
        ParsedFeed feed = parse(json);
        assertThat(feed.entries()).hasSize(FeedModel.MAX_ENTRIES);
        assertThat(feed.leftOut()).isEqualTo(7);
        assertThat(feed.bozoReason()).isEqualTo("more than 10000 entries: 7 after the first 10000 left out");
    }

    /**
     * An element we do not model keeps its text under its own name, which can be the name of one
     * of the model's lists ("tags", "content", "links"): the list the model needs wins, in either order.
     */
    @Test
    void anUnknownElementNamedLikeOneOfTheModelsListsDoesNotBreakTheEntry() {
        for (String item : java.util.List.of(
                "<tags>tag one, tag two</tags><category>category one</category>",
                "<category>category one</category><tags>tag one, tag two</tags>")) {
            ParsedFeed feed = parse("<rss><channel><item>" + item + "</item></channel></rss>");
            assertThat(feed.entries().get(0).tags()).as(item).containsExactly("category one");
        }
        ParsedFeed feed = parse("<rss xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><item>"
                + "<content>plain</content><links>x</links><content:encoded>&lt;p&gt;Body&lt;/p&gt;</content:encoded>"
                + "<link>http://example.com/1</link></item></channel></rss>");
        assertThat(feed.entries().get(0).content()).isEqualTo("<p>Body</p>");
        assertThat(feed.entries().get(0).link()).isEqualTo("http://example.com/1");
        Map<String, Object> channel = map(FeedparserJson.toMap(("<rss xmlns:admin=\"http://webns.net/mvcb/\" "
                + "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><channel><generator_detail>x</generator_detail>"
                + "<admin:generatorAgent rdf:resource=\"http://gen.example.com/\"/></channel></rss>").getBytes(StandardCharsets.UTF_8),
                null, null).get("feed"));
        assertThat(map(channel.get("generator_detail"))).containsEntry("href", "http://gen.example.com/");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @Test
    void deepNestingDoesNotOverflowTheStack() {
        String open = "<div>".repeat(200_000);
        String xml = "<rss version=\"2.0\"><channel><title>t</title><item><title>deep</title><description>"
                + open + "bottom" + "</description></item></channel></rss>";
        ParsedFeed feed = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> parse(xml));
        assertThat(feed.bozo()).isTrue();
        assertThat(feed.entries()).isNotEmpty();
        assertThat(feed.entries().get(0).title()).isEqualTo("deep");
    }

    @Test
    void deeplyNestedJsonIsRejectedNotCrashing() {
        String json = "{\"version\":\"https://jsonfeed.org/version/1.1\",\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        ParsedFeed feed = parse(json);
        assertThat(feed.bozo()).isTrue();
    }

    @Test
    void binaryGarbage() {
        Random random = new Random(42);
        for (int i = 0; i < 50; i++) {
            byte[] garbage = new byte[random.nextInt(20_000)];
            random.nextBytes(garbage);
            ParsedFeed feed = FeedParser.parse(garbage, "application/rss+xml", "http://example.com/");
            assertThat(feed.entries()).isEmpty();
            assertThat(feed.bozo()).isTrue();
        }
    }

    @Test
    void garbageAfterAValidPrefixStillYieldsTheItemsBeforeIt() {
        Random random = new Random(7);
        byte[] tail = new byte[5000];
        random.nextBytes(tail);
        byte[] head = "<rss version=\"2.0\"><channel><title>t</title><item><title>ok</title></item>".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(tail, 0, body, head.length, tail.length);
        ParsedFeed feed = FeedParser.parse(body, null, null);
        assertThat(feed.bozo()).isTrue();
        assertThat(feed.entries()).isNotEmpty();
        assertThat(feed.entries().get(0).title()).isEqualTo("ok");
    }

    @Test
    void pathologicalMarkupStaysLinear() {
        String[] hostile = {
            "<a x=\"".repeat(500_000),
            "<rss><channel><title>" + "a<!---->".repeat(1_000_000) + "</title></channel></rss>",
            "<rss " + "a=\"1\" ".repeat(300_000) + "/>",
            "<rss><channel>" + "<item>".repeat(300_000),
            "&".repeat(2_000_000) + "<rss/>",
            "<!DOCTYPE [" + "[".repeat(1_000_000),
        };
        for (String xml : hostile) {
            ParsedFeed feed = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> parse(xml));
            assertThat(feed.bozo() || feed.title().length() == 1_000_000).isTrue();
        }
    }

    @Test
    void emptyAndNullInput() {
        assertThat(FeedParser.parse(new byte[0], null, null).isFeed()).isFalse();
        assertThat(FeedParser.parse(null, null, null).bozo()).isTrue();
    }

    @Test
    void htmlInsideTheFeedIsSanitized() {
        ParsedFeed feed = parse("<rss version=\"2.0\"><channel><title>t</title><item><title>x</title>"
                + "<description>&lt;p onclick=\"evil()\"&gt;hi&lt;/p&gt;&lt;iframe src=\"http://evil\"&gt;&lt;/iframe&gt;"
                + "&lt;a href=\"javascript:alert(1)\"&gt;link&lt;/a&gt;&lt;img src=\"/rel.png\"&gt;</description></item></channel></rss>");
        String summary = feed.entries().get(0).summary();
        assertThat(summary).contains("hi").doesNotContain("onclick").doesNotContain("iframe").doesNotContain("javascript")
                .contains("http://example.com/rel.png");
    }
}
