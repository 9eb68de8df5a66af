package org.tidings.text;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** URL slugs and hashtags of topic names. */
public final class Slugs {

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{Nd}]+");
    /** An apostrophe before a small letter joins one word ("McDonald's" is "#McDonalds", not "#McDonaldS"). */
    private static final Pattern POSSESSIVE = Pattern.compile("(?<=\\p{L})['’](?=\\p{Ll})");
    /** Slugs are path segments: longer ones only make URLs unwieldy. */
    private static final int MAX_SLUG = 80;

    private Slugs() {
    }

    /** "Côte d’Ivoire" becomes "cote-d-ivoire"; "الأمم المتحدة" becomes "الامم-المتحده" (folded Arabic). */
    public static String slug(String name) {
        String folded = Folding.key(Folding.withoutAccents(name));
        String slug = NOT_WORD.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll("-").replaceAll("^-+|-+$", "");
        return slug.length() <= MAX_SLUG ? slug : slug.substring(0, MAX_SLUG).replaceAll("-+$", "");
    }

    /** "Federal Reserve" becomes "#FederalReserve"; Arabic words are joined by underscores. */
    public static String hashtag(String name) {
        boolean arabic = Folding.isArabic(name.strip());
        String joined = POSSESSIVE.matcher(name.strip()).replaceAll("");
        return Arrays.stream(NOT_WORD.split(joined)).filter(word -> !word.isEmpty())
                .map(word -> arabic ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1))
                .collect(Collectors.joining(arabic ? "_" : "", "#", ""));
    }
}
