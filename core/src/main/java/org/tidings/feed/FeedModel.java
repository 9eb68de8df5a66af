package org.tidings.feed;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes values into feedparser's model the same way for every format. Where several elements give one value,
 * the callers decide which wins as feedparser does (mostly the last; the first title; see {@link TextConstructs}).
 */
final class FeedModel {

    /** Entries kept per document: large podcast archives reach a few thousand; beyond is abuse. */
    static final int MAX_ENTRIES = 10_000;

    /**
     * An entry's id as the feed wrote it, when feedparser's {@code id} is that resolved against the base (a
     * relative permalink guid): the server's entries keep the identity they were stored under. Not printed.
     */
    static final String ID_AS_WRITTEN = "tidings:id_as_written";

    /**
     * The text of an entry's Media RSS description, for its picture's caption: feedparser keeps an element it does not
     * model without its text when it has attributes ({@code <media:description type="plain">}). Not printed.
     */
    static final String MEDIA_DESCRIPTION = "tidings:media_description";

    private FeedModel() {}

    static boolean roomForEntry(List<?> entries) {
        return entries.size() < MAX_ENTRIES;
    }

    /**
     * Records how many entries were counted but not read, past {@link #MAX_ENTRIES}, when there were any: first among the
     * problems (the {@code bozo_exception}), as it is the one that loses news.
     */
    static void recordLeftOut(int leftOut, List<String> problems) {
        if (leftOut > 0) problems.addFirst("more than " + MAX_ENTRIES + " entries: " + leftOut + " after the first " + MAX_ENTRIES + " left out");
    }

    /** A text value's detail: HTML and XHTML are sanitized as feedparser does against {@code base}; other types kept as given. */
    static Map<String, Object> detail(String type, String language, String base, String value) {
        boolean markup = type.equals("text/html") || type.equals("application/xhtml+xml");
        return ordered("type", type, "language", language, "base", base,
                "value", markup ? FeedSanitizer.sanitize(value, base, type.equals("application/xhtml+xml")) : value);
    }

    /** {@code name} and {@code name_detail} from a detail. */
    static void text(Map<String, Object> m, String name, Map<String, Object> detail) {
        m.put(name, detail.get("value"));
        m.put(name + "_detail", detail);
    }

    /** Adds one entry to feedparser's {@code links} list and returns it, for extra attributes. */
    static Map<String, Object> addLink(Map<String, Object> m, String rel, String type, String href) {
        Map<String, Object> link = ordered("rel", rel, "type", type, "href", href);
        list(m, "links").add(link);
        return link;
    }

    /** The page a feed or entry stands for: {@code link}, and an alternate in {@code links}. */
    static void alternate(Map<String, Object> m, String href) {
        putIfAbsent(m, "link", href);
        addLink(m, "alternate", "text/html", href);
    }

    /** An enclosure link also offered as an enclosure: its attributes but rel. */
    static Map<String, Object> enclosureOf(Map<String, Object> m, Map<String, Object> link) {
        Map<String, Object> enclosure = new LinkedHashMap<>(link);
        enclosure.remove("rel");
        list(m, "enclosures").add(enclosure);
        return enclosure;
    }

    /** A JSON attachment: an enclosure, also offered as a link; returns the enclosure. */
    static Map<String, Object> enclosureAndLink(Map<String, Object> m, String href, String type, String length) {
        Map<String, Object> link = addLink(m, "enclosure", type, href);
        link.put("length", length);
        return enclosureOf(m, link);
    }

    /** A tag unless it has no term, scheme or label; a tag already there is not repeated (as feedparser). */
    static void tag(Map<String, Object> m, String term, String scheme, String label) {
        if (term == null && scheme == null && label == null) return;
        Map<String, Object> tag = ordered("term", term == null ? null : term.strip(), "scheme", scheme, "label", label);
        List<Map<String, Object>> tags = list(m, "tags");
        if (!tags.contains(tag)) tags.add(tag);
    }

    /** {@code name} (the person's name, else address) and {@code name_detail}. */
    static void person(Map<String, Object> m, String name, Map<String, Object> person) {
        m.put(name, firstNonNull((String) person.get("name"), (String) person.get("email")));
        m.put(name + "_detail", person);
    }

    /**
     * The date as written and, in {@code name_parsed}, as Python's {@code time.struct_time} in UTC, as
     * feedparser gives it: year, month, day, hour, minute, second, weekday (Monday 0), day of the year,
     * 0 (no daylight saving); null when unreadable. The last date element of a kind wins, as in feedparser.
     */
    static void date(Map<String, Object> m, String name, String raw) {
        if (raw == null) return;
        m.put(name, raw);
        Instant parsed = FeedDates.parse(raw);
        m.put(name + "_parsed", parsed == null ? null : timeTuple(parsed));
    }

    static List<Integer> timeTuple(Instant instant) {
        ZonedDateTime t = instant.atZone(ZoneOffset.UTC);
        return List.of(t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(),
                t.getDayOfWeek().getValue() - 1, t.getDayOfYear(), 0);
    }

    /** The instant of a {@link #timeTuple}, or null for anything else. */
    static Instant instantOf(Object tuple) {
        if (!(tuple instanceof List<?> t) || t.size() != 9) return null;
        int[] v = new int[6];
        for (int i = 0; i < 6; i++) {
            if (!(t.get(i) instanceof Integer n)) return null;
            v[i] = n;
        }
        return ZonedDateTime.of(v[0], v[1], v[2], v[3], v[4], v[5], 0, ZoneOffset.UTC).toInstant();
    }

    /** The model's list {@code name}; it replaces the text an element we do not model may have left under that name. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> m, String name) {
        if (!(m.get(name) instanceof List<?>)) m.put(name, new ArrayList<>());
        return (List<Map<String, Object>>) m.get(name);
    }

    static void putIfAbsent(Map<String, Object> m, String name, Object value) {
        if (value != null) m.putIfAbsent(name, value);
    }

    static String blankToNull(String s) {
        if (s == null) return null;
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    /** Names and values in turn; values may be null. */
    static Map<String, Object> ordered(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        return map;
    }

    static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
