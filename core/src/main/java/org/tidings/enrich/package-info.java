/**
 * What an article is about, for topic pages, sections and regional editions: its language (OpenNLP's model from a
 * Maven artifact), topics (a gazetteer, capitalised-phrase rules and recurring phrases; no trained model), section
 * (a hand-written word list, the source's section as prior), countries and regions (gazetteer mentions, dateline).
 * Nothing is downloaded. Public: {@code Enricher}, {@code Enrichment}, {@code Topic}, {@code Section}, {@code Place}.
 */
package org.tidings.enrich;
