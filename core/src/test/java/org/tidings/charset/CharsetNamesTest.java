package org.tidings.charset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CharsetNamesTest {

    /** The union of the labels feeds and pages each aliased before they shared this table. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "iso-8859-1, windows-1252", "ISO8859-1, windows-1252", "latin1, windows-1252", "latin-1, windows-1252",
        "l1, windows-1252", "US-ASCII, windows-1252", "ascii, windows-1252", "utf8, UTF-8", "' UTF-8 ', UTF-8",
        "gb2312, GB18030", "GBK, GB18030", "Shift_JIS, Shift_JIS", "koi8-r, KOI8-R",
    })
    void labelsAreReadAsBrowsersReadThem(String label, String charset) {
        assertThat(CharsetNames.forLabel(label)).isEqualTo(Charset.forName(charset));
    }

    @Test
    void unknownAndMalformedLabelsNameNoCharset() {
        assertThat(CharsetNames.forLabel("x-no-such-charset")).isNull();
        assertThat(CharsetNames.forLabel("utf 8?")).isNull();
        assertThat(CharsetNames.forLabel(null)).isNull();
    }

    @Test
    void theCharsetOfAContentTypeHeader() {
        assertThat(CharsetNames.ofContentType("text/html; charset=UTF-8")).isEqualTo("UTF-8");
        assertThat(CharsetNames.ofContentType("application/rss+xml;Charset=\"iso-8859-1\"")).isEqualTo("iso-8859-1");
        assertThat(CharsetNames.ofContentType("text/html")).isNull();
        assertThat(CharsetNames.ofContentType(null)).isNull();
    }

    @Test
    void theEncodingOfAnXmlDeclaration() {
        assertThat(CharsetNames.ofXmlDeclaration("<?xml version=\"1.0\" encoding=\"KOI8-R\"?><rss>")).isEqualTo("KOI8-R");
        assertThat(CharsetNames.ofXmlDeclaration("\n  <?xml version='1.0' encoding='utf-8'?>")).isEqualTo("utf-8");
        // Pages read these before feeds did: an upper-case declaration, a quote left open.
        assertThat(CharsetNames.ofXmlDeclaration("<?XML VERSION=\"1.0\" ENCODING=\"windows-1252\"?>")).isEqualTo("windows-1252");
        assertThat(CharsetNames.ofXmlDeclaration("<?xml version=\"1.0\" encoding=\"utf-8?>")).isEqualTo("utf-8");
        assertThat(CharsetNames.ofXmlDeclaration("<rss><?xml version=\"1.0\" encoding=\"utf-8\"?>")).isNull();
        assertThat(CharsetNames.ofXmlDeclaration("<?xml version=\"1.0\"?><rss encoding=\"utf-8\">")).isNull();
    }

    @Test
    void wideAndSingleByteCharsets() {
        assertThat(CharsetNames.isWide(StandardCharsets.UTF_16LE)).isTrue();
        assertThat(CharsetNames.isWide(Charset.forName("UTF-32"))).isTrue();
        assertThat(CharsetNames.isWide(StandardCharsets.UTF_8)).isFalse();
        assertThat(CharsetNames.isSingleByte(CharsetNames.WINDOWS_1252)).isTrue();
        assertThat(CharsetNames.isSingleByte(Charset.forName("KOI8-R"))).isTrue();
        assertThat(CharsetNames.isSingleByte(StandardCharsets.US_ASCII)).isFalse();
        assertThat(CharsetNames.isSingleByte(StandardCharsets.UTF_8)).isFalse();
        // A charset Java can decode but not encode is no single-byte charset, and no crash.
        assertThat(CharsetNames.isSingleByte(Charset.forName("ISO-2022-CN"))).isFalse();
    }
}
