package org.tidings.feed;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.tidings.charset.Decoder;

/**
 * Two repairs of decoded feed text. C1 control characters (U+0080-U+009F), which no feed means, are
 * the windows-1252 punctuation a producer wrote as ISO-8859-1: they become that punctuation. And
 * UTF-8 that was read as ISO-8859-1 or windows-1252 and encoded as UTF-8 again ("â€™" for "’")
 * becomes the characters meant, when the text was not decoded as its own declaration asks.
 */
final class Mojibake {

    /** windows-1252 characters for the bytes 0x80-0x9F; the five bytes it leaves undefined stay themselves. */
    private static final String WINDOWS_1252_HIGH =
            "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F"
            + "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

    private Mojibake() {}

    /** {@code text} repaired; a double encoding undone (only when {@code undouble}) is recorded as a problem. */
    static String repair(String text, boolean undouble, List<String> problems) {
        int first = firstSuspect(text, undouble);
        if (first < 0) return text;
        StringBuilder out = new StringBuilder(text.length()).append(text, 0, first);
        boolean undone = false;
        int i = first;
        while (i < text.length()) {
            char c = text.charAt(i);
            int length = undouble ? doubledLength(text, i) : 0;
            if (length > 0) {
                out.append(undoubled(text, i, length));
                undone = true;
                i += length;
                continue;
            }
            out.append(c >= 0x80 && c <= 0x9F ? WINDOWS_1252_HIGH.charAt(c - 0x80) : c);
            i++;
        }
        if (undone) problems.add("CharacterEncodingOverride: double-encoded UTF-8 repaired");
        return out.toString();
    }

    /** The windows-1252 character of a C1 control in a character reference, else the code point itself. */
    static int windows1252(int codePoint) {
        return codePoint >= 0x80 && codePoint <= 0x9F ? WINDOWS_1252_HIGH.charAt(codePoint - 0x80) : codePoint;
    }

    private static int firstSuspect(String text, boolean undouble) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= 0x80 && c <= 0x9F) || (undouble && c >= 0xC2 && c <= 0xF4)) return i;
        }
        return -1;
    }

    /** The length of a UTF-8 sequence spelt as single-byte characters at {@code i}, or 0. */
    private static int doubledLength(String text, int i) {
        char lead = text.charAt(i);
        int length = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
        if (length == 0 || i + length > text.length()) return 0;
        for (int k = 1; k < length; k++) {
            int b = byteOf(text.charAt(i + k));
            if (b < 0x80 || b > 0xBF) return 0;
        }
        return undoubled(text, i, length) == null ? 0 : length;
    }

    private static String undoubled(String text, int i, int length) {
        byte[] bytes = new byte[length];
        for (int k = 0; k < length; k++) bytes[k] = (byte) byteOf(text.charAt(i + k));
        return Decoder.strictly(bytes, 0, length, StandardCharsets.UTF_8);
    }

    /** The byte a character stands for in ISO-8859-1 or windows-1252, or -1. */
    private static int byteOf(char c) {
        if (c <= 0xFF) return c;
        int at = WINDOWS_1252_HIGH.indexOf(c);
        return at < 0 ? -1 : 0x80 + at;
    }
}
