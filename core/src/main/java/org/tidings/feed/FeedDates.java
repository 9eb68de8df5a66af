package org.tidings.feed;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as feeds write them, normalized to UTC: ISO 8601 / W3C-DTF and their variants (basic form,
 * space instead of T, fractions, missing zone), RFC 822/1123/2822 and their sloppy variants (no day
 * name, two-digit years, missing seconds, named and military zones, "+05:30"), asctime, numeric
 * dd/mm/yyyy, CJK year/month/day marks, and month names in the common European languages. Day
 * names in any language are ignored. A date without a zone is taken as UTC.
 */
final class FeedDates {

    /** Two-digit years below this are 20xx (RFC 2822 section 4.3 uses 50). */
    private static final int TWO_DIGIT_PIVOT = 50;
    /** Years outside this range are typos, not dates (guards against "0000", "0103" and "99999"). */
    private static final int MIN_YEAR = 1000;
    private static final int MAX_YEAR = 2200;

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})(?:-?(\\d{2})(?:-?(\\d{2}))?)?"
                    + "(?:[Tt ]+(\\d{1,2})(?::?(\\d{2})(?::?(\\d{2})(?:[.,](\\d+))?)?)?)?"
                    + "\\s*(Z|z|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?)?");
    private static final Pattern TIME = Pattern.compile(
            "(\\d{1,2})[:.](\\d{2})(?:[:.](\\d{2}))?(?:[.,]\\d+)?(.*)");
    private static final Pattern OFFSET = Pattern.compile("([+-])(\\d{1,2})(?::?(\\d{2}))?");
    private static final Pattern NUMERIC_DATE = Pattern.compile("(\\d{1,4})[/.-](\\d{1,2})[/.-](\\d{1,4})");
    private static final Pattern COMMENT = Pattern.compile("\\([^()]*\\)");
    /** RFC 850 "02-Nov-05": the dashes are separators, not a negative zone. */
    private static final Pattern RFC850_DATE = Pattern.compile("(\\d{1,2})-(\\p{L}{3,})-(\\d{2,4})");
    private static final Pattern TOKEN_SPLIT = Pattern.compile("[\\s,]+");

    private static final Map<String, Integer> MONTHS = new HashMap<>();
    private static final Map<String, Integer> ZONES = new HashMap<>();

    static {
        String[][] months = {
            {"jan", "january", "janv", "janvier", "januar", "ene", "enero", "gen", "gennaio", "janeiro", "januari", "jän", "sty", "stycznia", "ian", "январь", "января", "янв", "ιαν"},
            {"feb", "february", "fév", "févr", "fev", "février", "februar", "febrero", "febbraio", "fevereiro", "februari", "lut", "lutego", "февраль", "февраля", "фев", "φεβ"},
            {"mar", "march", "mars", "mär", "märz", "mrz", "marzo", "março", "maart", "mrt", "marca", "март", "марта", "мар", "μαρ"},
            {"apr", "april", "avr", "avril", "abr", "abril", "aprile", "kwi", "kwietnia", "апрель", "апреля", "апр", "απρ"},
            {"may", "mai", "mayo", "mag", "maggio", "maio", "mei", "maj", "maja", "май", "мая", "μαΐ", "μαι"},
            {"jun", "june", "juin", "juni", "junio", "giu", "giugno", "junho", "cze", "czerwca", "июнь", "июня", "июн", "ιουν"},
            {"jul", "july", "juil", "juillet", "juli", "julio", "lug", "luglio", "julho", "lip", "lipca", "июль", "июля", "июл", "ιουλ"},
            {"aug", "august", "août", "aout", "ago", "agosto", "sie", "sierpnia", "август", "августа", "авг", "αυγ"},
            {"sep", "sept", "september", "septembre", "septiembre", "set", "settembre", "setembro", "wrz", "września", "сентябрь", "сентября", "сен", "σεπ"},
            {"oct", "october", "octobre", "okt", "oktober", "octubre", "ott", "ottobre", "out", "outubro", "paź", "października", "октябрь", "октября", "окт", "οκτ"},
            {"nov", "november", "novembre", "noviembre", "novembro", "lis", "listopada", "ноябрь", "ноября", "ноя", "νοε"},
            {"dec", "december", "déc", "décembre", "dez", "dezember", "dic", "diciembre", "dicembre", "dezembro", "gru", "grudnia", "декабрь", "декабря", "дек", "δεκ"},
        };
        for (int m = 0; m < months.length; m++) for (String name : months[m]) MONTHS.put(name, m + 1);
        String[][] zones = {
            {"0", "ut", "utc", "gmt", "z", "wet", "zulu"},
            {"-300", "est"}, {"-240", "edt", "ast"}, {"-360", "cst"}, {"-300", "cdt"}, {"-420", "mst"},
            {"-360", "mdt"}, {"-480", "pst"}, {"-420", "pdt"}, {"-540", "akst"}, {"-480", "akdt"},
            {"-600", "hst"}, {"-180", "adt"}, {"-210", "nst"}, {"-150", "ndt"},
            {"60", "cet", "met", "bst", "west", "wat"}, {"120", "cest", "mest", "eet", "cat", "sast"},
            {"180", "eest", "msk", "eat"}, {"330", "ist"}, {"420", "ict", "wib"}, {"480", "hkt", "sgt", "awst", "pht"},
            {"540", "jst", "kst"}, {"570", "acst"}, {"630", "acdt"}, {"600", "aest"}, {"660", "aedt"},
            {"720", "nzst"}, {"780", "nzdt"},
        };
        for (String[] z : zones) for (int i = 1; i < z.length; i++) ZONES.put(z[i], Integer.parseInt(z[0]));
    }

    private FeedDates() {}

    /** The instant {@code value} names, or null when it is not a date we can read. */
    static Instant parse(String value) {
        if (value == null) return null;
        String v = value.strip();
        if (v.isEmpty() || v.length() > 100) return null;
        try {
            Instant iso = iso(v);
            return iso != null ? iso : loose(v);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    static String isoUtc(Instant instant) {
        return instant == null ? null : instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    private static Instant iso(String v) {
        if (v.length() < 4 || !Character.isDigit(v.charAt(0)) || !Character.isDigit(v.charAt(3))) return null;
        Matcher m = ISO.matcher(v);
        if (!m.matches()) return null;
        int year = Integer.parseInt(m.group(1));
        int month = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
        int day = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
        int hour = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
        int minute = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
        int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
        int nanos = m.group(7) == null ? 0 : fraction(m.group(7));
        int offset = m.group(8) == null ? 0 : zoneMinutes(m.group(8));
        return build(year, month, day, hour, minute, second, nanos, offset);
    }

    private static int fraction(String digits) {
        String nine = (digits + "000000000").substring(0, 9);
        return Integer.parseInt(nine);
    }

    /** Token soup: each token is recognized by its shape, so order and day names do not matter. */
    private static Instant loose(String v) {
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
        String out = v;
        for (int i = 0; i < 4 && out.indexOf('(') >= 0; i++) out = COMMENT.matcher(out).replaceAll(" ");
        return out;
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
        if (p.hour < 0 && time.matches() && t.indexOf(':') > 0) {
            p.hour = Integer.parseInt(time.group(1));
            p.minute = Integer.parseInt(time.group(2));
            p.second = time.group(3) == null ? 0 : Integer.parseInt(time.group(3));
            if (!time.group(4).isEmpty()) token(time.group(4), p);
            return;
        }
        Matcher numeric = NUMERIC_DATE.matcher(t);
        if (numeric.matches()) {
            numericDate(numeric, p);
            return;
        }
        char first = t.charAt(0);
        if ((first == '+' || first == '-') && OFFSET.matcher(t).matches()) {
            p.offset = zoneMinutes(t);
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
        if (!digits.chars().allMatch(Character::isDigit) || digits.isEmpty()) return;
        int value = Integer.parseInt(digits);
        if (digits.length() == 4 && p.year < 0) p.year = value;
        else if (digits.length() <= 2 && p.day < 0 && value >= 1 && value <= 31) p.day = value;
        else if (digits.length() <= 2 && p.year < 0) p.year = value;
        else if (digits.length() <= 2 && p.month < 0 && value <= 12) p.month = value;
    }

    private static void word(String t, Parts p) {
        String w = t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
        Integer month = MONTHS.get(w);
        if (month == null && w.length() > 3 && w.chars().allMatch(c -> c < 128)) month = MONTHS.get(w.substring(0, 3));
        if (month != null && (p.month < 0 || p.monthFromFirstToken)) {
            p.month = month;
            p.monthFromFirstToken = p.tokens == 0;
            return;
        }
        Integer zone = ZONES.get(w);
        if (zone != null) {
            p.offset = zone;
        } else if (w.equals("pm") || w.equals("p.m")) {
            p.pm = true;
        } else if (w.equals("am") || w.equals("a.m")) {
            p.am = true;
        } else if ((w.startsWith("gmt") || w.startsWith("utc")) && w.length() > 3) {
            token(w.substring(3), p);
        }
    }

    private static int zoneMinutes(String zone) {
        Integer named = ZONES.get(zone.toLowerCase(Locale.ROOT));
        if (named != null) return named;
        Matcher m = OFFSET.matcher(zone);
        if (!m.matches()) return 0;
        int sign = m.group(1).equals("-") ? -1 : 1;
        String hours = m.group(2);
        int h = Integer.parseInt(hours);
        int min = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        return sign * (h * 60 + min);
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
