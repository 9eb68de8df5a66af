package org.tidings.server.store;

import java.time.Instant;

/** An article as the pages show it, with its publisher. */
public record ArticleView(
        long id,
        long sourceId,
        String sourceName,
        String sourceSiteUrl,
        String url,
        String title,
        String summary,
        String content,
        String author,
        String imageUrl,
        Instant publishedAt,
        Instant updatedAt) {}
