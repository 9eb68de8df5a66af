package org.tidings.html;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tidings.charset.ByteOrderMark;
import org.tidings.charset.CharsetNames;
import org.tidings.charset.Decoder;
import org.tidings.charset.Utf8;

/**
 * Turns the bytes of a page into text without mojibake. Evidence: byte-order mark, the HTTP header,
 * an XML declaration or {@code <meta charset>} in the first bytes, then sniffing; bytes that
 * contradict a declaration win. Article extraction and feed discovery both read pages through it.
 */
public final class PageDecoder {

    /** The longest news pages seen are ~1.5 MB; the cut bounds memory and time on hostile input. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;

    /** The HTML spec pre-scans 1024 bytes, but real pages put long scripts before the meta. */
    private static final int PRESCAN_BYTES = 16 * 1024;

    private static final Pattern META_CHARSET = Pattern.compile(
            "(?i)<meta[^>]{0,200}?charset\\s*=\\s*[\"']?\\s*([a-z0-9_:.\\-]+)");

    private PageDecoder() {}

    /** The text of {@code body} (cut at {@link #MAX_BYTES}); never null, never throws. */
    public static String decode(byte[] body, String contentType) {
        if (body == null || body.length == 0) return "";
        byte[] bytes = body.length > MAX_BYTES ? Arrays.copyOf(body, MAX_BYTES) : body;
        ByteOrderMark bom = ByteOrderMark.of(bytes);
        if (bom != null) return new String(bytes, bom.length(), bytes.length - bom.length(), bom.charset());
        return decodeChecked(bytes, declaredCharset(contentType, bytes));
    }

    private static Charset declaredCharset(String contentType, byte[] bytes) {
        Charset header = usable(CharsetNames.ofContentType(contentType));
        if (header != null) return header;
        String head = new String(bytes, 0, Math.min(bytes.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
        Charset xml = usable(CharsetNames.ofXmlDeclaration(head));
        if (xml != null) return xml;
        Matcher meta = META_CHARSET.matcher(head);
        return meta.find() ? usable(meta.group(1)) : null;
    }

    /** Not UTF-16/32: without a byte-order mark, ASCII-compatible bytes read that way are CJK garbage. */
    private static Charset usable(String label) {
        Charset charset = CharsetNames.forLabel(label);
        return charset == null || CharsetNames.isWide(charset) ? null : charset;
    }

    /**
     * Valid multi-byte UTF-8 beats another declaration (latin-1 default headers, re-encoded pages; real
     * legacy text is practically never valid UTF-8), and so does mostly valid UTF-8 under a single-byte
     * one. Invalid UTF-8 is read as UTF-8 with its stray bytes as windows-1252.
     */
    private static String decodeChecked(byte[] bytes, Charset declared) {
        int end = Utf8.endBeforeTrailingSequence(bytes);
        String utf8 = Decoder.strictly(bytes, 0, end, StandardCharsets.UTF_8);
        if (declared != null && !declared.equals(StandardCharsets.UTF_8)) {
            boolean bytesSayUtf8 = utf8 != null ? !Utf8.isAscii(bytes, 0)
                    : CharsetNames.isSingleByte(declared) && Utf8.isMostlyValid(bytes, 0);
            if (!bytesSayUtf8) return new String(bytes, declared);
        }
        if (utf8 == null) return Decoder.mixed(bytes, 0);
        return end == bytes.length ? utf8 : new String(bytes, StandardCharsets.UTF_8);
    }
}
