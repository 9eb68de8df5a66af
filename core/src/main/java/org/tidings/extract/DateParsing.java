package org.tidings.extract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the date formats pages put in metadata: ISO-8601 in its many spellings, RFC 1123, bare
 * dates and epoch numbers. A time without a zone is taken as UTC. */
final class DateParsing {

    /** Dates before this are typos or placeholders (0000-00-00, 1970 from epoch zero). */
    private static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");

    private static final Pattern ISO_LIKE = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?)?"
                    + "\\s*(Z|[+-]\\d{2}:?\\d{2}|[+-]\\d{2}|UTC|GMT)?");
    private static final Pattern EPOCH = Pattern.compile("\\d{10}(\\d{3})?");

    private DateParsing() {}

    static Instant parse(String value) {
        if (value == null) return null;
        String s = value.trim();
        if (s.isEmpty() || s.length() > 100) return null;
        Instant instant = parseIso(s);
        if (instant == null) instant = parseRfc(s);
        if (instant == null) instant = parseEpoch(s);
        return instant == null || instant.isBefore(EARLIEST) ? null : instant;
    }

    private static Instant parseIso(String s) {
        Matcher m = ISO_LIKE.matcher(s);
        if (!m.lookingAt()) return null;
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
            LocalDateTime time = m.group(4) == null ? date.atStartOfDay()
                    : date.atTime(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), nanos(m.group(7)));
            return time.toInstant(offset(m.group(8)));
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static int nanos(String fraction) {
        if (fraction == null) return 0;
        String padded = (fraction + "000000000").substring(0, 9);
        return Integer.parseInt(padded);
    }

    private static ZoneOffset offset(String zone) {
        if (zone == null || zone.equals("Z") || zone.equals("UTC") || zone.equals("GMT")) return ZoneOffset.UTC;
        String z = zone.replace(":", "");
        if (z.length() == 3) z = z + "00";
        return ZoneOffset.of(z.substring(0, 3) + ":" + z.substring(3, 5));
    }

    private static Instant parseRfc(String s) {
        try {
            return ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static Instant parseEpoch(String s) {
        if (!EPOCH.matcher(s).matches()) return null;
        long n = Long.parseLong(s);
        return s.length() == 13 ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
    }
}
