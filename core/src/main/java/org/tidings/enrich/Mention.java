package org.tidings.enrich;

/**
 * A place named in a title or text: its country (ISO 3166-1 alpha-2), whether the name is also a common word or a
 * person's ("Jordan", "Georgia"), and its weight (headline and lead count more, demonyms less).
 */
record Mention(String country, boolean ambiguous, double weight) {
}
