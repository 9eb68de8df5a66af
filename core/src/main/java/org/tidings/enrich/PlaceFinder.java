package org.tidings.enrich;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The countries and regions an article is about, for regional editions: gazetteer mentions weighted by where they
 * stand (headline, lead), and the dateline ("DUBAI (Reuters) -", "NEW DELHI, March 10 -", "دبي - وام:"), which names
 * where the story happened. Immutable and thread-safe.
 */
final class PlaceFinder {

    /** The dateline is the publisher saying where the story is: stronger than a headline mention. */
    private static final double DATELINE_WEIGHT = 4.0;
    /** An ambiguous name ("Jordan", "Georgia") counts half, and only beside support (see {@link #supported}). */
    private static final double AMBIGUOUS_FACTOR = 0.5;
    /** Countries with a smaller share of the evidence are passing mentions ("talks with the US"). */
    private static final double MIN_COUNTRY_SHARE = 0.1;
    /** A region needs this share of the evidence before an edition should carry the article. */
    private static final double MIN_REGION_SHARE = 0.2;
    private static final int MAX_COUNTRIES = 5;
    /** Datelines sit in the first line; looking further finds ordinary sentences. */
    private static final int DATELINE_WINDOW = 160;

    /** "NEW DELHI, March 10 (Reuters) -": upper-case place, optional date, optional agency, then a dash or colon. */
    private static final Pattern LATIN_DATELINE = Pattern.compile(
            "^\\s*(\\p{Lu}[\\p{Lu}.'’ -]{1,40}?)\\s*(?:,[^\\n(–—:-]{0,40})?\\s*(?:\\([^)\\n]{1,40}\\))?\\s*[-–—:]");
    /** "دبي - وام:", "الرياض (رويترز) -". */
    private static final Pattern ARABIC_DATELINE = Pattern.compile(
            "^\\s*([\\p{IsArabic} ]{2,30}?)\\s*(?:\\([^)\\n]{1,40}\\))?\\s*[-–—:]");

    private final Gazetteer gazetteer;

    PlaceFinder(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** Countries and regions, each list strongest first. */
    record Result(List<Place> countries, List<Place> regions) {
    }

    Result find(String text, List<Mention> mentions) {
        Map<String, Double> weights = new LinkedHashMap<>();
        String dateline = datelineCountry(text);
        if (dateline != null) {
            weights.merge(dateline, DATELINE_WEIGHT, Double::sum);
        }
        Set<String> supportedCountries = supportedCountries(mentions, dateline);
        for (Mention mention : mentions) {
            if (!mention.ambiguous()) {
                weights.merge(mention.country(), mention.weight(), Double::sum);
            } else if (supportedCountries.contains(mention.country()) || supported(mention, supportedCountries)) {
                weights.merge(mention.country(), mention.weight() * AMBIGUOUS_FACTOR, Double::sum);
            }
        }
        return rank(weights);
    }

    /** Countries named unambiguously somewhere in the article (or in its dateline). */
    private static Set<String> supportedCountries(List<Mention> mentions, String dateline) {
        Set<String> countries = mentions.stream().filter(mention -> !mention.ambiguous()).map(Mention::country)
                .collect(Collectors.toCollection(HashSet::new));
        if (dateline != null) {
            countries.add(dateline);
        }
        return countries;
    }

    /**
     * "Jordan" counts when a neighbour of the same region is named too (an article about Amman and Beirut), never
     * alone: alone it is as likely Michael Jordan, and "Georgia" as likely Atlanta's state.
     */
    private boolean supported(Mention mention, Set<String> countries) {
        Set<String> regions = gazetteer.regionsOf(mention.country());
        return countries.stream().anyMatch(country -> gazetteer.regionsOf(country).stream().anyMatch(regions::contains));
    }

    private String datelineCountry(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        String head = text.length() > DATELINE_WINDOW ? text.substring(0, DATELINE_WINDOW) : text;
        for (Pattern pattern : List.of(LATIN_DATELINE, ARABIC_DATELINE)) {
            Matcher m = pattern.matcher(head);
            if (m.find()) {
                Gazetteer.Entry entry = gazetteer.lookup(m.group(1).strip());
                if (entry != null && entry.country() != null && !entry.ambiguous()) {
                    return entry.country();
                }
            }
        }
        return null;
    }

    private Result rank(Map<String, Double> weights) {
        double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> regionShares = new LinkedHashMap<>();
        List<Place> countries = new ArrayList<>();
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            double share = e.getValue() / total;
            for (String region : gazetteer.regionsOf(e.getKey())) {
                regionShares.merge(region, share, Double::sum);
            }
            if (share >= MIN_COUNTRY_SHARE) {
                countries.add(new Place(e.getKey(), Enricher.round(share)));
            }
        }
        countries.sort(Comparator.comparingDouble(p -> -p.score()));
        List<Place> regions = regionShares.entrySet().stream().filter(e -> e.getValue() >= MIN_REGION_SHARE)
                .map(e -> new Place(e.getKey(), Enricher.round(Math.min(1, e.getValue()))))
                .sorted(Comparator.comparingDouble(p -> -p.score())).toList();
        return new Result(countries.stream().limit(MAX_COUNTRIES).toList(), regions);
    }
}
