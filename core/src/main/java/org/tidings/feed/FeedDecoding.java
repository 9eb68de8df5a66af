package org.tidings.feed;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the bytes of a feed into text. Candidates in order: byte-order mark, HTTP charset, XML
 * declaration, UTF-8, windows-1252; the first that decodes without error wins. Any disagreement
 * between what was declared and what was used is reported (the feed is then "bozo").
 */
final class FeedDecoding {

    /** Bytes of the prolog searched for an encoding declaration: a prolog longer than this is not real. */
    private static final int PROLOG_WINDOW = 512;

    private static final Pattern DECLARED = Pattern.compile(
            "^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:()-]+)[\"']");
    private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]+)");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    record Decoded(String text, String encoding, List<String> problems) {}

    private FeedDecoding() {}

    static Decoded decode(byte[] body, String contentType) {
        List<String> problems = new ArrayList<>();
        int bomLength = bomLength(body);
        String bom = bomCharset(body);
        String http = httpCharset(contentType);
        String declared = declaredCharset(body, bom);
        Set<String> candidates = new LinkedHashSet<>();
        if (bom != null) candidates.add(bom);
        addKnown(candidates, http, "HTTP charset", bom, problems);
        addKnown(candidates, declared, "declared encoding", bom, problems);
        candidates.add("UTF-8");
        if (prefersUtf8(body, bomLength, candidates)) candidates.remove(firstSingleByte(candidates));
        if (isMixed(body, bomLength, candidates)) {
            problems.add("CharacterEncodingOverride: mixed encodings; invalid UTF-8 bytes read as windows-1252");
            return new Decoded(decodeMixed(body, bomLength), "utf-8", problems);
        }
        for (String name : candidates) {
            String text = decodeStrictly(body, bomLength, name);
            if (text == null) continue;
            noteOverride(name, http, declared, bom, problems);
            noteNonAscii(body, bomLength, http != null ? http : declared, problems);
            return new Decoded(text, label(name), problems);
        }
        return mixed(body, bomLength, declared != null ? declared : http, problems);
    }

    /** Invalid UTF-8 everywhere: read valid UTF-8 runs as UTF-8 and stray bytes as windows-1252. */
    private static Decoded mixed(byte[] body, int offset, String declared, List<String> problems) {
        boolean ascii = looksAsciiCompatible(body);
        if (!ascii) {
            problems.add("CharacterEncodingOverride: document is not valid in any declared encoding; read as UTF-16");
            return new Decoded(new String(body, offset, body.length - offset, StandardCharsets.UTF_16), "utf-16", problems);
        }
        if (isMostlyUtf8(body, offset)) {
            problems.add("CharacterEncodingOverride: mixed encodings; invalid UTF-8 bytes read as windows-1252");
            return new Decoded(decodeMixed(body, offset), "utf-8", problems);
        }
        String reason = declared == null ? "no encoding declared" : "document declared as " + declared;
        problems.add("CharacterEncodingOverride: " + reason + ", but parsed as windows-1252");
        return new Decoded(new String(body, offset, body.length - offset, WINDOWS_1252), "windows-1252", problems);
    }

    private static void noteOverride(String used, String http, String declared, String bom, List<String> problems) {
        String usedLabel = label(used);
        if (http != null && !sameCharset(http, used)) {
            problems.add("CharacterEncodingOverride: HTTP charset " + http.toLowerCase(Locale.ROOT)
                    + " disagrees with the document; parsed as " + usedLabel);
        } else if (declared != null && !sameCharset(declared, used) && !(bom != null && declared.toLowerCase(Locale.ROOT).startsWith("utf-16"))) {
            problems.add("CharacterEncodingOverride: document declared as " + declared.toLowerCase(Locale.ROOT)
                    + ", but parsed as " + usedLabel);
        }
    }

    /** us-ascii is read as windows-1252 (a superset), but bytes above 127 contradict the declaration. */
    private static void noteNonAscii(byte[] body, int offset, String declared, List<String> problems) {
        if (declared == null || !declared.toLowerCase(Locale.ROOT).matches("(us-)?ascii") || isAscii(body, offset)) return;
        if (problems.isEmpty()) problems.add("CharacterEncodingOverride: document declared as us-ascii contains non-ASCII bytes");
    }

    /**
     * Valid multi-byte UTF-8 is almost never produced by accident in a single-byte encoding, so a
     * document that is valid UTF-8 with non-ASCII characters is read as UTF-8 even when a single-byte
     * charset was declared first. Guards against the commonest mojibake: a server's default
     * ISO-8859-1 header on UTF-8 feeds.
     */
    private static boolean prefersUtf8(byte[] body, int offset, Set<String> candidates) {
        String first = firstSingleByte(candidates);
        if (first == null || !candidates.iterator().next().equals(first)) return false;
        boolean multiByte = false;
        for (int i = offset; i < body.length; i++) if (body[i] < 0) { multiByte = true; break; }
        return multiByte && decodeStrictly(body, offset, "UTF-8") != null;
    }

    /**
     * A single-byte charset is declared first, yet most non-ASCII sequences are valid multi-byte
     * UTF-8 and the rest is not: a UTF-8 document with pasted-in Latin-1 bytes. Reading it all as
     * windows-1252 would garble every UTF-8 character. Guards against the reverse case (real
     * Latin-1 text) by requiring valid UTF-8 sequences to outnumber invalid bytes.
     */
    private static boolean isMixed(byte[] body, int offset, Set<String> candidates) {
        String first = firstSingleByte(candidates);
        if (first == null || !candidates.iterator().next().equals(first)) return false;
        return isMostlyUtf8(body, offset) && decodeStrictly(body, offset, "UTF-8") == null;
    }

    private static String firstSingleByte(Set<String> candidates) {
        for (String name : candidates) {
            Charset cs = Charset.forName(name);
            if (cs.newEncoder().maxBytesPerChar() == 1.0f && !cs.name().equals("US-ASCII")) return name;
        }
        return null;
    }

    /**
     * Adds a declared charset to the candidates. A UTF-16/32 declaration on bytes without such a
     * byte-order mark or pattern is wrong (the bytes are ASCII-compatible, or sniffing would have
     * seen "<?" in UTF-16): decoding them that way "succeeds" into CJK garbage, so it is skipped.
     */
    private static void addKnown(Set<String> candidates, String name, String what, String bom, List<String> problems) {
        if (name == null) return;
        try {
            Charset cs = Charset.forName(aliasOf(name));
            if (bom == null && (cs.name().startsWith("UTF-16") || cs.name().startsWith("UTF-32"))) {
                problems.add("CharacterEncodingOverride: " + what + " " + name + " contradicts ASCII-compatible bytes");
                return;
            }
            candidates.add(cs.name());
        } catch (RuntimeException e) {
            problems.add("CharacterEncodingUnknown: " + what + " " + name + " is not supported");
        }
    }

    /** Labels that browsers treat as windows-1252 are decoded as such (superset, same ASCII). */
    private static String aliasOf(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "iso-8859-1", "latin1", "latin-1", "iso8859-1", "us-ascii", "ascii" -> "windows-1252";
            case "utf8" -> "UTF-8";
            default -> name;
        };
    }

    private static boolean sameCharset(String declared, String used) {
        try {
            return Charset.forName(aliasOf(declared)).name().equals(Charset.forName(used).name())
                    || (declared.toLowerCase(Locale.ROOT).startsWith("utf-16") && used.startsWith("UTF-16"));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String decodeStrictly(byte[] body, int offset, String name) {
        try {
            Charset cs = Charset.forName(name);
            if (cs.equals(StandardCharsets.UTF_8) && isAscii(body, offset)) {
                return new String(body, offset, body.length - offset, StandardCharsets.ISO_8859_1);
            }
            CharBuffer chars = cs.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body, offset, body.length - offset));
            return chars.toString();
        } catch (CharacterCodingException | RuntimeException e) {
            return null;
        }
    }

    private static boolean isAscii(byte[] body, int offset) {
        for (int i = offset; i < body.length; i++) if (body[i] < 0) return false;
        return true;
    }

    private static String label(String javaName) {
        return javaName.toLowerCase(Locale.ROOT);
    }

    static int bomLength(byte[] b) {
        if (startsWith(b, 0xEF, 0xBB, 0xBF)) return 3;
        if (startsWith(b, 0x00, 0x00, 0xFE, 0xFF) || startsWith(b, 0xFF, 0xFE, 0x00, 0x00)) return 4;
        if (startsWith(b, 0xFE, 0xFF) || startsWith(b, 0xFF, 0xFE)) return 2;
        return 0;
    }

    static String bomCharset(byte[] b) {
        if (startsWith(b, 0xEF, 0xBB, 0xBF)) return "UTF-8";
        if (startsWith(b, 0x00, 0x00, 0xFE, 0xFF)) return "UTF-32BE";
        if (startsWith(b, 0xFF, 0xFE, 0x00, 0x00)) return "UTF-32LE";
        if (startsWith(b, 0xFE, 0xFF)) return "UTF-16BE";
        if (startsWith(b, 0xFF, 0xFE)) return "UTF-16LE";
        if (startsWith(b, 0x00, 0x3C, 0x00, 0x3F)) return "UTF-16BE";
        if (startsWith(b, 0x3C, 0x00, 0x3F, 0x00)) return "UTF-16LE";
        return null;
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if ((b[i] & 0xff) != prefix[i]) return false;
        return true;
    }

    private static String declaredCharset(byte[] body, String bom) {
        int from = bomLength(body);
        int len = Math.min(PROLOG_WINDOW, body.length - from);
        String prolog;
        if (bom != null && bom.startsWith("UTF-16")) {
            prolog = new String(body, from, len, Charset.forName(bom));
        } else {
            prolog = new String(body, from, len, StandardCharsets.ISO_8859_1);
        }
        Matcher m = DECLARED.matcher(prolog.stripLeading());
        return m.find() ? m.group(1) : null;
    }

    static String httpCharset(String contentType) {
        if (contentType == null) return null;
        Matcher m = CHARSET.matcher(contentType);
        return m.find() ? m.group(1) : null;
    }

    private static boolean looksAsciiCompatible(byte[] body) {
        int zeros = 0;
        int limit = Math.min(body.length, 1024);
        for (int i = 0; i < limit; i++) if (body[i] == 0) zeros++;
        return zeros * 4 < limit;
    }

    /** True when most non-ASCII sequences are valid UTF-8: a UTF-8 document with a few stray bytes. */
    private static boolean isMostlyUtf8(byte[] b, int offset) {
        int valid = 0;
        int invalid = 0;
        int i = offset;
        while (i < b.length) {
            int len = utf8Length(b, i);
            if (len > 1) valid++;
            else if (len < 0) invalid++;
            i += Math.abs(len);
        }
        return valid > invalid;
    }

    /** Length of the valid UTF-8 sequence at i, or -1 when the byte at i does not start one. */
    private static int utf8Length(byte[] b, int i) {
        int c = b[i] & 0xff;
        int need = c < 0x80 ? 0 : c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : -1;
        if (need < 0) return -1;
        if (i + need >= b.length) return need == 0 ? 1 : -1;
        for (int k = 1; k <= need; k++) if ((b[i + k] & 0xC0) != 0x80) return -1;
        return need + 1;
    }

    private static String decodeMixed(byte[] b, int offset) {
        StringBuilder out = new StringBuilder(b.length);
        int i = offset;
        while (i < b.length) {
            int len = utf8Length(b, i);
            if (len > 0) {
                out.append(new String(b, i, len, StandardCharsets.UTF_8));
                i += len;
            } else {
                out.append(new String(b, i, 1, WINDOWS_1252));
                i++;
            }
        }
        return out.toString();
    }
}
