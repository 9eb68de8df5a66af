package org.tidings.charset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ByteOrderMarkTest {

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) out[i] = (byte) values[i];
        return out;
    }

    @Test
    void eachMarkGivesItsCharsetAndLength() {
        assertThat(ByteOrderMark.of(bytes(0xEF, 0xBB, 0xBF, '<'))).isEqualTo(new ByteOrderMark(StandardCharsets.UTF_8, 3));
        assertThat(ByteOrderMark.of(bytes(0xFE, 0xFF, 0, '<'))).isEqualTo(new ByteOrderMark(StandardCharsets.UTF_16BE, 2));
        assertThat(ByteOrderMark.of(bytes(0xFF, 0xFE, '<', 0))).isEqualTo(new ByteOrderMark(StandardCharsets.UTF_16LE, 2));
        assertThat(ByteOrderMark.of(bytes(0, 0, 0xFE, 0xFF))).isEqualTo(new ByteOrderMark(Charset.forName("UTF-32BE"), 4));
        assertThat(ByteOrderMark.of(bytes(0xFF, 0xFE, 0, 0))).isEqualTo(new ByteOrderMark(Charset.forName("UTF-32LE"), 4));
    }

    @Test
    void noMark() {
        assertThat(ByteOrderMark.of(bytes('<', '?', 'x', 'm'))).isNull();
        assertThat(ByteOrderMark.of(bytes(0xEF, 0xBB))).isNull();
        assertThat(ByteOrderMark.of(new byte[0])).isNull();
    }
}
