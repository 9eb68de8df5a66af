package org.tidings.feed;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tidings.dates.DateReader;

/**
 * Dates of feeds as the Universal Feed Parser reads them: the forms of its own date handlers that a general
 * reader does not know (Korean blog hosts' dates, in Korean time; Greek and Hungarian month names; ISO 8601
 * ordinal dates), then {@link DateReader} for everything else (RFC 822, W3C-DTF, asctime, Perforce ...).
 */
final class FeedDates {

    private static final ZoneOffset KOREA = ZoneOffset.ofHours(9);
    /** OnBlog: "2004년 05월 28일 01:31:15". */
    private static final Pattern KOREAN_ONBLOG = Pattern.compile(
            "(\\d{4})\\s*\uB144\\s+(\\d{2})\\s*\uC6D4\\s+(\\d{2})\\s*\uC77C\\s+(\\d{2}):(\\d{2}):(\\d{2})");
    /** Nate: "2004-05-25 오후 11:23:17" (오전 morning, 오후 afternoon). */
    private static final Pattern KOREAN_NATE = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})\\s+(\uC624\uC804|\uC624\uD6C4)\\s+(\\d{1,2}):(\\d{1,2}):(\\d{1,2})");
    /** "Κυρ, 11 Ιούλ 2004 12:00:00 EST": Greek day and month abbreviations in an RFC 822 date. */
    private static final Pattern GREEK = Pattern.compile(
            "([^,]+),\\s+(\\d{2})\\s+(\\S+)\\s+(\\d{4})\\s+(\\d{2}):(\\d{2}):(\\d{2})\\s+(\\S+)");
    private static final Map<String, String> GREEK_MONTHS = Map.ofEntries(
            Map.entry("\u0399\u03b1\u03bd", "Jan"), Map.entry("\u03a6\u03b5\u03b2", "Feb"),
            Map.entry("\u039c\u03ac\u03ce", "Mar"), Map.entry("\u039c\u03b1\u03ce", "Mar"), Map.entry("\u0391\u03c0\u03c1", "Apr"),
            Map.entry("\u039c\u03ac\u03b9", "May"), Map.entry("\u039c\u03b1\u03ca", "May"), Map.entry("\u039c\u03b1\u03b9", "May"),
            Map.entry("\u0399\u03bf\u03cd\u03bd", "Jun"), Map.entry("\u0399\u03bf\u03bd", "Jun"),
            Map.entry("\u0399\u03bf\u03cd\u03bb", "Jul"), Map.entry("\u0399\u03bf\u03bb", "Jul"),
            Map.entry("\u0391\u03cd\u03b3", "Aug"), Map.entry("\u0391\u03c5\u03b3", "Aug"), Map.entry("\u03a3\u03b5\u03c0", "Sep"),
            Map.entry("\u039f\u03ba\u03c4", "Oct"), Map.entry("\u039d\u03bf\u03ad", "Nov"), Map.entry("\u039d\u03bf\u03b5", "Nov"),
            Map.entry("\u0394\u03b5\u03ba", "Dec"));
    private static final Map<String, String> GREEK_DAYS = Map.of(
            "\u039a\u03c5\u03c1", "Sun", "\u0394\u03b5\u03c5", "Mon", "\u03a4\u03c1\u03b9", "Tue", "\u03a4\u03b5\u03c4", "Wed",
            "\u03a0\u03b5\u03bc", "Thu", "\u03a0\u03b1\u03c1", "Fri", "\u03a3\u03b1\u03b2", "Sat");
    /** "2004-július-13T9:15-05:00". */
    private static final Pattern HUNGARIAN = Pattern.compile(
            "(\\d{4})-([^-]+)-(\\d{1,2})T(\\d{1,2}):(\\d{2})([+-]\\d{1,2}:\\d{2})");
    private static final Map<String, Integer> HUNGARIAN_MONTHS = Map.ofEntries(
            Map.entry("janu\u00e1r", 1), Map.entry("febru\u00e1ri", 2), Map.entry("febru\u00e1r", 2),
            Map.entry("m\u00e1rc", 3), Map.entry("m\u00e1rcius", 3), Map.entry("\u00e1prilis", 4), Map.entry("m\u00e1j", 5),
            Map.entry("m\u00e1jus", 5), Map.entry("j\u00fanius", 6), Map.entry("j\u00falius", 7), Map.entry("augusztus", 8),
            Map.entry("szeptember", 9), Map.entry("okt\u00f3ber", 10), Map.entry("november", 11), Map.entry("december", 12));
    /** ISO 8601 ordinal date: "2003-335", the 335th day of 2003. */
    private static final Pattern ORDINAL = Pattern.compile("(\\d{4})-?(\\d{3})");

    private FeedDates() {}

    /** The instant, or null when no handler reads it. */
    static Instant parse(String raw) {
        if (raw == null) return null;
        String v = raw.strip();
        try {
            Instant special = special(v);
            return special != null ? special : DateReader.parse(v);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static Instant special(String v) {
        Matcher m = KOREAN_ONBLOG.matcher(v);
        if (m.matches()) return korean(m, 0);
        m = KOREAN_NATE.matcher(v);
        if (m.matches()) {
            int hour = Integer.parseInt(m.group(5)) + (m.group(4).equals("\uC624\uD6C4") ? 12 : 0);
            return LocalDateTime.of(n(m, 1), n(m, 2), n(m, 3), hour, n(m, 6), n(m, 7)).toInstant(KOREA);
        }
        m = GREEK.matcher(v);
        if (m.matches() && GREEK_MONTHS.containsKey(m.group(3))) {
            String day = GREEK_DAYS.getOrDefault(m.group(1).strip(), m.group(1).strip());
            return DateReader.parse(day + ", " + m.group(2) + " " + GREEK_MONTHS.get(m.group(3)) + " " + m.group(4) + " "
                    + m.group(5) + ":" + m.group(6) + ":" + m.group(7) + " " + m.group(8));
        }
        m = HUNGARIAN.matcher(v);
        if (m.matches() && HUNGARIAN_MONTHS.containsKey(m.group(2))) {
            String[] zone = m.group(6).substring(1).split(":");
            int minutes = Integer.parseInt(zone[0]) * 60 + Integer.parseInt(zone[1]);
            ZoneOffset offset = ZoneOffset.ofTotalSeconds((m.group(6).startsWith("-") ? -minutes : minutes) * 60);
            return LocalDateTime.of(n(m, 1), HUNGARIAN_MONTHS.get(m.group(2)), n(m, 3), n(m, 4), n(m, 5)).toInstant(offset);
        }
        m = ORDINAL.matcher(v);
        if (m.matches()) return LocalDate.ofYearDay(n(m, 1), n(m, 2)).atStartOfDay().toInstant(ZoneOffset.UTC);
        return null;
    }

    private static Instant korean(Matcher m, int shift) {
        return LocalDateTime.of(n(m, 1 + shift), n(m, 2 + shift), n(m, 3 + shift), n(m, 4 + shift), n(m, 5 + shift), n(m, 6 + shift))
                .toInstant(KOREA);
    }

    private static int n(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }
}
