package org.tidings.charset;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Bytes to text: strictly in one charset, or as UTF-8 whose stray bytes are windows-1252. */
public final class Decoder {

    private Decoder() {}

    /** The bytes from {@code from} to {@code to} in {@code charset}, or null when they are not valid in it. */
    public static String strictly(byte[] bytes, int from, int to, Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8) && Utf8.isAscii(bytes, from)) {
            return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
        }
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, to - from))
                    .toString();
        } catch (CharacterCodingException | RuntimeException e) {
            return null;
        }
    }

    /** Runs of valid UTF-8 as UTF-8, every other byte as windows-1252: mixed documents lose nothing. */
    public static String mixed(byte[] bytes, int from) {
        StringBuilder out = new StringBuilder(bytes.length - from);
        int run = from;
        int i = from;
        while (i < bytes.length) {
            int len = Utf8.sequenceLength(bytes, i);
            if (len > 0) {
                i += len;
                continue;
            }
            out.append(new String(bytes, run, i - run, StandardCharsets.UTF_8));
            out.append(new String(bytes, i, 1, CharsetNames.WINDOWS_1252));
            run = ++i;
        }
        return out.append(new String(bytes, run, i - run, StandardCharsets.UTF_8)).toString();
    }
}
