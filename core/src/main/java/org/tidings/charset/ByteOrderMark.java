package org.tidings.charset;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** A byte-order mark at the start of a document: the charset it announces and how many bytes it takes. */
public record ByteOrderMark(Charset charset, int length) {

    /** The mark {@code bytes} start with (UTF-8, UTF-16 or UTF-32, either byte order), or null. */
    public static ByteOrderMark of(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) return new ByteOrderMark(StandardCharsets.UTF_8, 3);
        if (startsWith(bytes, 0x00, 0x00, 0xFE, 0xFF)) return new ByteOrderMark(Charset.forName("UTF-32BE"), 4);
        if (startsWith(bytes, 0xFF, 0xFE, 0x00, 0x00)) return new ByteOrderMark(Charset.forName("UTF-32LE"), 4);
        if (startsWith(bytes, 0xFE, 0xFF)) return new ByteOrderMark(StandardCharsets.UTF_16BE, 2);
        if (startsWith(bytes, 0xFF, 0xFE)) return new ByteOrderMark(StandardCharsets.UTF_16LE, 2);
        return null;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if ((bytes[i] & 0xff) != prefix[i]) return false;
        return true;
    }
}
