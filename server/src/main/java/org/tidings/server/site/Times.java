package org.tidings.server.site;

import com.ibm.icu.text.RelativeDateTimeFormatter.AbsoluteUnit;
import com.ibm.icu.text.RelativeDateTimeFormatter.Direction;
import com.ibm.icu.text.RelativeDateTimeFormatter.RelativeUnit;
import com.ibm.icu.text.RelativeDateTimeFormatter;
import com.ibm.icu.util.ULocale;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How pages say when, in the reader's language: "30 minutes ago" for the last week, a date after that, in UTC
 * (the page's script rewrites both into the reader's time zone). Plural forms come from CLDR, Arabic's six too.
 */
public final class Times {

    /** English pages use day-month-year, the order most of Tidings' English-reading regions use. */
    private static final Locale ENGLISH_DATES = Locale.UK;
    private static final Map<Locale, Formats> FORMATS = new ConcurrentHashMap<>();

    private Times() {}

    public static String relative(Instant t, Instant now, Locale locale) {
        if (t == null) return "";
        Formats f = formats(locale);
        Duration d = Duration.between(t, now);
        if (d.isNegative() || d.toSeconds() < 60) return f.relative.format(Direction.PLAIN, AbsoluteUnit.NOW);
        if (d.toMinutes() < 60) return f.relative.format(d.toMinutes(), Direction.LAST, RelativeUnit.MINUTES);
        if (d.toHours() < 24) return f.relative.format(d.toHours(), Direction.LAST, RelativeUnit.HOURS);
        if (d.toDays() == 1) return f.relative.format(Direction.LAST, AbsoluteUnit.DAY);
        if (d.toDays() < 7) return f.relative.format(d.toDays(), Direction.LAST, RelativeUnit.DAYS);
        return f.date.format(t);
    }

    /** The day alone ("7 Dec 2026"), in UTC: for what a relative time says badly, such as when an account was made. */
    public static String date(Instant t, Locale locale) {
        return t == null ? "" : formats(locale).date.format(t);
    }

    public static String iso(Instant t) {
        return t == null ? "" : DateTimeFormatter.ISO_INSTANT.format(t);
    }

    public static String exact(Instant t, Locale locale) {
        return t == null ? "" : formats(locale).exact.format(t) + " UTC";
    }

    private static Formats formats(Locale locale) {
        return FORMATS.computeIfAbsent(locale, l -> {
            Locale dates = l.getLanguage().equals("en") ? ENGLISH_DATES : l;
            return new Formats(RelativeDateTimeFormatter.getInstance(ULocale.forLocale(l)),
                    DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(dates).withZone(ZoneOffset.UTC),
                    DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(dates)
                            .withZone(ZoneOffset.UTC));
        });
    }

    /** ICU's formatter is immutable and thread-safe, as are java.time's: one set per language. */
    private record Formats(RelativeDateTimeFormatter relative, DateTimeFormatter date, DateTimeFormatter exact) {}
}
