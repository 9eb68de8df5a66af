package org.tidings.summary;

import java.time.Instant;

/**
 * One article of a story, as the story summary needs it.
 *
 * @param id        the article's id, echoed in citations
 * @param publisher the publisher's name or id; agreement is counted in publishers, not articles
 * @param published publication time (may be null: such articles go last in the timeline)
 * @param text      the extracted article text, one paragraph per line
 * @param lang      its language tag, or null when unknown
 */
public record SourceArticle(String id, String publisher, Instant published, String text, String lang) {
}
