package org.tidings.enrich;

/**
 * A country or region an article is about.
 *
 * @param code  an ISO 3166-1 alpha-2 country code ("AE") or a region of the editions ("gulf", "middle-east",
 *              "india", "south-asia", "uk", "us", "europe", "africa", "asia", "americas", "oceania")
 * @param score share of the article's place evidence in (0, 1]; countries' scores sum to at most 1
 */
public record Place(String code, double score) {
}
