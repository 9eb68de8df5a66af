package org.tidings.summary;

import java.util.Locale;

/** Language tags as the summary package uses them: the primary subtag, lower case. */
final class Languages {

    /** Used when the enrichment does not know the language: most sources in the data are English. */
    static final String DEFAULT = "en";

    private Languages() {
    }

    static String normalize(String lang) {
        if (lang == null || lang.isBlank()) {
            return DEFAULT;
        }
        String tag = lang.strip().toLowerCase(Locale.ROOT);
        int dash = indexOfSeparator(tag);
        return dash > 0 ? tag.substring(0, dash) : tag;
    }

    private static int indexOfSeparator(String tag) {
        for (int i = 0; i < tag.length(); i++) {
            char c = tag.charAt(i);
            if (c == '-' || c == '_') {
                return i;
            }
        }
        return -1;
    }
}
