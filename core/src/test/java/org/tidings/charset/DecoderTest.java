package org.tidings.charset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Decoding, and the UTF-8 evidence it is chosen by ({@link Utf8}). */
class DecoderTest {

    private static final Charset CP1252 = CharsetNames.WINDOWS_1252;

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) out.writeBytes(part);
        return out.toByteArray();
    }

    @Test
    void strictDecodingFailsOnBytesInvalidInTheCharset() {
        byte[] utf8 = "naïve café".getBytes(StandardCharsets.UTF_8);
        assertThat(Decoder.strictly(utf8, 0, utf8.length, StandardCharsets.UTF_8)).isEqualTo("naïve café");
        assertThat(Decoder.strictly(utf8, 2, utf8.length, StandardCharsets.UTF_8)).isEqualTo("ïve café");
        byte[] latin = "naïve".getBytes(CP1252);
        assertThat(Decoder.strictly(latin, 0, latin.length, StandardCharsets.UTF_8)).isNull();
        assertThat(Decoder.strictly(new byte[] {'a', (byte) 0x81}, 0, 2, CP1252)).as("0x81 is unassigned").isNull();
        assertThat(Decoder.strictly(new byte[] {'a', 'b', 'c'}, 1, 2, StandardCharsets.UTF_8)).isEqualTo("b");
    }

    @Test
    void mixedDecodingReadsUtf8RunsAndStrayWindows1252Bytes() {
        byte[] body = concat("Grüße, ".getBytes(StandardCharsets.UTF_8), "déjà vu".getBytes(CP1252), " — naïve".getBytes(StandardCharsets.UTF_8));
        assertThat(Decoder.mixed(body, 0)).isEqualTo("Grüße, déjà vu — naïve");
        assertThat(Decoder.mixed("€".getBytes(CP1252), 0)).isEqualTo("€");
        assertThat(Decoder.mixed("abc".getBytes(StandardCharsets.UTF_8), 1)).isEqualTo("bc");
    }

    @Test
    void utf8Evidence() {
        byte[] utf8WithStray = concat("Grüße, naïve ".getBytes(StandardCharsets.UTF_8), "é".getBytes(CP1252));
        assertThat(Utf8.isMostlyValid(utf8WithStray, 0)).isTrue();
        assertThat(Utf8.isMostlyValid("Grüße, déjà vu".getBytes(CP1252), 0)).isFalse();
        assertThat(Utf8.isMostlyValid("plain".getBytes(StandardCharsets.UTF_8), 0)).isFalse();
        assertThat(Utf8.isAscii("plain".getBytes(StandardCharsets.UTF_8), 0)).isTrue();
        assertThat(Utf8.isAscii("é".getBytes(StandardCharsets.UTF_8), 0)).isFalse();
    }

    @Test
    void aSequenceCutAtTheEndIsSetAside() {
        byte[] euro = "ab€".getBytes(StandardCharsets.UTF_8);
        assertThat(Utf8.endBeforeTrailingSequence(euro)).isEqualTo(2);
        assertThat(Utf8.endBeforeTrailingSequence(java.util.Arrays.copyOf(euro, 4))).isEqualTo(2);
        assertThat(Utf8.endBeforeTrailingSequence("abc".getBytes(StandardCharsets.UTF_8))).isEqualTo(3);
    }
}
