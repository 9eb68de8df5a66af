package org.tidings.extract;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the bytes of a page into text without mojibake. Order of evidence: byte-order mark, the
 * HTTP header's charset, a {@code <meta charset>} (or http-equiv, or XML declaration) in the first
 * bytes, then sniffing; a declaration that the bytes contradict loses to the bytes.
 */
final class PageDecoder {

    /** Pages beyond this size are cut: the longest news pages we have seen are ~1.5 MB, and the
     * article text sits in the first megabytes. Bounds memory and time on hostile input. */
    static final int MAX_BYTES = 4 * 1024 * 1024;

    /** How far to look for a charset declaration: the HTML spec pre-scans 1024 bytes; real pages
     * put long scripts before the meta, so we look further. */
    private static final int PRESCAN_BYTES = 16 * 1024;

    private static final Pattern META_CHARSET = Pattern.compile(
            "(?i)<meta[^>]{0,200}?charset\\s*=\\s*[\"']?\\s*([a-z0-9_:.\\-]+)");
    private static final Pattern XML_ENCODING = Pattern.compile(
            "(?i)^\\s*<\\?xml[^>]{0,100}encoding\\s*=\\s*[\"']([a-z0-9_.\\-]+)");
    private static final Pattern HEADER_CHARSET = Pattern.compile("(?i)charset\\s*=\\s*[\"']?([a-z0-9_:.\\-]+)");

    private PageDecoder() {}

    static String decode(byte[] body, String contentType) {
        if (body == null || body.length == 0) return "";
        byte[] bytes = body.length > MAX_BYTES ? Arrays.copyOf(body, MAX_BYTES) : body;
        Charset bom = bomCharset(bytes);
        if (bom != null) return new String(bytes, bomLength(bytes), bytes.length - bomLength(bytes), bom);
        Charset declared = declaredCharset(contentType, bytes);
        return decodeChecked(bytes, declared);
    }

    private static Charset bomCharset(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF)
            return StandardCharsets.UTF_8;
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) return StandardCharsets.UTF_16BE;
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) return StandardCharsets.UTF_16LE;
        return null;
    }

    private static int bomLength(byte[] b) {
        return (b[0] & 0xff) == 0xEF ? 3 : 2;
    }

    private static Charset declaredCharset(String contentType, byte[] bytes) {
        Charset header = contentType == null ? null : find(HEADER_CHARSET, contentType);
        if (header != null) return header;
        String head = new String(bytes, 0, Math.min(bytes.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
        Charset xml = find(XML_ENCODING, head);
        return xml != null ? xml : find(META_CHARSET, head);
    }

    private static Charset find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? charsetNamed(m.group(1)) : null;
    }

    /** WHATWG aliases: latin-1 and ASCII labels mean windows-1252 on the web. */
    static Charset charsetNamed(String name) {
        String label = name.trim().toLowerCase(Locale.ROOT);
        if (label.equals("iso-8859-1") || label.equals("latin1") || label.equals("us-ascii")
                || label.equals("ascii") || label.equals("iso8859-1") || label.equals("l1")) {
            label = "windows-1252";
        }
        if (label.equals("utf8")) label = "utf-8";
        if (label.equals("gb2312") || label.equals("gbk")) label = "gb18030";
        try {
            return Charset.forName(label);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Decodes with the declared charset unless the bytes contradict it: valid multi-byte UTF-8 under
     * another declaration is UTF-8 (servers default to latin-1 headers, pages get re-encoded without
     * updating their meta; real legacy-encoded text is practically never valid UTF-8), and invalid UTF-8
     * under a UTF-8 declaration is windows-1252 (legacy pages copied into UTF-8 templates).
     */
    private static String decodeChecked(byte[] bytes, Charset declared) {
        boolean validUtf8 = isValidUtf8(bytes);
        if (declared == null) {
            return new String(bytes, validUtf8 ? StandardCharsets.UTF_8 : Charset.forName("windows-1252"));
        }
        if (declared.equals(StandardCharsets.UTF_8)) {
            return validUtf8 || !mostlyInvalidUtf8(bytes) ? new String(bytes, StandardCharsets.UTF_8)
                    : new String(bytes, Charset.forName("windows-1252"));
        }
        if (validUtf8 && hasNonAscii(bytes)) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return new String(bytes, declared);
    }

    private static boolean hasNonAscii(byte[] bytes) {
        for (byte b : bytes) if (b < 0) return true;
        return false;
    }

    /** True when the bytes decode as UTF-8, allowing a sequence cut at the very end (truncation). */
    private static boolean isValidUtf8(byte[] bytes) {
        int end = bytes.length;
        int cut = Math.max(0, end - 3);
        for (int i = end - 1; i >= cut; i--) {
            int b = bytes[i] & 0xff;
            if (b < 0x80) break;
            if (b >= 0xC0) {
                end = i;
                break;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** At least one bad sequence per ten non-ASCII bytes: in a windows-1252 page nearly every
     * non-ASCII byte is a bad sequence, while a stray bad byte in a real UTF-8 page must not flip the
     * whole page to windows-1252. */
    private static boolean mostlyInvalidUtf8(byte[] bytes) {
        int nonAscii = 0;
        int invalid = 0;
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xff;
            if (b < 0x80) {
                i++;
                continue;
            }
            nonAscii++;
            int len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 0;
            if (len == 0 || !continuationBytes(bytes, i + 1, len - 1)) {
                invalid++;
                i++;
            } else {
                i += len;
            }
        }
        return invalid > 0 && invalid * 10 >= nonAscii;
    }

    private static boolean continuationBytes(byte[] bytes, int from, int count) {
        if (from + count > bytes.length) return true;
        for (int k = from; k < from + count; k++) if ((bytes[k] & 0xC0) != 0x80) return false;
        return true;
    }
}
