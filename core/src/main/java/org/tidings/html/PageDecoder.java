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
 * Turns the bytes of a page into text without mojibake. Order of evidence: byte-order mark, the
 * HTTP header's charset, an XML declaration or a {@code <meta charset>} (or http-equiv) in the first
 * bytes, then sniffing; a declaration that the bytes contradict loses to the bytes. The pieces
 * shared with feeds (marks, labels, UTF-8 evidence, decoding) are {@link org.tidings.charset}'s.
 * Article extraction and feed discovery both read pages through it.
 */
public final class PageDecoder {

    /** Pages beyond this size are cut: the longest news pages we have seen are ~1.5 MB, and the
     * article text sits in the first megabytes. Bounds memory and time on hostile input. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;

    /** How far to look for a charset declaration: the HTML spec pre-scans 1024 bytes; real pages
     * put long scripts before the meta, so we look further. */
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

    /** A known charset, except UTF-16/32: without a byte-order mark, the page's ASCII-compatible
     * bytes read that way would be CJK garbage. */
    private static Charset usable(String label) {
        Charset charset = CharsetNames.forLabel(label);
        return charset == null || CharsetNames.isWide(charset) ? null : charset;
    }

    /**
     * Decodes with the declared charset unless the bytes contradict it: valid multi-byte UTF-8 under
     * another declaration is UTF-8 (servers default to latin-1 headers, pages get re-encoded without
     * updating their meta; real legacy-encoded text is practically never valid UTF-8), and so is
     * mostly valid UTF-8 under a single-byte one. Invalid UTF-8 is read as UTF-8 with its stray bytes
     * as windows-1252 (legacy text copied into UTF-8 templates, or a legacy page without declaration).
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
