package org.tidings.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Documents that are not well-formed are read for everything recoverable and flagged bozo with the reason. */
class FeedRecoveryTest {

    private static final String ITEMS = "<item><title>One</title><link>http://example.com/1</link></item>"
            + "<item><title>Two</title><link>http://example.com/2</link></item>";

    private static ParsedFeed parse(byte[] body, String contentType) {
        return FeedParser.parse(body, contentType, "http://example.com/feed");
    }

    private static ParsedFeed parse(String xml) {
        return parse(xml.getBytes(StandardCharsets.UTF_8), null);
    }

    private static String rss(String channelBody) {
        return "<rss version=\"2.0\"><channel><title>T</title>" + channelBody + "</channel></rss>";
    }

    @Test
    void wellFormedIsNotBozo() {
        ParsedFeed feed = parse(rss(ITEMS));
        assertThat(feed.bozo()).isFalse();
        assertThat(feed.bozoReason()).isNull();
        assertThat(feed.entries()).hasSize(2);
    }

    @Test
    void unescapedAmpersand() {
        ParsedFeed feed = parse(rss("<item><title>Fish & Chips</title><link>http://e.com/?a=1&b=2</link></item>"));
        assertThat(feed.bozo()).isTrue();
        assertThat(feed.bozoReason()).contains("unescaped '&'").contains("line 1");
        assertThat(feed.entries().get(0).title()).isEqualTo("Fish & Chips");
        assertThat(feed.entries().get(0).link()).isEqualTo("http://e.com/?a=1&b=2");
    }

    @Test
    void htmlEntitiesInXmlAreDecodedAndFlagged() {
        ParsedFeed feed = parse(rss("<item><title>caf&eacute;&nbsp;&mdash; &hellip;</title></item>"));
        assertThat(feed.entries().get(0).title()).isEqualTo("café\u00a0— …");
        assertThat(feed.bozo()).isTrue();
        assertThat(feed.bozoReason()).contains("undefined entity &eacute;");
    }

    @Test
    void unknownEntityIsKeptLiterally() {
        ParsedFeed feed = parse(rss("<item><title>a &bogus; b</title></item>"));
        assertThat(feed.entries().get(0).title()).isEqualTo("a &bogus; b");
        assertThat(feed.bozoReason()).contains("undefined entity &bogus;");
    }

    @Test
    void entitiesDeclaredInTheDocumentAreHonoured() {
        String xml = "<!DOCTYPE rss [<!ENTITY pub \"Example Publishing\">]>" + rss("<item><title>&pub;</title></item>");
        ParsedFeed feed = parse(xml);
        assertThat(feed.entries().get(0).title()).isEqualTo("Example Publishing");
        assertThat(feed.bozo()).isFalse();
    }

    @Test
    void unclosedTags() {
        ParsedFeed feed = parse("<rss version=\"2.0\"><channel><title>T</title>"
                + "<item><title>One<link>http://example.com/1</link></item>"
                + "<item><title>Two</title><description>Open <b>bold</description></item>");
        assertThat(feed.bozo()).isTrue();
        assertThat(feed.bozoReason()).contains("unclosed tag <title>");
        assertThat(feed.entries()).hasSize(2);
        assertThat(feed.entries().get(0).title()).startsWith("One");
        assertThat(feed.entries().get(1).summary()).contains("<b>bold</b>");
    }

    @Test
    void rawHtmlInsideAnRssDescription() {
        ParsedFeed feed = parse(rss("<item><title>t</title><description>Line one<br>Line two <img src=\"/i.png\"> end</description></item>"));
        assertThat(feed.bozo()).isTrue();
        String summary = feed.entries().get(0).summary();
        assertThat(summary.split("<br", -1)).hasSize(2);
        assertThat(summary).containsSubsequence("Line one", "<br />", "Line two")
                .contains("src=\"http://example.com/i.png\"").contains("end").doesNotContain("</br>");
    }

    @Test
    void garbageBeforeTheRoot() {
        ParsedFeed feed = parse("Warning: mysql_connect() failed in /var/www/feed.php\n<?xml version=\"1.0\"?>" + rss(ITEMS));
        assertThat(feed.bozo()).isTrue();
        assertThat(feed.bozoReason()).contains("garbage before the root element");
        assertThat(parse("\n\n<?xml version=\"1.0\"?>" + rss(ITEMS)).bozoReason()).contains("XML declaration not at the start");
        assertThat(feed.entries()).hasSize(2);
    }

