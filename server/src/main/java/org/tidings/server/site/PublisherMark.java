package org.tidings.server.site;

/** A publisher's mark, the first letter of its name on a colour of its own: a favicon would be a third-party request. */
public final class PublisherMark {

    /** Hues of the marks' backgrounds (classes mark-0 to mark-11 in app.css), each dark enough for white text (AA). */
    static final int HUES = 12;

    private PublisherMark() {}

    /** The first letter or digit of the name, skipping a leading "The". */
    public static String letter(String name) {
        if (name == null || name.isBlank()) return "?";
        String n = name.strip();
        if (n.regionMatches(true, 0, "The ", 0, 4) && n.length() > 4) n = n.substring(4).strip();
        int at = 0;
        while (at < n.length() && !Character.isLetterOrDigit(n.codePointAt(at))) at += Character.charCount(n.codePointAt(at));
        return at >= n.length() ? "?" : new String(Character.toChars(Character.toUpperCase(n.codePointAt(at))));
    }

    /** The mark's colour class: the same publisher always gets the same colour. */
    public static String hue(String name) {
        return "mark-" + Math.floorMod(name == null ? 0 : name.hashCode(), HUES);
    }
}
