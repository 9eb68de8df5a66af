package org.tidings.server.store;

import java.time.Instant;

/**
 * An article as ingestion hands it to the store.
 *
 * @param entryKey    the entry's identity within its source (guid, else link, else content hash)
 * @param contentHash a digest of everything shown, to tell an updated entry from an unchanged one
 */
public record ArticleDraft(
        String entryKey,
        String url,
        String title,
        String summary,
        String content,
        String author,
        String imageUrl,
        Instant publishedAt,
        Instant updatedAt,
        String contentHash) {}