    @Test
    void strayLessThanAndUnquotedAttributes() {
        ParsedFeed feed = parse(rss("<item><title>1 < 2</title><enclosure url=http://e.com/a.jpg type=image/jpeg /></item>"));
        assertThat(feed.bozo()).isTrue();
        assertThat(feed.entries().get(0).title()).isEqualTo("1 < 2");
        assertThat(feed.entries().get(0).imageUrl()).isEqualTo("http://e.com/a.jpg");
    }

    @Test
    void wrongEncodingDeclarationFallsBackAndIsFlagged() {
        byte[] latin1 = ("<?xml version=\"1.0\" encoding=\"utf-8\"?>" + rss("<item><title>Müller café</title></item>"))
                .getBytes(StandardCharsets.ISO_8859_1);
        ParsedFeed feed = parse(latin1, null);
        assertThat(feed.entries().get(0).title()).isEqualTo("Müller café");
        assertThat(feed.encoding()).isEqualTo("windows-1252");
        assertThat(feed.bozoReason()).contains("declared as utf-8").contains("windows-1252");
    }

    @Test
    void missingEncodingDeclarationWithLatin1Bytes() {
        byte[] latin1 = rss("<item><title>Ærø</title></item>").getBytes(StandardCharsets.ISO_8859_1);
        ParsedFeed feed = parse(latin1, null);
        assertThat(feed.entries().get(0).title()).isEqualTo("Ærø");
        assertThat(feed.bozo()).isTrue();
    }

    @Test
    void declaredSingleByteEncodingIsHonoured() {
        byte[] koi8 = ("<?xml version=\"1.0\" encoding=\"KOI8-R\"?>" + rss("<item><title>Привет</title></item>"))
                .getBytes(Charset.forName("KOI8-R"));
        ParsedFeed feed = parse(koi8, "application/rss+xml");
        assertThat(feed.encoding()).isEqualTo("koi8-r");
        assertThat(feed.bozo()).isFalse();
        assertThat(feed.entries().get(0).title()).isEqualTo("Привет");
    }

