package org.tidings.dates;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a date as feeds and pages write it. Tried in order: ISO 8601 / W3C-DTF variants; a soup of
 * tokens (RFC 822/2822 and sloppy variants, RFC 850, asctime, dd/mm/yyyy, CJK, European month names);
 * an ISO date-time followed by anything ("2020-05-01T12:00:00Z[UTC]"); epoch seconds or milliseconds.
 * A date without a zone is UTC.
 */
public final class DateReader {

    /** Two-digit years below this are 20xx (RFC 2822 section 4.3 uses 50). */
    private static final int TWO_DIGIT_PIVOT = 50;
    /** Years outside this range are typos, not dates (guards against "0000", "0103" and "99999"). */
    private static final int MIN_YEAR = 1000;
    private static final int MAX_YEAR = 2200;
    private static final int MAX_LENGTH = 100;

    private static final String TIME_OF_DAY = "(\\d{1,2})(?::?(\\d{2})(?::?(\\d{2})(?:[.,](\\d+))?)?)?";
    private static final String ZONE = "\\s*(Z|z|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?)?";
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})(?:-?(\\d{2})(?:-?(\\d{2}))?)?(?:[Tt ]+" + TIME_OF_DAY + ")?" + ZONE);
    /** Read up to where it stops making sense, so it needs a whole date and a colon in the time. */
    private static final Pattern ISO_PREFIX = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[Tt ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d+))?)?)?" + ZONE);
    private static final Pattern EPOCH = Pattern.compile("\\d{10}(\\d{3})?");
    private static final Pattern TIME = Pattern.compile(
            "(\\d{1,2})[:.](\\d{2})(?:[:.](\\d{2}))?(?:[.,]\\d+)?(.*)");
    private static final Pattern NUMERIC_DATE = Pattern.compile("(\\d{1,4})[/.-](\\d{1,2})[/.-](\\d{1,4})");
    private static final Pattern COMMENT = Pattern.compile("\\([^()]*\\)");
    /** RFC 850 "02-Nov-05": the dashes are separators, not a negative zone. */
    private static final Pattern RFC850_DATE = Pattern.compile("(\\d{1,2})-(\\p{L}{3,})-(\\d{2,4})");
    private static final Pattern TOKEN_SPLIT = Pattern.compile("[\\s,]+");

    private DateReader() {}

    /** Null when unreadable; a form that finds no such day ("2003-06-31") ends the search: null. */
    public static Instant parse(String value) {
        if (value == null) return null;
        String v = value.strip();
        if (v.isEmpty() || v.length() > MAX_LENGTH) return null;
        try {
            Instant instant = iso(ISO.matcher(v), true);
            if (instant == null) instant = tokens(v);
            if (instant == null) instant = iso(ISO_PREFIX.matcher(v), false);
            return instant != null ? instant : epoch(v);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static Instant iso(Matcher m, boolean whole) {
        if (!(whole ? m.matches() : m.lookingAt())) return null;
        return build(Integer.parseInt(m.group(1)), number(m.group(2), 1), number(m.group(3), 1), number(m.group(4), 0),
                number(m.group(5), 0), number(m.group(6), 0), m.group(7) == null ? 0 : fraction(m.group(7)),
                m.group(8) == null ? 0 : DateWords.zoneMinutes(m.group(8)));
    }

    private static int number(String digits, int absent) {
        return digits == null ? absent : Integer.parseInt(digits);
    }

    private static int fraction(String digits) {
        return Integer.parseInt((digits + "000000000").substring(0, 9));
    }

    private static Instant epoch(String v) {
        if (!EPOCH.matcher(v).matches()) return null;
        long n = Long.parseLong(v);
        Instant instant = v.length() == 13 ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
        return instant.atOffset(ZoneOffset.UTC).getYear() > MAX_YEAR ? null : instant;
    }

    /** Each token is recognized by its shape, so order and day names do not matter. */
    private static Instant tokens(String v) {
        Parts p = new Parts();
        String cleaned = RFC850_DATE.matcher(withoutComments(cjk(v.toLowerCase(Locale.ROOT)))).replaceAll("$1 $2 $3");
        for (String raw : TOKEN_SPLIT.split(cleaned)) {
            if (raw.isEmpty()) continue;
            token(raw, p);
            p.tokens++;
        }
        if (p.year < 0 || p.month < 0 || p.day < 0) return null;
        int year = p.year < 100 ? p.year + (p.year < TWO_DIGIT_PIVOT ? 2000 : 1900) : p.year;
        int hour = p.pm && p.hour < 12 ? p.hour + 12 : p.am && p.hour == 12 ? 0 : p.hour;
        return build(year, p.month, p.day, Math.max(hour, 0), Math.max(p.minute, 0), Math.max(p.second, 0), 0, p.offset);
    }

    /** RFC 2822 comments "(...)", nested ones too: "Thu (I hate thursdays), 16(th) Feb(ruary) 2006". */
    private static String withoutComments(String v) {
        for (int i = 0; i < 4 && v.indexOf('(') >= 0; i++) v = COMMENT.matcher(v).replaceAll(" ");
        return v;
    }

    /** CJK dates: 2004年5月28日 / 2004년 05월 28일, with morning/afternoon marks. */
    private static String cjk(String v) {
        if (v.chars().allMatch(c -> c < 0x2E80)) return v;
        return v.replaceAll("(\\d+)\\s*[年년]\\s*(\\d+)\\s*[月월]\\s*(\\d+)\\s*[日일]?", "$1/$2/$3 ")
                .replaceAll("(오후|午後|下午|午后)", " pm ").replaceAll("(오전|午前|上午)", " am ")
                .replaceAll("[时時시]", ":").replaceAll("[分분]", ":").replaceAll("[秒초]", " ");
    }

    private static final class Parts {
        int year = -1, month = -1, day = -1, hour = -1, minute = -1, second = -1;
        int offset;
        int tokens;
        /** A month read from the first token may be a day name ("mar." is mardi/martes): a later month wins. */
        boolean monthFromFirstToken;
        boolean am, pm;
    }

    private static void token(String t, Parts p) {
        Matcher time = TIME.matcher(t);
        Matcher numeric = NUMERIC_DATE.matcher(t);
        char first = t.charAt(0);
        if (p.hour < 0 && time.matches() && t.indexOf(':') > 0) {
            p.hour = Integer.parseInt(time.group(1));
            p.minute = Integer.parseInt(time.group(2));
            p.second = time.group(3) == null ? 0 : Integer.parseInt(time.group(3));
            if (!time.group(4).isEmpty()) token(time.group(4), p);
        } else if (numeric.matches()) {
            numericDate(numeric, p);
        } else if ((first == '+' || first == '-') && DateWords.isOffset(t)) {
            p.offset = DateWords.zoneMinutes(t);
        } else if (Character.isDigit(first)) {
            number(t, p);
        } else {
            word(t, p);
        }
    }

    private static void numericDate(Matcher m, Parts p) {
        int a = Integer.parseInt(m.group(1));
        int b = Integer.parseInt(m.group(2));
        int c = Integer.parseInt(m.group(3));
        if (m.group(1).length() == 4) {
            p.year = a; p.month = b; p.day = c;
        } else if (b > 12) {
            p.month = a; p.day = b; p.year = c;
        } else {
            // Ambiguous a/b/yyyy: day first, as written in most of the world; only a day > 12 proves US order.
            p.day = a; p.month = b; p.year = c;
        }
    }

    private static void number(String t, Parts p) {
        String digits = t.replaceAll("(st|nd|rd|th|\\.)$", "");
        if (digits.isEmpty() || digits.length() > 4 || !digits.chars().allMatch(Character::isDigit)) return;
        int value = Integer.parseInt(digits);
        if (digits.length() == 4 && p.year < 0) p.year = value;
        else if (digits.length() <= 2 && p.day < 0 && value >= 1 && value <= 31) p.day = value;
        else if (digits.length() <= 2 && p.year < 0) p.year = value;
        else if (digits.length() <= 2 && p.month < 0 && value <= 12) p.month = value;
    }

    private static void word(String t, Parts p) {
        String w = t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
        Integer month = DateWords.month(w);
        Integer zone = DateWords.namedZone(w);
        if (month != null && (p.month < 0 || p.monthFromFirstToken)) {
            p.month = month;
            p.monthFromFirstToken = p.tokens == 0;
        } else if (zone != null) {
            p.offset = zone;
        } else if (w.equals("pm") || w.equals("p.m")) {
            p.pm = true;
        } else if (w.equals("am") || w.equals("a.m")) {
            p.am = true;
        } else if ((w.startsWith("gmt") || w.startsWith("utc")) && w.length() > 3) {
            token(w.substring(3), p);
        }
    }

    private static Instant build(int year, int month, int day, int hour, int minute, int second, int nanos, int offsetMinutes) {
        if (year < MIN_YEAR || year > MAX_YEAR) return null;
        if (hour == 24 && minute == 0 && second == 0) {
            return build(year, month, day, 0, 0, 0, nanos, offsetMinutes).plusSeconds(86_400);
        }
        if (second == 60) second = 59;
        if (Math.abs(offsetMinutes) > 18 * 60) offsetMinutes = 0;
        LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, nanos);
        return local.toInstant(ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
    }
}
