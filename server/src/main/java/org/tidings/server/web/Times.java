package org.tidings.server.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How pages say when: "30 minutes ago" for the last week, a date after that. The server writes
 * UTC; the page's script rewrites both into the reader's own time zone and keeps them current.
 */
public final class Times {

    private static final DateTimeFormatter EXACT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private Times() {}

    public static String relative(Instant t, Instant now) {
        if (t == null) return "";
        Duration d = Duration.between(t, now);
        if (d.isNegative() || d.toSeconds() < 60) return "just now";
        if (d.toMinutes() < 60) return plural(d.toMinutes(), "minute") + " ago";
        if (d.toHours() < 24) return plural(d.toHours(), "hour") + " ago";
        if (d.toDays() < 7) return d.toDays() == 1 ? "yesterday" : d.toDays() + " days ago";
        return DATE.format(t);
    }

    public static String iso(Instant t) {
        return t == null ? "" : DateTimeFormatter.ISO_INSTANT.format(t);
    }

    public static String exact(Instant t) {
        return t == null ? "" : EXACT.format(t);
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
