package org.tidings.server.greader;

import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The Google Reader protocol's spellings of an article's id, and of where a page of a stream ended. An item id is the
 * article's id: in its long form {@code tag:google.com,2005:reader/item/} and 16 hexadecimal digits (what streams
 * answer), in decimal (what {@code stream/items/ids} answers and many clients send back), or as bare hexadecimal.
 */
final class ItemIds {

    static final String LONG_PREFIX = "tag:google.com,2005:reader/item/";
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,19}");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{1,16}");
    private static final Pattern CONTINUATION = Pattern.compile("([0-9]{1,19})_([0-9]{1,19})");

    private ItemIds() {}

    static String longForm(long id) {
        return LONG_PREFIX + HexFormat.of().toHexDigits(id);
    }

    /** The article id an item id names; an id in no form this knows is an {@link IllegalArgumentException}. */
    static long parse(String itemId) {
        String id = itemId == null ? "" : itemId.strip();
        if (id.startsWith(LONG_PREFIX)) {
            String hex = id.substring(LONG_PREFIX.length());
            if (HEX.matcher(hex).matches()) return Long.parseUnsignedLong(hex, 16);
        } else if (id.length() == 16 && HEX.matcher(id).matches()) {
            return Long.parseUnsignedLong(id, 16); // the long form's 16 digits without its prefix
        } else if (DECIMAL.matcher(id).matches()) {
            return Long.parseLong(id);
        } else if (HEX.matcher(id).matches()) {
            return Long.parseUnsignedLong(id, 16);
        }
        throw new IllegalArgumentException("not an item id: " + itemId);
    }

    /** Where a page ended: its last article's publication time (in microseconds) and id. */
    record Continuation(Instant publishedAt, long id) {
        String token() {
            long micros = publishedAt.getEpochSecond() * 1_000_000 + publishedAt.getNano() / 1_000;
            return micros + "_" + id;
        }

        static Continuation parse(String token) {
            var m = CONTINUATION.matcher(token == null ? "" : token);
            if (!m.matches()) throw new IllegalArgumentException("not a continuation: " + token);
            long micros = Long.parseLong(m.group(1));
            return new Continuation(Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1_000), Long.parseLong(m.group(2)));
        }
    }
}
