package org.tidings.server.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.tidings.server.i18n.Message;

/**
 * Where the next page of a list starts, as an opaque string a client hands back unchanged. It names the list it
 * belongs to (its filters) and carries a check, so that a cursor that was cut, altered or taken to another list is
 * refused with a problem rather than read as some other place. The check is not secret: a cursor only says where a
 * public list, or the bearer's own, goes on, so a forged one shows nothing its bearer could not ask for anyway.
 */
final class Cursor {

    private static final String VERSION = "1";
    private static final char SEPARATOR = '|';
    /** Longer cursors than any this class writes are refused before decoding. */
    private static final int MAX_LENGTH = 512;

    private Cursor() {}

    /** The cursor of {@code list} at {@code parts} (none may contain {@code |}). */
    static String of(String list, String... parts) {
        String payload = VERSION + SEPARATOR + String.join(String.valueOf(SEPARATOR), parts);
        String text = payload + SEPARATOR + check(list, payload);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The parts of a cursor of {@code list}: {@code count} of them; a problem (400) for anything else. */
    static List<String> read(String cursor, String list, int count) {
        if (cursor.length() > MAX_LENGTH) throw bad();
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw bad();
        }
        int last = text.lastIndexOf(SEPARATOR);
        if (last < 0 || !text.startsWith(VERSION + SEPARATOR)) throw bad();
        String payload = text.substring(0, last);
        if (!MessageDigest.isEqual(check(list, payload).getBytes(StandardCharsets.UTF_8),
                text.substring(last + 1).getBytes(StandardCharsets.UTF_8))) {
            throw bad();
        }
        List<String> parts = Arrays.asList(payload.substring(VERSION.length() + 1).split("\\|", -1));
        if (parts.size() != count) throw bad();
        return parts;
    }

    /** A number a cursor holds, checked again: a cursor is read as a client sent it. */
    static long number(String part) {
        try {
            return Long.parseLong(part);
        } catch (NumberFormatException e) {
            throw bad();
        }
    }

    static ApiProblem bad() {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "bad-cursor", Message.of("api.problem.detail.cursor"));
    }

    private static String check(String list, String payload) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((list + SEPARATOR + payload).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
