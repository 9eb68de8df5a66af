package org.tidings.enrich;

/**
 * A country (ISO 3166-1 alpha-2, "AE") or an edition's region ({@link Enricher#REGIONS}) an article is about, with
 * its share of the place evidence in (0, 1]; countries' scores sum to at most 1.
 */
public record Place(String code, double score) {
}
