package org.tidings.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each format and its common extensions, read into both the compact and the feedparser model. */
class FeedFormatsTest {

    static ParsedFeed parse(String xml) {
        return FeedParser.parse(xml.getBytes(StandardCharsets.UTF_8), null, "http://example.com/feed.xml");
    }

    static FeedDocument read(String xml) {
        return FeedParser.read(xml.getBytes(StandardCharsets.UTF_8), null, "http://example.com/feed.xml");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    @Test
    void rss20WithExtensions() {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/"
                     xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:atom="http://www.w3.org/2005/Atom">
                <channel>
                  <title>Example News</title>
                  <link>http://example.com/</link>
                  <atom:link rel="self" type="application/rss+xml" href="http://example.com/feed.xml"/>
                  <description>All the news</description>
                  <language>en-gb</language>
                  <lastBuildDate>Tue, 10 Jun 2003 04:00:00 GMT</lastBuildDate>
                  <ttl>30</ttl>
                  <image><url>/logo.png</url><title>Example</title><link>http://example.com/</link></image>
                  <item>
                    <title>First &amp; foremost</title>
                    <link>/2003/06/first</link>
                    <description><![CDATA[<p>Summary <b>one</b><script>alert(1)</script></p>]]></description>
                    <content:encoded><![CDATA[<p>Full <a href="/x">text</a></p>]]></content:encoded>
                    <dc:creator>Jane Doe</dc:creator>
                    <category domain="http://example.com/cats">Politics</category>
                    <category>World</category>
                    <comments>http://example.com/2003/06/first#comments</comments>
                    <enclosure url="http://example.com/a.mp3" length="1234" type="audio/mpeg"/>
                    <source url="http://other.example/rss">Other</source>
                    <media:thumbnail url="http://example.com/t.jpg" width="100" height="80"/>
                    <itunes:duration>12:34</itunes:duration>
                    <guid isPermaLink="false">urn:example:1</guid>
                    <pubDate>Tue, 03 Jun 2003 09:39:21 GMT</pubDate>
                  </item>
                  <item>
                    <title>Second</title>
                    <guid>http://example.com/2003/06/second</guid>
                    <author>editor@example.com (Ed Itor)</author>
                    <media:group><media:content url="http://example.com/big.jpg" medium="image"/></media:group>
                  </item>
                </channel>
                </rss>
                """;
        ParsedFeed feed = parse(xml);
        assertThat(feed.version()).isEqualTo("rss20");
        assertThat(feed.bozo()).as(feed.bozoReason()).isFalse();
        assertThat(feed.title()).isEqualTo("Example News");
        assertThat(feed.link()).isEqualTo("http://example.com/");
        assertThat(feed.language()).isEqualTo("en-gb");
        assertThat(feed.entries()).hasSize(2);
        FeedEntry first = feed.entries().get(0);
        assertThat(first.title()).isEqualTo("First & foremost");
        assertThat(first.link()).isEqualTo("http://example.com/2003/06/first");
        assertThat(first.id()).isEqualTo("urn:example:1");
        assertThat(first.summary()).contains("<b>one</b>").doesNotContain("script").doesNotContain("alert");
        assertThat(first.content()).contains("href=\"http://example.com/x\"");
        assertThat(first.author()).isEqualTo("Jane Doe");
        assertThat(first.tags()).containsExactly("Politics", "World");
        assertThat(first.published()).isEqualTo(Instant.parse("2003-06-03T09:39:21Z"));
        assertThat(first.imageUrl()).isEqualTo("http://example.com/t.jpg");
        FeedEntry second = feed.entries().get(1);
        assertThat(second.link()).isEqualTo("http://example.com/2003/06/second");
        assertThat(second.author()).isEqualTo("Ed Itor");
        assertThat(second.imageUrl()).isEqualTo("http://example.com/big.jpg");

        FeedDocument doc = read(xml);
        assertThat(doc.feed()).containsEntry("ttl", "30").containsEntry("updated_parsed", List.of(2003, 6, 10, 4, 0, 0, 1, 161, 0));
        assertThat(map(doc.feed().get("image"))).containsEntry("href", "http://example.com/logo.png");
        Map<String, Object> e = doc.entries().get(0);
        assertThat(e).containsEntry("comments", "http://example.com/2003/06/first#comments")
                .containsEntry("guidislink", false).containsEntry("itunes_duration", "12:34");
        assertThat(list(e.get("enclosures"))).containsExactly(
                Map.of("href", "http://example.com/a.mp3", "type", "audio/mpeg", "length", "1234"));
        assertThat(map(e.get("source"))).containsEntry("href", "http://other.example/rss").containsEntry("title", "Other");
        assertThat(map(e.get("summary_detail"))).containsEntry("type", "text/html").containsEntry("language", null);
        Map<String, Object> author = map(doc.entries().get(1).get("author_detail"));
        assertThat(author).containsEntry("name", "Ed Itor").containsEntry("email", "editor@example.com");
    }

    @Test
    void rss091And092() {
        assertThat(parse("<rss version=\"0.91\"><channel><title>t</title><item><title>a</title></item></channel></rss>").version())
                .isEqualTo("rss091u");
        ParsedFeed feed = parse("<rss version=\"0.92\"><channel><title>t</title><item><description>only a description</description></item></channel></rss>");
        assertThat(feed.version()).isEqualTo("rss092");
        assertThat(feed.entries().get(0).summary()).isEqualTo("only a description");
    }

    @Test
    void rss10Rdf() {
        String xml = """
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                         xmlns:dc="http://purl.org/dc/elements/1.1/">
                  <channel rdf:about="http://example.com/"><title>RDF site</title><link>http://example.com/</link>
                    <dc:language>fr</dc:language>
                    <items><rdf:Seq><rdf:li rdf:resource="http://example.com/1"/></rdf:Seq></items></channel>
                  <image rdf:about="http://example.com/i.png"><url>http://example.com/i.png</url><title>i</title></image>
                  <item rdf:about="http://example.com/1"><title>One</title><link>http://example.com/1</link>
                    <dc:date>2004-02-28T18:14:55-08:00</dc:date><dc:subject>Tech</dc:subject></item>
                </rdf:RDF>
                """;
        ParsedFeed feed = parse(xml);
        assertThat(feed.version()).isEqualTo("rss10");
        assertThat(feed.language()).isEqualTo("fr");
        assertThat(feed.entries()).singleElement().satisfies(e -> {
            assertThat(e.title()).isEqualTo("One");
            assertThat(e.updated()).isEqualTo(Instant.parse("2004-02-29T02:14:55Z"));
            assertThat(e.tags()).containsExactly("Tech");
            assertThat(e.id()).isEqualTo("http://example.com/1");
        });
        assertThat(read(xml).feed()).containsKey("image");
    }

    @Test
    void rss090() {
        ParsedFeed feed = parse("""
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
                <channel><title>Old</title><link>http://example.com/</link></channel>
                <item><title>A</title><link>http://example.com/a</link></item></rdf:RDF>""");
        assertThat(feed.version()).isEqualTo("rss090");
        assertThat(feed.entries()).extracting(FeedEntry::link).containsExactly("http://example.com/a");
    }

    @Test
    void atom10TextConstructsAndXmlBase() {
        String xml = """
                <feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://example.org/blog/" xml:lang="en">
                  <title type="html">Tom &amp;amp; Jerry</title>
                  <subtitle>plain &lt;not a tag&gt;</subtitle>
                  <link href="./"/>
                  <link rel="self" href="feed.atom"/>
                  <id>urn:uuid:feed</id>
                  <updated>2005-07-31T12:29:29Z</updated>
                  <author><name>Mark</name><email>mark@example.org</email><uri>/mark</uri></author>
                  <generator uri="http://example.com/gen" version="1.0">Gen</generator>
                  <entry xml:base="entries/">
                    <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">An <em>xhtml</em> title</div></title>
                    <link rel="alternate" type="text/html" href="2005/04/02/atom"/>
                    <link rel="enclosure" type="audio/mpeg" length="1337" href="http://example.org/audio.mp3"/>
                    <id>tag:example.org,2003:3.2397</id>
                    <published>2003-12-13T08:29:29-04:00</published>
                    <updated>2005-07-31T12:29:29Z</updated>
                    <category term="tech" scheme="http://example.org/cat" label="Technology"/>
                    <summary type="text">Short</summary>
                    <content type="xhtml" xml:base="http://diveintomark.org/">
                      <div xmlns="http://www.w3.org/1999/xhtml"><p><i>[Update: The Atom draft is finished.]</i> <img src="pic.png"/></p></div>
                    </content>
                    <source><title>Original</title><id>urn:src</id></source>
                  </entry>
                </feed>
                """;
        ParsedFeed feed = parse(xml);
        assertThat(feed.version()).isEqualTo("atom10");
        assertThat(feed.bozo()).as(feed.bozoReason()).isFalse();
        assertThat(feed.title()).isEqualTo("Tom & Jerry");
        assertThat(feed.link()).isEqualTo("http://example.org/blog/");
        assertThat(feed.language()).isEqualTo("en");
        FeedEntry entry = feed.entries().get(0);
        assertThat(entry.title()).isEqualTo("An xhtml title");
        assertThat(entry.link()).isEqualTo("http://example.org/blog/entries/2005/04/02/atom");
        assertThat(entry.published()).isEqualTo(Instant.parse("2003-12-13T12:29:29Z"));
        assertThat(entry.tags()).containsExactly("Technology");
        assertThat(entry.summary()).isEqualTo("Short");
        assertThat(entry.content()).contains("<i>[Update: The Atom draft is finished.]</i>")
                .contains("src=\"http://diveintomark.org/pic.png\"");
        assertThat(entry.author()).as("inherited from the feed").isEqualTo("Mark");

        FeedDocument doc = read(xml);
        assertThat(doc.entries().get(0)).doesNotContainKey("author");
        assertThat(map(doc.feed().get("subtitle_detail"))).containsEntry("type", "text/plain")
                .containsEntry("value", "plain <not a tag>").containsEntry("base", "http://example.org/blog/");
        assertThat(map(doc.feed().get("author_detail"))).containsEntry("href", "http://example.org/mark");
        assertThat(map(doc.feed().get("generator_detail"))).containsEntry("version", "1.0");
        Map<String, Object> e = doc.entries().get(0);
        assertThat(list(e.get("enclosures"))).hasSize(1);
        assertThat(map(e.get("source"))).containsEntry("title", "Original").containsEntry("id", "urn:src");
        assertThat(list(e.get("tags"))).containsExactly(
                Map.of("term", "tech", "scheme", "http://example.org/cat", "label", "Technology"));
    }

    @Test
    void atom03() {
        String xml = """
                <feed version="0.3" xmlns="http://purl.org/atom/ns#">
                  <title mode="escaped" type="text/html">Dive &lt;b&gt;into&lt;/b&gt; mark</title>
                  <tagline>A lot of effort</tagline>
                  <link rel="alternate" type="text/html" href="http://diveintomark.org/"/>
                  <modified>2003-12-13T18:30:02Z</modified>
                  <entry>
                    <title>Atom 0.3 snapshot</title>
                    <link rel="alternate" type="text/html" href="http://diveintomark.org/2003/12/13/atom03"/>
                    <id>tag:diveintomark.org,2003:3.2397</id>
                    <issued>2003-12-13T08:29:29-04:00</issued>
                    <modified>2003-12-13T18:30:02Z</modified>
                    <content type="text/html" mode="base64">PHA+SGVsbG8gPGI+d29ybGQ8L2I+PC9wPg==</content>
                  </entry>
                </feed>
                """;
        ParsedFeed feed = parse(xml);
        assertThat(feed.version()).isEqualTo("atom03");
        assertThat(feed.title()).isEqualTo("Dive into mark");
        FeedEntry entry = feed.entries().get(0);
        assertThat(entry.published()).isEqualTo(Instant.parse("2003-12-13T12:29:29Z"));
        assertThat(entry.updated()).isEqualTo(Instant.parse("2003-12-13T18:30:02Z"));
        assertThat(entry.content()).isEqualTo("<p>Hello <b>world</b></p>");
        assertThat(read(xml).feed()).containsEntry("subtitle", "A lot of effort");
    }

    @Test
    void jsonFeed11() {
        String json = """
                {"version": "https://jsonfeed.org/version/1.1", "title": "JSON Blog",
                 "home_page_url": "https://example.org/", "feed_url": "https://example.org/feed.json",
                 "language": "en", "authors": [{"name": "Brent"}],
                 "items": [
                   {"id": "2", "url": "/second", "title": "Second", "content_html": "<p>Hi<script>x()</script></p>",
                    "date_published": "2010-02-07T14:04:00-05:00", "tags": ["a", "b"],
                    "attachments": [{"url": "https://example.org/a.mp3", "mime_type": "audio/mpeg", "size_in_bytes": 10}]},
                   {"id": 1, "content_text": "Plain & simple", "image": "https://example.org/i.png"}
                 ]}
                """;
        ParsedFeed feed = parse(json);
        assertThat(feed.version()).isEqualTo("json11");
        assertThat(feed.bozo()).isFalse();
        assertThat(feed.title()).isEqualTo("JSON Blog");
        assertThat(feed.link()).isEqualTo("https://example.org/");
        assertThat(feed.entries()).hasSize(2);
        FeedEntry first = feed.entries().get(0);
        assertThat(first.link()).isEqualTo("http://example.com/second");
        assertThat(first.content()).isEqualToIgnoringWhitespace("<p>Hi</p>");
        assertThat(first.published()).isEqualTo(Instant.parse("2010-02-07T19:04:00Z"));
        assertThat(first.tags()).containsExactly("a", "b");
        assertThat(first.author()).isNull();
        FeedEntry second = feed.entries().get(1);
        assertThat(second.id()).isEqualTo("1");
        assertThat(second.content()).isEqualTo("Plain &amp; simple");
        assertThat(second.imageUrl()).isEqualTo("https://example.org/i.png");
    }

    @Test
    void jsonFeed10WithSingleAuthor() {
        ParsedFeed feed = parse("""
                {"version": "https://jsonfeed.org/version/1", "title": "T", "author": {"name": "Ann"},
                 "items": [{"id": "x", "summary": "S", "content_text": "C", "author": {"name": "Bob"}}]}""");
        assertThat(feed.version()).isEqualTo("json1");
        assertThat(feed.entries().get(0).author()).isEqualTo("Bob");
        assertThat(feed.entries().get(0).summary()).isEqualTo("S");
    }

    @Test
    void malformedJsonIsBozoNotAnException() {
        ParsedFeed feed = parse("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [");
        assertThat(feed.bozo()).isTrue();
        assertThat(feed.isFeed()).isFalse();
    }

    @Test
    void htmlPageIsNotAFeed() {
        ParsedFeed feed = parse("<!DOCTYPE html><html><head><title>x</title></head><body><p>hi</body></html>");
        assertThat(feed.isFeed()).isFalse();
        assertThat(feed.bozo()).isTrue();
        assertThat(feed.entries()).isEmpty();
    }

    @Test
    void undeclaredPrefixesAreStillUnderstood() {
        ParsedFeed feed = parse("""
                <rss version="2.0"><channel><title>t</title>
                <item><title>a</title><dc:creator>Undeclared</dc:creator>
                <content:encoded>&lt;p&gt;body&lt;/p&gt;</content:encoded></item></channel></rss>""");
        assertThat(feed.entries().get(0).author()).isEqualTo("Undeclared");
        assertThat(feed.entries().get(0).content()).isEqualTo("<p>body</p>");
    }

    @Test
    void theFeedparserViewOffersContentAsTheSummaryWhenThereIsNone() {
        byte[] rss = """
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title>
                <item><title>Only content</title><link>http://example.com/1</link>
                  <content:encoded><![CDATA[<p>Full <b>text</b></p>]]></content:encoded></item>
                <item><title>Both</title><link>http://example.com/2</link><description>Short</description>
                  <content:encoded><![CDATA[<p>Long</p>]]></content:encoded></item>
                </channel></rss>""".getBytes(StandardCharsets.UTF_8);
        List<Object> entries = list(FeedparserJson.toMap(rss, null, "http://example.com/feed").get("entries"));
        assertThat(map(entries.get(0)).get("summary")).isEqualTo("<p>Full <b>text</b></p>");
        assertThat(map(map(entries.get(0)).get("summary_detail")).get("type")).isEqualTo("text/html");
        assertThat(map(entries.get(1)).get("summary")).isEqualTo("Short");
        assertThat(FeedParser.parse(rss, null, "http://example.com/feed").entries().get(0).summary())
                .as("the compact model keeps summary and content apart").isNull();
    }

    @Test
    void aRelativePermalinkGuidIsResolvedInFeedparsersModelButKeptAsWrittenAsTheStoredIdentity() {
        String xml = "<rss version=\"2.0\"><channel><title>t</title><item><guid>item/1</guid></item></channel></rss>";
        assertThat(read(xml).entries().getFirst()).containsEntry("id", "http://example.com/item/1");
        assertThat(FeedparserJson.toMap(xml.getBytes(StandardCharsets.UTF_8), null, "http://example.com/feed.xml").toString())
                .doesNotContain(FeedModel.ID_AS_WRITTEN);
        FeedEntry entry = parse(xml).entries().getFirst();
        assertThat(entry.id()).isEqualTo("item/1");
        assertThat(entry.link()).isEqualTo("http://example.com/item/1");
    }

    @Test
    void aDateFeedparserLeavesUnreadStillDatesTheEntryForReaders() {
        ParsedFeed feed = parse("<rss version=\"2.0\"><channel><title>t</title><item><title>i</title>"
                + "<pubDate>Thu, 01 Jan 2004 19:48:21</pubDate></item></channel></rss>");
        assertThat(FeedparserJson.toMap(("<rss version=\"2.0\"><channel><item><pubDate>Thu, 01 Jan 2004 19:48:21</pubDate>"
                + "</item></channel></rss>").getBytes(java.nio.charset.StandardCharsets.UTF_8), null, null).toString())
                .contains("published_parsed=null");
        assertThat(feed.entries().get(0).published()).isEqualTo(Instant.parse("2004-01-01T19:48:21Z"));
    }
}
