package org.tidings.text;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Language tags as Tidings compares them: the primary subtag in lower case, as an ISO 639-1 code where one exists. */
public final class LanguageTags {

    /** Codes the language detector answers that have no ISO 639-1 code, mapped to their close written standard. */
    private static final Map<String, String> MACRO_LANGUAGES = Map.of(
            "cmn", "zh", "pes", "fa", "lvs", "lv", "ekk", "et", "pnb", "pa", "plt", "mg", "gsw", "de", "zsm", "ms");
    /** ISO 639-2/3 codes ("eng", "ara") to ISO 639-1 ("en", "ar"), from the JDK's locale data. */
    private static final Map<String, String> TWO_LETTER = twoLetterCodes();

    private LanguageTags() {
    }

    /** "en-US", "EN", "en_gb" and "eng" are "en"; null for a tag without a primary subtag. */
    public static String primary(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String primary = tag.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return primary.isEmpty() ? null : TWO_LETTER.getOrDefault(primary, primary);
    }

    /** The ISO 639-1 code of an ISO 639-2/3 code, or null when there is none. */
    public static String twoLetter(String code) {
        return TWO_LETTER.get(code);
    }

    private static Map<String, String> twoLetterCodes() {
        Map<String, String> codes = new HashMap<>(MACRO_LANGUAGES);
        for (String two : Locale.getISOLanguages()) {
            codes.putIfAbsent(Locale.of(two).getISO3Language(), two);
        }
        return Map.copyOf(codes);
    }
}
