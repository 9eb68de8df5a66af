package org.tidings.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PageDecoderTest {

    private static final String TEXT = "Grüße, déjà vu, naïve café";
    private static final Charset CP1252 = Charset.forName("windows-1252");

    private static byte[] page(String head, Charset charset) {
        return ("<html><head>" + head + "</head><body><p>" + TEXT + "</p></body></html>").getBytes(charset);
    }

    @Test
    void theHttpHeaderCharsetIsUsed() {
        assertThat(PageDecoder.decode(page("", CP1252), "text/html; charset=ISO-8859-1")).contains(TEXT);
    }

    @Test
    void aMetaCharsetIsUsedWithoutAHeader() {
        assertThat(PageDecoder.decode(page("<meta charset=\"windows-1252\">", CP1252), "text/html")).contains(TEXT);
        assertThat(PageDecoder.decode(page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">",
                CP1252), null)).contains(TEXT);
    }

    @Test
    void aByteOrderMarkWinsOverEverything() {
        byte[] body = page("<meta charset=\"windows-1252\">", StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        assertThat(PageDecoder.decode(withBom, "text/html; charset=iso-8859-1")).startsWith("<html>").contains(TEXT);
        byte[] utf16 = ("\uFEFF<p>" + TEXT + "</p>").getBytes(StandardCharsets.UTF_16LE);
        assertThat(PageDecoder.decode(utf16, null)).contains(TEXT);
    }

    @Test
    void withoutAnyDeclarationTheBytesAreSniffed() {
        assertThat(PageDecoder.decode(page("", StandardCharsets.UTF_8), null)).contains(TEXT);
        assertThat(PageDecoder.decode(page("", CP1252), null)).contains(TEXT);
    }

    @Test
    void aDeclarationTheBytesContradictLosesToTheBytes() {
        // UTF-8 bytes under a latin-1 header (a server default) and under a stale GB2312 meta.
        assertThat(PageDecoder.decode(page("", StandardCharsets.UTF_8), "text/html; charset=iso-8859-1")).contains(TEXT);
        assertThat(PageDecoder.decode(page("<meta charset=\"gb2312\">", StandardCharsets.UTF_8), null)).contains(TEXT);
        // windows-1252 bytes in a page that claims UTF-8.
        assertThat(PageDecoder.decode(page("<meta charset=\"utf-8\">", CP1252), null)).contains(TEXT);
    }

    @Test
    void realLegacyMultiByteEncodingsAreHonoured() {
        String chinese = "新电脑已可利用记忆自学";
        byte[] body = ("<meta charset=\"gbk\"><p>" + chinese + "</p>").getBytes(Charset.forName("GBK"));
        assertThat(PageDecoder.decode(body, null)).contains(chinese);
        String japanese = "公衆無線LANを安全に使う";
        byte[] sjis = ("<p>" + japanese + "</p>").getBytes(Charset.forName("Shift_JIS"));
        assertThat(PageDecoder.decode(sjis, "text/html; charset=Shift_JIS")).contains(japanese);
    }

    @Test
    void unknownCharsetNamesFallBackToSniffing() {
        assertThat(PageDecoder.decode(page("<meta charset=\"x-no-such-charset\">", StandardCharsets.UTF_8), null)).contains(TEXT);
    }

    // What feeds read before the two shared org.tidings.charset, and pages now read too.

    @Test
    void aUtf32ByteOrderMark() {
        byte[] utf32 = ("\uFEFF<p>" + TEXT + "</p>").getBytes(Charset.forName("UTF-32LE"));
        assertThat(PageDecoder.decode(utf32, null)).isEqualTo("<p>" + TEXT + "</p>");
    }

    @Test
    void aUtf16DeclarationOnAsciiCompatibleBytesIsWrong() {
        assertThat(PageDecoder.decode(page("<meta charset=\"utf-16\">", StandardCharsets.UTF_8), null)).contains(TEXT);
        assertThat(PageDecoder.decode(page("", CP1252), "text/html; charset=UTF-16")).contains(TEXT);
    }

    @Test
    void strayWindows1252BytesInAUtf8PageAreReadAsSuch() {
        byte[] head = "<html><head><meta charset=\"utf-8\"></head><body><p>Grüße, naïve café, ".getBytes(StandardCharsets.UTF_8);
        byte[] pasted = "déjà vu".getBytes(CP1252);
        byte[] page = java.nio.ByteBuffer.allocate(head.length + pasted.length).put(head).put(pasted).array();
        assertThat(PageDecoder.decode(page, null)).endsWith("Grüße, naïve café, déjà vu");
        assertThat(PageDecoder.decode(page, "text/html; charset=iso-8859-1")).endsWith("Grüße, naïve café, déjà vu");
    }

    @Test
    void theLatinDash1Label() {
        assertThat(PageDecoder.decode(page("<meta charset=\"latin-1\">", CP1252), null)).contains(TEXT);
    }
}
