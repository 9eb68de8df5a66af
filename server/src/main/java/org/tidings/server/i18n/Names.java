package org.tidings.server.i18n;

import java.util.Locale;
import org.springframework.context.MessageSource;

/** What readers see in place of the codes that sources and articles carry: languages, regions and sections by name. */
public final class Names {

    private Names() {}

    /** A language by its name in the reader's language ("French", "الفرنسية"); the code itself when it has no name. */
    public static String language(String code, Locale reader) {
        String name = Locale.forLanguageTag(code).getDisplayLanguage(reader);
        return name.isBlank() ? code : name;
    }

    /**
     * A region: the bundles' name for Tidings' own regions ("gulf", "uk"), else the country a two-letter code names,
     * else the word itself, capitalised.
     */
    public static String region(String code, MessageSource messages, Locale reader) {
        String fallback = code.length() == 2 ? Locale.of("", code.toUpperCase(Locale.ROOT)).getDisplayCountry(reader)
                : capitalised(code);
        return messages.getMessage("search.region." + code, null, fallback, reader);
    }

    /** A word without a name in the bundles, shown as a name: its first letter in capitals. */
    public static String capitalised(String word) {
        return word.isEmpty() ? word : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }
}
