package org.tidings.feed;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tidings.charset.ByteOrderMark;
import org.tidings.charset.CharsetNames;
import org.tidings.charset.Decoder;
import org.tidings.charset.Utf8;

/**
 * Turns the bytes of a feed into text. Candidates in order: byte-order mark (or UTF-16 seen in the
 * XML declaration's bytes), HTTP charset, XML declaration, UTF-8; the first that decodes without
 * error wins. A disagreement between what was declared and what was used is reported (bozo).
 */
final class FeedDecoding {

    /** Bytes of the prolog searched for an encoding declaration: a prolog longer than this is not real. */
    private static final int PROLOG_WINDOW = 512;
    private static final String MIXED = "CharacterEncodingOverride: mixed encodings; invalid UTF-8 bytes read as windows-1252";

    record Decoded(String text, String encoding, List<String> problems) {}

    private FeedDecoding() {}

    static Decoded decode(byte[] body, String contentType) {
        List<String> problems = new ArrayList<>();
        ByteOrderMark mark = ByteOrderMark.of(body);
        int offset = mark == null ? 0 : mark.length();
        Charset bom = mark != null ? mark.charset() : utf16WithoutMark(body);
        String http = CharsetNames.ofContentType(contentType);
        String declared = declaredCharset(body, offset, bom);
        Set<Charset> candidates = new LinkedHashSet<>();
        if (bom != null) candidates.add(bom);
        addKnown(candidates, http, "HTTP charset", bom, problems);
        addKnown(candidates, declared, "declared encoding", bom, problems);
        candidates.add(StandardCharsets.UTF_8);
        Charset first = candidates.iterator().next();
        if (CharsetNames.isSingleByte(first) && !Utf8.isAscii(body, offset)) {
            // A single-byte charset declared first, but the bytes are UTF-8: commonly a server's
            // default ISO-8859-1 header on a UTF-8 feed, or a UTF-8 feed with pasted-in Latin-1.
            if (Decoder.strictly(body, offset, body.length, StandardCharsets.UTF_8) != null) candidates.remove(first);
            else if (Utf8.isMostlyValid(body, offset)) return mixed(body, offset, problems);
        }
        for (Charset charset : candidates) {
            String text = Decoder.strictly(body, offset, body.length, charset);
            if (text == null) continue;
            noteOverride(charset, http, declared, bom, problems);
            noteNonAscii(body, offset, http != null ? http : declared, problems);
            return new Decoded(text, label(charset), problems);
        }
        return lastResort(body, offset, declared != null ? declared : http, problems);
    }

    /** Invalid in every candidate: UTF-16 if the bytes are not ASCII-compatible, else mixed UTF-8 or windows-1252. */
    private static Decoded lastResort(byte[] body, int offset, String declared, List<String> problems) {
        if (!looksAsciiCompatible(body)) {
            problems.add("CharacterEncodingOverride: document is not valid in any declared encoding; read as UTF-16");
            return new Decoded(new String(body, offset, body.length - offset, StandardCharsets.UTF_16), "utf-16", problems);
        }
        if (Utf8.isMostlyValid(body, offset)) return mixed(body, offset, problems);
        String reason = declared == null ? "no encoding declared" : "document declared as " + declared;
        problems.add("CharacterEncodingOverride: " + reason + ", but parsed as windows-1252");
        return new Decoded(new String(body, offset, body.length - offset, CharsetNames.WINDOWS_1252), "windows-1252", problems);
    }

    private static Decoded mixed(byte[] body, int offset, List<String> problems) {
        problems.add(MIXED);
        return new Decoded(Decoder.mixed(body, offset), "utf-8", problems);
    }

    private static void noteOverride(Charset used, String http, String declared, Charset bom, List<String> problems) {
        if (http != null && !sameCharset(http, used)) {
            problems.add("CharacterEncodingOverride: HTTP charset " + http.toLowerCase(Locale.ROOT)
                    + " disagrees with the document; parsed as " + label(used));
        } else if (declared != null && !sameCharset(declared, used) && !(bom != null && isUtf16(declared))) {
            problems.add("CharacterEncodingOverride: document declared as " + declared.toLowerCase(Locale.ROOT)
                    + ", but parsed as " + label(used));
        }
    }

    /** us-ascii is read as windows-1252 (a superset), but bytes above 127 contradict the declaration. */
    private static void noteNonAscii(byte[] body, int offset, String declared, List<String> problems) {
        if (declared == null || !declared.toLowerCase(Locale.ROOT).matches("(us-)?ascii") || Utf8.isAscii(body, offset)) return;
        if (problems.isEmpty()) problems.add("CharacterEncodingOverride: document declared as us-ascii contains non-ASCII bytes");
    }

    /**
     * A UTF-16/32 declaration without such a byte-order mark or "<?" pattern is wrong (the bytes are
     * ASCII-compatible): decoding them that way "succeeds" into CJK garbage, so it is skipped.
     */
    private static void addKnown(Set<Charset> candidates, String name, String what, Charset bom, List<String> problems) {
        if (name == null) return;
        Charset charset = CharsetNames.forLabel(name);
        if (charset == null) {
            problems.add("CharacterEncodingUnknown: " + what + " " + name + " is not supported");
        } else if (bom == null && CharsetNames.isWide(charset)) {
            problems.add("CharacterEncodingOverride: " + what + " " + name + " contradicts ASCII-compatible bytes");
        } else {
            candidates.add(charset);
        }
    }

    private static boolean sameCharset(String declared, Charset used) {
        return used.equals(CharsetNames.forLabel(declared)) || (isUtf16(declared) && used.name().startsWith("UTF-16"));
    }

    private static boolean isUtf16(String label) {
        return label.toLowerCase(Locale.ROOT).startsWith("utf-16");
    }

    private static String label(Charset charset) {
        return charset.name().toLowerCase(Locale.ROOT);
    }

    /** XML 1.0 appendix F: "<?" as UTF-16 without a byte-order mark. */
    private static Charset utf16WithoutMark(byte[] b) {
        if (b.length < 4) return null;
        if (b[0] == 0 && b[1] == '<' && b[2] == 0 && b[3] == '?') return StandardCharsets.UTF_16BE;
        if (b[0] == '<' && b[1] == 0 && b[2] == '?' && b[3] == 0) return StandardCharsets.UTF_16LE;
        return null;
    }

    private static String declaredCharset(byte[] body, int from, Charset bom) {
        int len = Math.min(PROLOG_WINDOW, body.length - from);
        boolean utf16 = bom != null && bom.name().startsWith("UTF-16");
        return CharsetNames.ofXmlDeclaration(new String(body, from, len, utf16 ? bom : StandardCharsets.ISO_8859_1));
    }

    private static boolean looksAsciiCompatible(byte[] body) {
        int zeros = 0;
        int limit = Math.min(body.length, 1024);
        for (int i = 0; i < limit; i++) if (body[i] == 0) zeros++;
        return zeros * 4 < limit;
    }
}
