package org.tidings.server.search;

import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Where the {@link SearchIndexer} writes the articles: the embedded Lucene index ({@link SearchIndex}, the default) or
 * an OpenSearch cluster ({@code search.cluster}). Each holds the watermark it has followed the database to, committed
 * with the articles, so a restart resumes from there.
 */
public interface ArticleIndex extends Closeable {

    /** Whether this process can write now (another process holds the embedded index; a cluster is away). */
    boolean tryToWrite();

    /** Up to which change time the database is in the index. */
    Instant watermark();

    /** Adds the articles, or replaces their earlier versions. */
    void put(List<IndexedArticle> articles) throws IOException;

    /** Removes articles that are gone (deleted, pruned) or no longer listed (copies of others). */
    void remove(Collection<Long> articleIds) throws IOException;

    /** Removes every article of these sources (removed from the database). */
    void removeSources(Collection<Long> sourceIds) throws IOException;

    /** The sources that have articles in the index (to find those removed from the database). */
    Set<Long> indexedSources() throws IOException;

    /** Makes the changes durable along with how far the database has been followed. */
    void commit(Instant followedUpTo) throws IOException;

    /** Makes what was written visible to searches. */
    void refresh();

    /** Documents in the index, as of the last refresh. */
    int size() throws IOException;

    /**
     * Builds the index anew from the start of the database: {@code fill} writes every article into the index it is
     * given; searches see the new index only once it is whole where the engine allows it (a cluster switches an alias).
     */
    void rebuild(Filling fill) throws IOException;

    interface Filling {
        void into(ArticleIndex fresh) throws IOException;
    }
}
