package org.tidings.server.sources;

import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.tidings.enrich.Section;
import org.tidings.server.site.Sections;

/**
 * What the source form offers in its lists (languages, regions and sections Tidings knows), and what it accepts typed
 * in as "other": a well-formed language tag, a country code or one of Tidings' regions, a section the site has.
 */
public final class SourceChoices {

    /** The value of the lists' "other" entry: the code is then typed in beside the list. */
    public static final String OTHER = "other";

    /** The languages of the default sources and of the interface, and the most read others. */
    public static final List<String> LANGUAGES = List.of("ar", "de", "en", "es", "fa", "fr", "hi", "it", "ja", "ko",
            "nl", "pt", "ru", "tr", "uk", "ur", "zh");
    /** Tidings' own regions (the editions' and the bundles'), then the countries of the default sources. */
    public static final List<String> REGIONS = List.of("arab", "europe", "global", "gulf", "india", "uk", "us",
            "au", "ca", "de", "es", "fr", "hk", "jp");
    public static final List<String> SECTIONS = Sections.SLUGS;

    /** Regions of the enrichment's gazetteer and of the bundles that are no country code. */
    private static final Set<String> OWN_REGIONS = Set.of("arab", "europe", "global", "gulf", "india", "uk", "us",
            "middle-east", "south-asia", "africa", "asia", "americas", "oceania");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    /** ISO 639-1 codes and their ISO 639-2 counterparts, from the JDK's locale data. */
    private static final Set<String> LANGUAGE_CODES = Stream.of(Locale.getISOLanguages())
            .flatMap(code -> Stream.of(code, Locale.of(code).getISO3Language())).collect(Collectors.toUnmodifiableSet());

    private SourceChoices() {}

    /** "en", "pt-BR", "zh-Hant": a well-formed tag whose language has an ISO 639 code. */
    static boolean isLanguage(String tag) {
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag).build();
            return LANGUAGE_CODES.contains(locale.getLanguage());
        } catch (IllformedLocaleException e) {
            return false;
        }
    }

    /** "fr" (a country), "gulf" (a region of Tidings'). */
    static boolean isRegion(String code) {
        return OWN_REGIONS.contains(code) || code.length() == 2 && COUNTRIES.contains(code.toUpperCase(Locale.ROOT));
    }

    /** The section of the site a name means ("world", "Tech", "économie" is none), or null: "news" and the like say none. */
    static String section(String name) {
        Section section = Section.fromName(name);
        return section == null || section == Section.GENERAL ? null : section.slug();
    }
}
