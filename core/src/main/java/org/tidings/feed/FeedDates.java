package org.tidings.feed;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates of feeds as the Universal Feed Parser reads them, with its handlers: W3C-DTF (and MSSQL's
 * "2004-07-08 23:56:58"), RFC 822, ISO 8601 (whose out-of-range fields roll over, as C's mktime does), asctime,
 * Perforce, Hungarian, Greek and the Korean blog hosts' forms. A date none of them reads is null, as in feedparser;
 * the server's view of a feed then tries {@link org.tidings.dates.DateReader}, which reads more.
 */
final class FeedDates {

    private static final Map<String, Integer> ZONES = Map.ofEntries(
            Map.entry("ut", 0), Map.entry("gmt", 0), Map.entry("z", 0), Map.entry("adt", -3), Map.entry("ast", -4),
            Map.entry("at", -4), Map.entry("edt", -4), Map.entry("est", -5), Map.entry("et", -5), Map.entry("cdt", -5),
            Map.entry("cst", -6), Map.entry("ct", -6), Map.entry("mdt", -6), Map.entry("mst", -7), Map.entry("mt", -7),
            Map.entry("pdt", -7), Map.entry("pst", -8), Map.entry("pt", -8), Map.entry("a", -1), Map.entry("n", 1),
            Map.entry("m", -12), Map.entry("y", 12), Map.entry("met", 1), Map.entry("mest", 2));
    private static final Set<String> DAY_NAMES = Set.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

    private static final List<Pattern> ISO8601 = iso8601Patterns();
    private static final Pattern PERFORCE = Pattern.compile(
            "(\\w{0,3}), (\\d{0,4})/(\\d{0,2})/(\\d{2}) (\\d{0,2}):(\\d{2}):(\\d{2}) (\\w{0,3})", Pattern.UNICODE_CHARACTER_CLASS);
    /** OnBlog: "2004년 05월 28일 01:31:15", Korean time. */
    private static final Pattern KOREAN_ONBLOG = Pattern.compile(
            "(\\d{4})\uB144\\s+(\\d{2})\uC6D4\\s+(\\d{2})\uC77C\\s+(\\d{2}):(\\d{2}):(\\d{2})");
    /** Nate: "2004-05-25 오후 11:23:17" (오전 morning, 오후 afternoon), Korean time. */
    private static final Pattern KOREAN_NATE = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})\\s+(\uC624\uC804|\uC624\uD6C4)\\s+(\\d{0,2}):(\\d{0,2}):(\\d{0,2})");
    /** "Κυρ, 11 Ιούλ 2004 12:00:00 EST": Greek day and month abbreviations in an RFC 822 date. */
    private static final Pattern GREEK = Pattern.compile(
            "([^,]+),\\s+(\\d{2})\\s+([^\\s]+)\\s+(\\d{4})\\s+(\\d{2}):(\\d{2}):(\\d{2})\\s+([^\\s]+)");
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
    private static final Pattern HUNGARIAN = Pattern.compile("(\\d{4})-([^-]+)-(\\d{0,2})T(\\d{0,2}):(\\d{2})([+-](\\d{0,2}:\\d{2}))");
    private static final Map<String, String> HUNGARIAN_MONTHS = Map.ofEntries(
            Map.entry("janu\u00e1r", "01"), Map.entry("febru\u00e1ri", "02"), Map.entry("febru\u00e1r", "02"),
            Map.entry("m\u00e1rc", "03"), Map.entry("m\u00e1rcius", "03"), Map.entry("\u00e1prilis", "04"), Map.entry("m\u00e1j", "05"),
            Map.entry("m\u00e1jus", "05"), Map.entry("j\u00fanius", "06"), Map.entry("j\u00falius", "07"), Map.entry("augusztus", "08"),
            Map.entry("szeptember", "09"), Map.entry("okt\u00f3ber", "10"), Map.entry("november", "11"), Map.entry("december", "12"));

    /**
     * feedparser's handlers; the narrow ones (each matches only its own form) first, where feedparser tries them
     * last, because its ISO 8601 reader would otherwise take "2004-05-25 오후 11:23:17" as midnight.
     */
    private static final List<Function<String, LocalDateTime>> HANDLERS = List.of(FeedDates::koreanOnBlog,
            FeedDates::koreanNate, FeedDates::greek, FeedDates::hungarian, FeedDates::perforce, FeedDates::w3dtf,
            FeedDates::rfc822, FeedDates::iso8601, FeedDates::asctime);

    private FeedDates() {}

    /** The instant (UTC), or null when no handler reads it. */
    static Instant parse(String raw) {
        if (raw == null || raw.length() > 200) return null;
        for (Function<String, LocalDateTime> handler : HANDLERS) {
            try {
                LocalDateTime utc = handler.apply(raw);
                if (utc != null) return utc.toInstant(ZoneOffset.UTC);
            } catch (DateTimeException | ArithmeticException | NumberFormatException | IndexOutOfBoundsException e) {
                // as feedparser: the next handler
            }
        }
        return null;
    }

    /** W3C-DTF: "2003-12-31T10:14:55Z", its shorter forms, and "2003-12-31 10:14:55" (MSSQL). */
    static LocalDateTime w3dtf(String s) {
        if (s.isBlank()) return null;
        List<String> parts = new ArrayList<>(Arrays.asList(s.toLowerCase(Locale.ROOT).split("t", -1)));
        if (parts.size() == 1) {
            parts = new ArrayList<>(Arrays.asList(parts.get(0).strip().split("\\s+")));
            if (parts.size() == 1) parts.add("00:00:00z");
        } else if (parts.size() > 2) {
            return null;
        }
        String[] date = parts.get(0).split("-", 3);
        if (date[0].length() != 4) return null;
        int year = Integer.parseInt(date[0]);
        int month = date.length > 1 ? Integer.parseInt(date[1]) : 1;
        int day = date.length > 2 ? Integer.parseInt(date[2]) : 1;
        String rest = parts.get(1);
        String zone = parts.size() > 2 ? parts.get(2) : null;
        if (rest.endsWith("z")) {
            rest = rest.substring(0, rest.length() - 1);
            if (zone == null) zone = "z";
        }
        int loc = rest.indexOf('-') >= 0 ? rest.indexOf('-') : rest.indexOf('+') >= 0 ? rest.indexOf('+') : rest.length();
        if (zone == null) zone = rest.substring(loc);
        rest = rest.substring(0, loc);
        String[] time = rest.split(":", 3);
        int offset = zone(zone, true);
        if (offset == Integer.MIN_VALUE) return null;
        int hour = (int) Double.parseDouble(time[0]);
        int minute = time.length > 1 ? (int) Double.parseDouble(time[1]) : 0;
        int second = time.length > 2 ? (int) Double.parseDouble(time[2]) : 0;
        return LocalDateTime.of(year, month, day, hour, minute, second).minusMinutes(offset);
    }

    /** RFC 822 and its variants: two-digit years, day and month swapped, a missing time, more zone names. */
    static LocalDateTime rfc822(String s) {
        List<String> parts = new ArrayList<>(Arrays.asList(s.toLowerCase(Locale.ROOT).strip().split("\\s+")));
        if (parts.size() < 5) {
            parts.add("00:00:00");
            parts.add("0000");
        }
        if (DAY_NAMES.contains(prefix(parts.get(0), 3))) parts.remove(0);
        if (parts.size() < 5) return null;
        int month = MONTHS.indexOf(prefix(parts.get(1), 3)) + 1;
        int day;
        if (isInt(parts.get(0))) {
            day = Integer.parseInt(parts.get(0));
        } else if (MONTHS.contains(prefix(parts.get(0), 3))) {
            if (!isInt(parts.get(1))) return null;
            day = Integer.parseInt(parts.get(1));
            month = MONTHS.indexOf(prefix(parts.get(0), 3)) + 1;
        } else {
            return null;
        }
        if (month == 0 || !isInt(parts.get(2))) return null;
        int year = Integer.parseInt(parts.get(2));
        if (parts.get(2).length() <= 2) year += year < 90 ? 2000 : 1900;
        String[] time = parts.get(3).split(":", -1);
        int[] hms = new int[3];
        for (int i = 0; i < 3; i++) {
            String t = i < time.length ? time[i] : "0";
            if (!isInt(t)) return null;
            hms[i] = Integer.parseInt(t);
        }
        String zone = parts.get(4);
        if (zone.startsWith("etc/")) zone = zone.substring(4);
        if (zone.startsWith("gmt")) {
            zone = zone.substring(3).replace(":", "");
            if (zone.isEmpty()) zone = "gmt";
        }
        int offset = zone(zone, false);
        if (offset == Integer.MIN_VALUE) return null;
        if (time.length > 3) return null;
        return LocalDateTime.of(year, month, day, hms[0], hms[1], hms[2]).minusMinutes(offset);
    }

    /**
     * A zone in minutes east: "+hh:mm", "-hhmm" (feedparser's W3C-DTF reader reads the minutes after a colon's
     * place), a name of feedparser's list, anything else UTC; MIN_VALUE when the numbers are not numbers.
     */
    private static int zone(String zone, boolean w3dtf) {
        if (!zone.isEmpty() && (zone.charAt(0) == '-' || zone.charAt(0) == '+')) {
            String hours = zone.length() >= 3 ? zone.substring(1, 3) : zone.substring(1);
            String minutes = w3dtf || zone.contains(":") ? (zone.length() > 4 ? zone.substring(4) : "") : (zone.length() > 3 ? zone.substring(3) : "");
            if (!isInt(hours) || !isInt(minutes)) return Integer.MIN_VALUE;
            int total = Integer.parseInt(hours) * 60 + Integer.parseInt(minutes);
            return zone.charAt(0) == '-' ? -total : total;
        }
        return ZONES.getOrDefault(zone, 0) * 60;
    }

    private static List<Pattern> iso8601Patterns() {
        List<Pattern> out = new ArrayList<>();
        for (String t : List.of("YYYY-?MM-?DD", "YYYY-0MM?-?DD", "YYYY-MM", "YYYY-?OOO", "YY-?MM-?DD", "YY-?OOO", "YYYY",
                "-YY-?MM", "-OOO", "-YY", "--MM-?DD", "--MM", "---DD", "CC", "")) {
            String re = t.replace("YYYY", "(?<year>\\d{4})").replace("YY", "(?<year>\\d\\d)").replace("MM", "(?<month>[01]\\d)")
                    .replace("DD", "(?<day>[0123]\\d)").replace("OOO", "(?<ordinal>[0123]\\d\\d)").replace("CC", "(?<century>\\d\\d$)")
                    + "(T?(?<hour>\\d{2}):(?<minute>\\d{2})(:(?<second>\\d{2}))?(\\.(?<fracsecond>\\d+))?"
                    + "(?<tz>[+-](?<tzhour>\\d{2})(:(?<tzmin>\\d{2}))?|Z)?)?";
            out.add(Pattern.compile(re));
        }
        return out;
    }

    /** feedparser's ISO 8601 reader: the first of its templates that matches; fields out of range roll over. */
    static LocalDateTime iso8601(String s) {
        Matcher m = null;
        for (Pattern p : ISO8601) {
            Matcher candidate = p.matcher(s);
            if (candidate.lookingAt()) {
                m = candidate;
                break;
            }
        }
        if (m == null || m.end() == 0) return null;
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        String ordinalText = group(m, "ordinal");
        int ordinal = ordinalText == null ? 0 : Integer.parseInt(ordinalText);
        String yearText = group(m, "year");
        int year = yearText == null ? now.getYear() : yearText.length() == 2 ? 100 * (now.getYear() / 100) + Integer.parseInt(yearText)
                : Integer.parseInt(yearText);
        String monthText = group(m, "month");
        int month = monthText != null ? Integer.parseInt(monthText) : ordinal != 0 ? 1 : now.getMonthValue();
        String dayText = group(m, "day");
        int day;
        if (dayText != null) day = Integer.parseInt(dayText);
        else if (ordinal != 0) day = ordinal;
        else if (group(m, "century") != null || yearText != null || monthText != null) day = 1;
        else day = now.getDayOfMonth();
        if (group(m, "century") != null) year = (Integer.parseInt(group(m, "century")) - 1) * 100 + 1;
        int hour = intOr0(group(m, "hour"));
        int minute = intOr0(group(m, "minute"));
        int second = intOr0(group(m, "second"));
        String tz = group(m, "tz");
        if (tz != null && !tz.equals("Z")) {
            int sign = tz.charAt(0) == '-' ? 1 : -1;
            hour += sign * intOr0(group(m, "tzhour"));
            minute += sign * intOr0(group(m, "tzmin"));
        }
        return LocalDateTime.of(year, 1, 1, 0, 0).plusMonths(month - 1L).plusDays(day - 1L).plusHours(hour).plusMinutes(minute)
                .plusSeconds(second);
    }

    /** "Sun Jan  4 16:29:06 PST 2004" or without the zone: reordered for {@link #rfc822}. */
    static LocalDateTime asctime(String s) {
        List<String> parts = new ArrayList<>(Arrays.asList(s.strip().split("\\s+")));
        if (parts.size() == 5) parts.add(4, "+0000");
        if (parts.size() != 6) return null;
        return rfc822(String.join(" ", parts.get(0), parts.get(2), parts.get(1), parts.get(5), parts.get(3), parts.get(4)));
    }

    /** Perforce: "Fri, 2006/09/15 08:19:53 EDT". */
    static LocalDateTime perforce(String s) {
        Matcher m = PERFORCE.matcher(s);
        if (!m.find()) return null;
        String month = MONTHS.get(Integer.parseInt(m.group(3)) - 1);
        return rfc822(m.group(1) + ", " + m.group(4) + " " + month + " " + m.group(2) + " " + m.group(5) + ":" + m.group(6) + ":"
                + m.group(7) + " " + m.group(8));
    }

    static LocalDateTime hungarian(String s) {
        Matcher m = HUNGARIAN.matcher(s);
        if (!m.lookingAt() || !HUNGARIAN_MONTHS.containsKey(m.group(2))) return null;
        String day = m.group(3).length() == 1 ? "0" + m.group(3) : m.group(3);
        String hour = m.group(4).length() == 1 ? "0" + m.group(4) : m.group(4);
        return w3dtf(m.group(1) + "-" + HUNGARIAN_MONTHS.get(m.group(2)) + "-" + day + "T" + hour + ":" + m.group(5) + m.group(6));
    }

    static LocalDateTime greek(String s) {
        Matcher m = GREEK.matcher(s);
        if (!m.lookingAt() || !GREEK_MONTHS.containsKey(m.group(3)) || !GREEK_DAYS.containsKey(m.group(1))) return null;
        return rfc822(GREEK_DAYS.get(m.group(1)) + ", " + m.group(2) + " " + GREEK_MONTHS.get(m.group(3)) + " " + m.group(4) + " "
                + m.group(5) + ":" + m.group(6) + ":" + m.group(7) + " " + m.group(8));
    }

    static LocalDateTime koreanNate(String s) {
        Matcher m = KOREAN_NATE.matcher(s);
        if (!m.lookingAt()) return null;
        int hour = Integer.parseInt(m.group(5)) + (m.group(4).equals("\uC624\uD6C4") ? 12 : 0);
        String h = hour < 10 ? "0" + hour : String.valueOf(hour);
        return w3dtf(m.group(1) + "-" + m.group(2) + "-" + m.group(3) + "T" + h + ":" + m.group(6) + ":" + m.group(7) + "+09:00");
    }

    static LocalDateTime koreanOnBlog(String s) {
        Matcher m = KOREAN_ONBLOG.matcher(s);
        if (!m.lookingAt()) return null;
        return w3dtf(m.group(1) + "-" + m.group(2) + "-" + m.group(3) + "T" + m.group(4) + ":" + m.group(5) + ":" + m.group(6) + "+09:00");
    }

    private static String group(Matcher m, String name) {
        try {
            String g = m.group(name);
            return g == null || g.isEmpty() ? null : g;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int intOr0(String s) {
        return s == null ? 0 : Integer.parseInt(s);
    }

    private static String prefix(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n);
    }

    private static boolean isInt(String s) {
        if (s.isEmpty() || s.length() > 9) return false;
        int start = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
        if (start == s.length()) return false;
        for (int i = start; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }
}
