package org.tidings.server.store;

import java.util.Locale;

/** Where an article is in the pipeline ({@code article.stage}): the stage with work to do on it next, in the pipeline's order. */
public enum ArticleStage {
    /** Stored before the pipeline kept its results on the article: its text, canonical URL and language are to be filled in. */
    BACKFILL,
    /** Its page is to be fetched and its main text extracted. */
    FULL_TEXT,
    /** Its language, section, regions, topics and digest are to be found. */
    ENRICH,
    /** It is to be placed in its story, or found to be a copy. */
    STORY,
    /** Nothing waits; the search index follows it by its change time. */
    DONE;

    /** The value of {@code article.stage}: the name in lower case without underscores ("fulltext"). */
    public String column() {
        return name().toLowerCase(Locale.ROOT).replace("_", "");
    }
}
