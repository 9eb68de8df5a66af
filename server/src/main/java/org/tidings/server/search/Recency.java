package org.tidings.server.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;

/**
 * Freshness as a factor on relevance, {@code 1 + WEIGHT * H / (H + age)}: between equal matches
 * the newer report comes first, but a strong old match still beats a weak new one.
 * Only the best {@link #CANDIDATES} are reordered: scoring every match keeps Lucene from skipping
 * postings blocks, which tripled the slowest searches.
 */
public final class Recency {

    /** How much fresher news may weigh: at most twice an archived article's score. */
    static final double WEIGHT = 1.0;
    /** After three days a report has lost half its freshness: the life of a news story. */
    public static final long HALF_LIFE_MILLIS = 3L * 24 * 3600 * 1000;
    /** Ten pages: an article below them would need more than twice the freshness to rise, which the factor cannot give. */
    public static final int CANDIDATES = 200;

    private Recency() {}

    static double factor(long publishedMillis, long nowMillis) {
        long age = Math.max(0, nowMillis - publishedMillis);
        return 1 + WEIGHT * HALF_LIFE_MILLIS / (double) (HALF_LIFE_MILLIS + age);
    }

    /** The hits with their scores times their freshness, best first. */
    static ScoreDoc[] reorder(IndexSearcher searcher, ScoreDoc[] hits, long nowMillis) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        ScoreDoc[] fresh = new ScoreDoc[hits.length];
        for (int i = 0; i < hits.length; i++) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hits[i].doc, leaves));
            NumericDocValues published = DocValues.getNumeric(leaf.reader(), SearchFields.PUBLISHED);
            double factor = published.advanceExact(hits[i].doc - leaf.docBase) ? factor(published.longValue(), nowMillis) : 1;
            fresh[i] = new ScoreDoc(hits[i].doc, (float) (hits[i].score * factor));
        }
        Arrays.sort(fresh, Comparator.comparingDouble((ScoreDoc d) -> d.score).reversed().thenComparingInt(d -> d.doc));
        return fresh;
    }
}
