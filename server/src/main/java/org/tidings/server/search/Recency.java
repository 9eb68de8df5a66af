package org.tidings.server.search;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;

/**
 * The freshness of an article as a factor on its relevance: {@code 1 + WEIGHT * H / (H + age)},
 * 1 + WEIGHT for news of this moment, halfway after the half-life H, tending to 1 for the archive.
 * A strong match in an old article still beats a weak one in today's, but between equal matches
 * the newer report comes first, as readers of news expect.
 */
final class Recency extends DoubleValuesSource {

    /** How much fresher news may weigh: at most twice an archived article's score. */
    static final double WEIGHT = 1.0;
    /** After three days a report has lost half its freshness: the life of a news story. */
    static final long HALF_LIFE_MILLIS = 3L * 24 * 3600 * 1000;

    private final long nowMillis;

    Recency(long nowMillis) {
        this.nowMillis = nowMillis;
    }

    @Override
    public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
        NumericDocValues published = DocValues.getNumeric(ctx.reader(), SearchFields.PUBLISHED);
        return new DoubleValues() {
            double value;

            @Override
            public double doubleValue() {
                return value;
            }

            @Override
            public boolean advanceExact(int doc) throws IOException {
                if (!published.advanceExact(doc)) {
                    value = 1;
                } else {
                    long age = Math.max(0, nowMillis - published.longValue());
                    value = 1 + WEIGHT * HALF_LIFE_MILLIS / (double) (HALF_LIFE_MILLIS + age);
                }
                return true;
            }
        };
    }

    @Override
    public boolean needsScores() {
        return false;
    }

    @Override
    public DoubleValuesSource rewrite(IndexSearcher searcher) {
        return this;
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
        return false; // depends on the moment of the query
    }

    @Override
    public int hashCode() {
        return Objects.hash(Recency.class, nowMillis);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Recency other && other.nowMillis == nowMillis;
    }

    @Override
    public String toString() {
        return "recency(now=" + nowMillis + ")";
    }
}
