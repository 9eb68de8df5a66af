package org.tidings.feed;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tidings.charset.ByteOrderMark;
import org.tidings.charset.Decoder;

/**
 * Turns the bytes of a feed into text as the Universal Feed Parser does (RFC 3023 and 7303): the
 * media type decides between the HTTP charset, the XML declaration and the byte-order mark
 * ({@code text/*} without a charset means us-ascii, {@code application/*xml} the declaration, no
 * header at all the declaration or UTF-8); when that encoding does not decode the bytes, the
 * declaration, the mark, UTF-8, windows-1252 and ISO-8859-2 are tried in turn and the override is
 * reported (bozo). The reported encoding is the name used, lower-case, as the document or server wrote it.
 * A document served with a media type that is not XML is bozo too.
 */
final class FeedDecoding {

    /** Bytes of the prolog searched for an encoding declaration: a prolog longer than this is not real. */
    private static final int PROLOG_WINDOW = 512;
    private static final Pattern XML_DECLARATION_ENCODING = Pattern.compile("^<\\?[^>]*?encoding=['\"](.*?)['\"].*?\\?>");
    private static final Set<String> WIDE_LABELS = Set.of("u16", "utf-16", "utf16", "utf_16", "u32", "utf-32", "utf32",
            "utf_32", "iso-10646-ucs-2", "iso-10646-ucs-4", "csucs4", "csunicode", "ucs-2", "ucs-4");
    private static final Set<String> XML_TYPES = Set.of("application/xml", "application/xml-dtd",
            "application/xml-external-parsed-entity", "text/xml", "text/xml-external-parsed-entity");
    private static final Set<String> JSON_TYPES = Set.of("application/feed+json", "application/json");

    record Decoded(String text, String encoding, List<String> problems) {}

    private FeedDecoding() {}

    static Decoded decode(byte[] body, String contentType) {
        List<String> problems = new ArrayList<>();
        ByteOrderMark mark = ByteOrderMark.of(body);
        int offset = mark == null ? 0 : mark.length();
        String bom = mark != null ? label(mark.charset()) : markerEncoding(body);
        String declared = declaredEncoding(body, offset, bom);
        String proposed = proposedEncoding(contentType, declared, problems);
        Set<String> candidates = new LinkedHashSet<>();
        for (String c : new String[] {proposed, declared, bom, "utf-8", "windows-1252", "iso-8859-2"}) {
            if (c != null && !c.isEmpty()) candidates.add(c);
        }
        for (String candidate : candidates) {
            Charset charset = EncodingLabels.charset(candidate);
            String text = charset == null ? null : Decoder.strictly(body, offset, body.length, charset);
            if (text == null) continue;
            if (!candidate.equals(proposed)) {
                problems.add("CharacterEncodingOverride: document declared as " + proposed + ", but parsed as " + candidate);
            }
            boolean asDeclared = candidate.equals(declared) && candidate.equals(proposed) && !candidate.equals("utf-8");
            return new Decoded(Mojibake.repair(text, !asDeclared, problems), candidate, problems);
        }
        problems.add("CharacterEncodingUnknown: document encoding unknown");
        return new Decoded("", "", problems);
    }

    /**
     * The encoding RFC 3023 gives the document from its media type; a media type that is not XML (or a
     * header without one) is a problem.
     */
    private static String proposedEncoding(String contentType, String declared, List<String> problems) {
        if (contentType == null) return declared != null ? declared : "utf-8";
        String[] parts = contentType.split(";");
        String type = parts[0].strip().toLowerCase(Locale.ROOT);
        String charset = null;
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq > 0 && parts[i].substring(0, eq).strip().equalsIgnoreCase("charset")) {
                charset = parts[i].substring(eq + 1).strip().replaceAll("^[\"']+|[\"']+$", "").toLowerCase(Locale.ROOT);
            }
        }
        if (charset != null && charset.isEmpty()) charset = null;
        boolean applicationXml = type.startsWith("application/") && (type.endsWith("+xml") || XML_TYPES.contains(type));
        boolean textXml = type.startsWith("text/") && (type.endsWith("+xml") || XML_TYPES.contains(type));
        boolean json = JSON_TYPES.contains(type) || (type.startsWith("application/") && type.endsWith("+json"));
        if (!applicationXml && !textXml && !json) {
            problems.add("NonXMLContentType: " + (type.isEmpty() ? "no Content-type specified" : contentType.strip() + " is not an XML media type"));
        }
        String encoding;
        if (applicationXml) encoding = firstNonNull(charset, declared, "utf-8");
        else if (json) encoding = firstNonNull(charset, "utf-8", null);
        else if (type.startsWith("text/")) encoding = firstNonNull(charset, "us-ascii", null);
        else if (type.isEmpty()) encoding = firstNonNull(declared, "iso-8859-1", null);
        else encoding = firstNonNull(declared, "utf-8", null);
        return encoding.equals("gb2312") ? "gb18030" : encoding;
    }

    private static String firstNonNull(String a, String b, String c) {
        return a != null ? a : b != null ? b : c;
    }

    /** The encoding of the XML declaration, lower-case; a UTF-16/32 name under a byte-order mark is the mark's. */
    private static String declaredEncoding(byte[] body, int from, String bom) {
        int len = Math.min(PROLOG_WINDOW, body.length - from);
        Charset prolog = bom == null ? StandardCharsets.ISO_8859_1 : EncodingLabels.charset(bom);
        Matcher m = XML_DECLARATION_ENCODING.matcher(new String(body, from, len, prolog));
        if (!m.find()) return null;
        String declared = m.group(1).strip().toLowerCase(Locale.ROOT);
        if (bom != null && WIDE_LABELS.contains(declared)) return bom;
        if (declared.isEmpty()) return null;
        return declared.equals("gb2312") ? "gb18030" : declared;
    }

    private static String label(Charset charset) {
        return charset.name().toLowerCase(Locale.ROOT);
    }

    /** XML 1.0 appendix F: the first characters "<?" in a wide or EBCDIC encoding without a byte-order mark. */
    private static String markerEncoding(byte[] b) {
        if (b.length < 4) return null;
        int word = ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        return switch (word) {
            case 0x003C003F -> "utf-16be";
            case 0x3C003F00 -> "utf-16le";
            case 0x0000003C -> "utf-32be";
            case 0x3C000000 -> "utf-32le";
            case 0x4C6FA794 -> "cp037";
            default -> null;
        };
    }
}
