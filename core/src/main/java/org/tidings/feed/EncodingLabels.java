package org.tidings.feed;

import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Map;

/**
 * Encoding names as feeds and servers write them, meant as the Universal Feed Parser (Python's
 * codecs) reads them: each name means its own charset ("iso-8859-1" is not widened to windows-1252
 * as browsers do), with Python's aliases that Java does not know.
 */
final class EncodingLabels {

    private static final Map<String, String> PYTHON_ALIASES = Map.ofEntries(
            Map.entry("mac", "x-MacRoman"), Map.entry("macintosh", "x-MacRoman"), Map.entry("mac-roman", "x-MacRoman"),
            Map.entry("mac-cyrillic", "x-MacCyrillic"), Map.entry("mac-greek", "x-MacGreek"),
            Map.entry("mac-iceland", "x-MacIceland"), Map.entry("mac-latin2", "x-MacCentralEurope"),
            Map.entry("maclatin2", "x-MacCentralEurope"), Map.entry("maccentraleurope", "x-MacCentralEurope"),
            Map.entry("mac-turkish", "x-MacTurkish"), Map.entry("u8", "UTF-8"), Map.entry("utf", "UTF-8"),
            Map.entry("cp65001", "UTF-8"), Map.entry("latin-1", "ISO-8859-1"), Map.entry("latin", "ISO-8859-1"),
            Map.entry("8859", "ISO-8859-1"), Map.entry("cp819", "ISO-8859-1"), Map.entry("u16", "UTF-16"),
            Map.entry("u32", "UTF-32"), Map.entry("us", "US-ASCII"));

    private EncodingLabels() {}

    /** Null when the name means no charset Java has. */
    static Charset charset(String label) {
        String lower = label.strip().toLowerCase(Locale.ROOT);
        String name = PYTHON_ALIASES.getOrDefault(lower.replace('_', '-'), lower);
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            try {
                return Charset.forName(name.replace('_', '-'));
            } catch (IllegalArgumentException again) {
                return null;
            }
        }
    }
}