    @Test
    void utf8ByteOrderMark() {
        byte[] body = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                ("<?xml version=\"1.0\"?>" + rss("<item><title>Ünïcode</title></item>")).getBytes(StandardCharsets.UTF_8));
        ParsedFeed feed = parse(body, null);
        assertThat(feed.bozo()).isFalse();
        assertThat(feed.encoding()).isEqualTo("utf-8");
        assertThat(feed.entries().get(0).title()).isEqualTo("Ünïcode");
    }

    @Test
    void utf16WithByteOrderMark() {
        byte[] body = ("\uFEFF<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + rss("<item><title>Ελληνικά</title></item>"))
                .getBytes(StandardCharsets.UTF_16LE);
        ParsedFeed feed = parse(body, null);
        assertThat(feed.encoding()).isEqualTo("utf-16le");
        assertThat(feed.bozo()).as(feed.bozoReason()).isFalse();
        assertThat(feed.entries().get(0).title()).isEqualTo("Ελληνικά");
    }

    @Test
    void utf16DeclaredOnUtf8Bytes() {
        byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + rss("<item><title>héllo</title></item>"))
                .getBytes(StandardCharsets.UTF_8);
        ParsedFeed feed = parse(body, "text/xml; charset=utf-16");
        assertThat(feed.encoding()).isEqualTo("utf-8");
        assertThat(feed.entries().get(0).title()).isEqualTo("héllo");
        assertThat(feed.bozoReason()).contains("utf-16");
    }

    /** The HTTP charset wins (RFC 3023), but UTF-8 read as ISO-8859-1 against the document's own declaration is repaired. */
    @Test
    void httpCharsetDisagreeingWithTheProlog() {
        byte[] body = ("<?xml version=\"1.0\" encoding=\"utf-8\"?>" + rss("<item><title>naïve</title></item>"))
                .getBytes(StandardCharsets.UTF_8);
        ParsedFeed feed = parse(body, "text/xml; charset=ISO-8859-1");
        assertThat(feed.entries().get(0).title()).isEqualTo("naïve");
        assertThat(feed.encoding()).isEqualTo("iso-8859-1");
        assertThat(feed.bozo()).isTrue();
        assertThat(feed.bozoReason()).contains("double-encoded UTF-8 repaired");
    }

    @Test
    void httpCharsetWinsWhenItDecodes() {
        byte[] body = ("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>" + rss("<item><title>naïve</title></item>"))
                .getBytes(StandardCharsets.UTF_8);
        ParsedFeed feed = parse(body, "application/rss+xml; charset=utf-8");
        assertThat(feed.entries().get(0).title()).isEqualTo("naïve");
        assertThat(feed.encoding()).isEqualTo("utf-8");
        assertThat(feed.bozo()).as(feed.bozoReason()).isFalse();
    }

    /** Invalid UTF-8 falls back to windows-1252, where the valid UTF-8 sequences are then repaired; a declared ISO-8859-1 is honoured. */
    @Test
    void mixedEncodings() {
        byte[] body = concat(concat("<rss version=\"2.0\"><channel><title>T</title><item><title>UTF-8 ü and ".getBytes(StandardCharsets.UTF_8),
                        "latin-1 é</title></item>".getBytes(StandardCharsets.ISO_8859_1)),
                "<item><title>ok ö</title></item></channel></rss>".getBytes(StandardCharsets.UTF_8));
        ParsedFeed feed = parse(body, null);
        assertThat(feed.entries()).extracting(FeedEntry::title).containsExactly("UTF-8 ü and latin-1 é", "ok ö");
        assertThat(feed.encoding()).isEqualTo("windows-1252");
        assertThat(feed.bozoReason()).contains("declared as utf-8, but parsed as windows-1252");
        ParsedFeed declaredLatin1 = parse(concat("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>".getBytes(StandardCharsets.US_ASCII), body), null);
        assertThat(declaredLatin1.entries()).extracting(FeedEntry::title).containsExactly("UTF-8 Ã¼ and latin-1 é", "ok Ã¶");
        assertThat(declaredLatin1.bozo()).isFalse();
    }

    @Test
    void gbkCharactersUnderAGb2312Declaration() {
        // 镕 is in GBK, not in GB2312; pages already read both labels as their superset GB18030.
        byte[] body = ("<?xml version=\"1.0\" encoding=\"gb2312\"?>" + rss("<item><title>朱镕基</title></item>"))
                .getBytes(Charset.forName("GBK"));
        ParsedFeed feed = parse(body, null);
        assertThat(feed.entries().get(0).title()).isEqualTo("朱镕基");
        assertThat(feed.encoding()).isEqualTo("gb18030");
        assertThat(feed.bozo()).as(feed.bozoReason()).isFalse();
    }

    @Test
    void aCharsetThatCannotEncodeIsNoCrash() {
        byte[] body = ("<?xml version=\"1.0\" encoding=\"ISO-2022-CN\"?>" + rss("<item><title>Plain</title></item>"))
                .getBytes(StandardCharsets.US_ASCII);
        ParsedFeed feed = parse(body, null);
        assertThat(feed.entries().get(0).title()).isEqualTo("Plain");
        assertThat(feed.encoding()).isEqualTo("iso-2022-cn");
    }

    @Test
    void cdataAndCommentsInsideElements() {
        ParsedFeed feed = parse(rss("<item><title><!-- c --><![CDATA[Tom & <Jerry>]]></title>"
                + "<description><![CDATA[<p>a</p>]]> and <![CDATA[<p>b</p>]]></description></item>"));
        assertThat(feed.bozo()).isFalse();
        assertThat(feed.entries().get(0).title()).isEqualTo("Tom & <Jerry>");
        assertThat(feed.entries().get(0).summary()).contains("<p>a</p>").contains("<p>b</p>");
    }

    @Test
    void truncatedDocumentKeepsCompleteItems() {
        String whole = rss(ITEMS + "<item><title>Three</title><link>http://example.com/3</link></item>");
        ParsedFeed feed = parse(whole.substring(0, whole.indexOf("Three") + 3));
        assertThat(feed.bozo()).isTrue();
        assertThat(feed.entries()).hasSize(3);
        assertThat(feed.entries().get(0).title()).isEqualTo("One");
    }

    @Test
    void markupAndDoubleEscapingInRssTitles() {
        ParsedFeed feed = parse(rss("<item><title><![CDATA[<b>Breaking:</b> news]]></title></item>"
                + "<item><title>Tom &amp;amp; Jerry</title></item><item><title>1 &lt; 2 &lt;script&gt;</title></item>"));
        assertThat(feed.entries()).extracting(FeedEntry::title).containsExactly("Breaking: news", "Tom & Jerry", "1 < 2 <script>");
    }

    @Test
    void uppercaseAndSloppyElementNames() {
        ParsedFeed feed = parse("<rss version=\"2.0\"><channel><title>T</title><item><title>A</title>"
                + "<pubdate>Mon, 01 Jan 2024 10:00:00 GMT</pubdate></item></channel></rss>");
        assertThat(feed.entries().get(0).published()).isEqualTo(java.time.Instant.parse("2024-01-01T10:00:00Z"));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
