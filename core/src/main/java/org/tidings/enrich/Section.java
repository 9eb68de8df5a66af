package org.tidings.enrich;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/** The sections of the site an article is filed under. {@link #GENERAL} means no section could be told. */
public enum Section {
    WORLD, POLITICS, BUSINESS, TECHNOLOGY, SCIENCE, HEALTH, SPORTS, ENTERTAINMENT, GENERAL;

    /** Common names publishers give their sections, for the source's default section. */
    private static final Map<String, Section> SYNONYMS = Map.ofEntries(
            Map.entry("news", GENERAL), Map.entry("top", GENERAL), Map.entry("nation", GENERAL),
            Map.entry("international", WORLD), Map.entry("global", WORLD), Map.entry("middle-east", WORLD),
            Map.entry("government", POLITICS), Map.entry("elections", POLITICS),
            Map.entry("economy", BUSINESS), Map.entry("money", BUSINESS), Map.entry("markets", BUSINESS),
            Map.entry("finance", BUSINESS), Map.entry("biz", BUSINESS),
            Map.entry("tech", TECHNOLOGY), Map.entry("sci-tech", TECHNOLOGY), Map.entry("scitech", TECHNOLOGY),
            Map.entry("sci", SCIENCE), Map.entry("environment", SCIENCE), Map.entry("climate", SCIENCE),
            Map.entry("wellness", HEALTH), Map.entry("medicine", HEALTH),
            Map.entry("sport", SPORTS), Map.entry("football", SPORTS), Map.entry("cricket", SPORTS),
            Map.entry("arts", ENTERTAINMENT), Map.entry("culture", ENTERTAINMENT), Map.entry("showbiz", ENTERTAINMENT),
            Map.entry("lifestyle", ENTERTAINMENT), Map.entry("movies", ENTERTAINMENT), Map.entry("music", ENTERTAINMENT),
            Map.entry("دولي", WORLD), Map.entry("عالم", WORLD), Map.entry("سياسة", POLITICS), Map.entry("اقتصاد", BUSINESS),
            Map.entry("تكنولوجيا", TECHNOLOGY), Map.entry("علوم", SCIENCE), Map.entry("صحة", HEALTH),
            Map.entry("رياضة", SPORTS), Map.entry("فن", ENTERTAINMENT), Map.entry("ثقافة", ENTERTAINMENT));

    /** The URL form: "technology". */
    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The section a publisher's section name means ("Tech", "sport", "Economy"), or null when unknown or blank. */
    public static Section fromName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String key = name.strip().toLowerCase(Locale.ROOT).replace(' ', '-').replace('_', '-');
        return Arrays.stream(values()).filter(section -> section.slug().equals(key)).findFirst()
                .orElse(SYNONYMS.get(key));
    }
}
