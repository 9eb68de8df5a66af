package org.tidings.enrich;

/**
 * One mention of a place in a title or text, for {@link PlaceFinder}.
 *
 * @param country   ISO 3166-1 alpha-2 code of the country the place lies in
 * @param ambiguous the name is also a common word or a person's name ("Jordan", "Georgia")
 * @param weight    how much this mention counts (headline and lead count more; demonyms less)
 */
record Mention(String country, boolean ambiguous, double weight) {
}
