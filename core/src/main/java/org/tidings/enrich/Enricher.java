package org.tidings.enrich;

import java.util.List;

import org.tidings.text.Tokenizer;

/**
 * The language, topics, section and places of one article. Build one and share it: construction loads the
 * model and word lists (about a second); {@link #enrich} is then thread-safe and offline. Hostile input (huge,
 * binary, empty) is cut to {@link #MAX_TEXT_CHARS} and yields an empty but valid result, not an exception.
 */
public final class Enricher {

    /** Text beyond this is not read: topics and section are settled long before 100,000 characters. */
    public static final int MAX_TEXT_CHARS = 100_000;
    /** The regions of the editions that {@link Enrichment#regions()} may name. */
    public static final List<String> REGIONS = List.of("us", "uk", "india", "gulf", "middle-east", "south-asia",
            "europe", "africa", "asia", "americas", "oceania");
    /** Headlines beyond this are not headlines. */
    private static final int MAX_TITLE_CHARS = 1_000;

    private final LanguageDetector languages;
    private final TopicExtractor topics;
    private final SectionClassifier sections;
    private final PlaceFinder places;

    public Enricher() {
        Gazetteer gazetteer = new Gazetteer();
        this.languages = new LanguageDetector();
        this.topics = new TopicExtractor(gazetteer);
        this.sections = new SectionClassifier();
        this.places = new PlaceFinder(gazetteer);
    }

    /**
     * Never null. Title and text may be null or empty; the declared language ("en", "ar-AE"), which decides short or
     * ambiguous texts, and the source's default section ("Tech", "sport") are priors, or null.
     */
    public Enrichment enrich(String title, String text, String declaredLang, String sourceSection) {
        String cleanTitle = clean(title, MAX_TITLE_CHARS);
        String cleanText = clean(text, MAX_TEXT_CHARS);
        String both = cleanTitle.isEmpty() ? cleanText : cleanTitle + ".\n" + cleanText;
        LanguageDetector.Guess lang = languages.detect(both, declaredLang);
        TopicExtractor.Result found = topics.extract(cleanTitle, cleanText, lang.lang());
        SectionClassifier.Result section = sections.classify(Tokenizer.NAMES.tokens(cleanTitle),
                Tokenizer.NAMES.tokens(cleanText), Section.fromName(sourceSection));
        PlaceFinder.Result where = places.find(cleanText, found.places());
        return new Enrichment(lang.lang(), round(lang.confidence()), found.topics(), section.section(),
                section.confidence(), where.countries(), where.regions());
    }

    /** Detects only the language, e.g. of a headline with the feed's declared language as prior. */
    public String language(String text, String declaredLang) {
        return languages.detect(clean(text, MAX_TEXT_CHARS), declaredLang).lang();
    }

    /** Cuts to size (without splitting a surrogate pair) and blanks control characters that binary data brings. */
    private static String clean(String s, int max) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        int end = Math.min(s.length(), max);
        if (end < s.length() && Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        StringBuilder out = new StringBuilder(end);
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            out.append(Character.isISOControl(c) && c != '\n' && c != '\t' || c == '\uFFFD' ? ' ' : c);
        }
        return out.toString();
    }

    /** Scores are shown and stored to three decimals. */
    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
