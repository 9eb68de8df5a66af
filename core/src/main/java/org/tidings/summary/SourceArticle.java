package org.tidings.summary;

import java.time.Instant;

/**
 * One article of a story, as the story summary needs it: its id (echoed in citations), its publisher's name or id
 * (agreement is counted in publishers, not articles), its publication time (null puts it last in the timeline), its
 * extracted text (one paragraph per line) and its language tag (null when unknown).
 */
public record SourceArticle(String id, String publisher, Instant published, String text, String lang) {
}
