package org.tidings.charset;

/**
 * What bytes say about UTF-8. Valid multi-byte UTF-8 is almost never produced by accident in a
 * legacy encoding, so it outweighs a declaration; bytes that are mostly valid UTF-8 with a few
 * strays are a UTF-8 document with pasted-in windows-1252 text.
 */
public final class Utf8 {

    private Utf8() {}

    public static boolean isAscii(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) if (bytes[i] < 0) return false;
        return true;
    }

    /** True when valid multi-byte sequences outnumber the bytes that start none. */
    public static boolean isMostlyValid(byte[] bytes, int from) {
        int valid = 0;
        int invalid = 0;
        int i = from;
        while (i < bytes.length) {
            int len = sequenceLength(bytes, i);
            if (len > 1) valid++;
            else if (len < 0) invalid++;
            i += Math.abs(len);
        }
        return valid > invalid;
    }

    /**
     * Where the bytes end without their last multi-byte sequence when it starts in the last three
     * bytes: a document cut at a size limit may end inside one, which says nothing of its encoding.
     */
    public static int endBeforeTrailingSequence(byte[] bytes) {
        for (int i = bytes.length - 1; i >= Math.max(0, bytes.length - 3); i--) {
            int b = bytes[i] & 0xff;
            if (b < 0x80) break;
            if (b >= 0xC0) return i;
        }
        return bytes.length;
    }

    /** Length of the valid UTF-8 sequence at i, or -1 when the byte at i does not start one. */
    static int sequenceLength(byte[] bytes, int i) {
        int c = bytes[i] & 0xff;
        int need = c < 0x80 ? 0 : c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : -1;
        if (need < 0) return -1;
        if (i + need >= bytes.length) return need == 0 ? 1 : -1;
        for (int k = 1; k <= need; k++) if ((bytes[i + k] & 0xC0) != 0x80) return -1;
        return need + 1;
    }
}
