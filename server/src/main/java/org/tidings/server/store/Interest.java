package org.tidings.server.store;

import java.util.Locale;
import java.util.Optional;

/**
 * What a reader can follow or mute ({@code reader_follow.kind}, {@code reader_mute.kind}): a topic (its slug), a source
 * (its id), a section (its name), a keyword. Topics, sources and sections can be followed; topics, sources, keywords muted.
 */
public enum Interest {
    TOPIC, SOURCE, SECTION, KEYWORD;

    /** Longest topic slug, section name or keyword kept: the column's width. */
    static final int MAX_TARGET = 200;

    public String stored() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean followable() {
        return this != KEYWORD;
    }

    public boolean mutable() {
        return this != SECTION;
    }

    public static Optional<Interest> parse(String stored) {
        if (stored == null) return Optional.empty();
        for (Interest i : values()) if (i.stored().equals(stored.strip().toLowerCase(Locale.ROOT))) return Optional.of(i);
        return Optional.empty();
    }

    /** The target as stored: lower-cased, inner spaces collapsed ("#Ukraine" is "ukraine"), a source as its id; empty if invalid. */
    public Optional<String> normalize(String raw) {
        if (raw == null) return Optional.empty();
        String t = raw.strip().replaceAll("\\s+", " ");
        if (this == TOPIC) t = t.replaceFirst("^#", "");
        if (this == SOURCE) return t.matches("\\d{1,18}") ? Optional.of(t) : Optional.empty();
        if (this == TOPIC || this == SECTION) t = t.replace(' ', '-');
        t = t.toLowerCase(Locale.ROOT);
        if (t.isEmpty() || t.length() > MAX_TARGET || t.codePoints().anyMatch(Character::isISOControl)) return Optional.empty();
        return Optional.of(t);
    }
}
