/**
 * Enrichment: what an article is about, for topic pages, sections and regional editions.
 *
 * <p>{@link org.tidings.enrich.Enricher#enrich} takes an article's title, text, declared language and the source's
 * section and returns an {@link org.tidings.enrich.Enrichment}: the language (ISO 639-1, OpenNLP's model that ships
 * in a Maven artifact), topics with a kind, display name, {@code /topic/{slug}} slug, score and hashtag (from a
 * gazetteer of places and organisations, capitalised-phrase rules and recurring phrases; no trained model), a
 * {@link org.tidings.enrich.Section} with a confidence (a hand-written word list with the source's section as a
 * prior), and the countries and regions the article is about (gazetteer mentions and the dateline).
 *
 * <p>Everything is read from the class path at construction; nothing is downloaded. The public surface is
 * {@code Enricher}, {@code Enrichment}, {@code Topic}, {@code Section} and {@code Place}; the rest is package-private.
 */
package org.tidings.enrich;
