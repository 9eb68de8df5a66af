package org.tidings.server.search;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tidings.story.RelatedCoverage;

/**
 * The related block's work on a page rendered afresh: {@link SimilarArticles} (50 candidates from
 * the index) and {@link RelatedCoverage#rank}, as {@code RelatedArticles} runs them, for recent
 * articles of an index of {@code N} synthetic articles ({@link SearchBenchmark}'s, with publication
 * times spread over 30 days instead of two years, so that a quarter of them are in the last week).
 * Two passes over the sample; the second is reported (p50, p90, p99, max, and the time of each part).
 *
 * <pre>JAVA_OPTS=-Dtidings.data=/work/shared/data bench/run server org.tidings.server.search.RelatedBenchmark /tmp/tidings-related-bench 200000</pre>
 *
 * An index of N articles already in the directory is reused.
 */
public final class RelatedBenchmark {

    private static final Instant NOW = Instant.parse("2026-11-25T00:00:00Z");
    private static final Duration SPREAD = Duration.ofDays(30);
    /** As RelatedArticles. */
    private static final int CANDIDATES = 50;
    private static final int LEAD_CHARS = 600;
    /** Every this many articles, a recent one is measured. */
    private static final int SAMPLE_EVERY = 400;

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/tidings-related-bench");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        List<String> headlines = SearchBenchmark.headlines();
        Map<String, List<String>> sentences = SearchBenchmark.sentencesByLanguage();
        List<IndexedArticle> sample = new ArrayList<>();
        try (SearchIndex index = SearchIndex.open(dir)) {
            boolean build = index.size() != n;
            if (build) index.clear();
            for (int i = 0; i < n; i++) {
                IndexedArticle a = withinSpread(SearchBenchmark.article(i, headlines, sentences), i);
                if (build) index.put(a);
                if (i % SAMPLE_EVERY == 0 && a.publishedAt().isAfter(NOW.minus(RelatedCoverage.RECENT))) sample.add(a);
            }
            if (build) {
                index.commit(NOW);
                index.refresh();
            }
            System.out.printf("index: %,d articles, %d measured%n", index.size(), sample.size());
            SimilarArticles similar = new SimilarArticles(index);
            long[] took = new long[sample.size()];
            long searching = 0;
            long ranking = 0;
            int shown = 0;
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < sample.size(); i++) {
                    IndexedArticle a = sample.get(i);
                    String lead = a.text().length() > LEAD_CHARS ? a.text().substring(0, LEAD_CHARS) : a.text();
                    var own = new RelatedCoverage.Candidate(String.valueOf(a.id()), a.storyId() == null ? null : a.storyId().toString(),
                            String.valueOf(a.sourceId()), a.title(), lead, a.publishedAt(), null);
                    long t0 = System.nanoTime();
                    var pool = similar.recentLike(own, a.lang(), NOW.minus(RelatedCoverage.RECENT), List.of(), CANDIDATES, LEAD_CHARS);
                    long t1 = System.nanoTime();
                    var ranked = RelatedCoverage.rank(own, pool, NOW, pool.size());
                    long t2 = System.nanoTime();
                    took[i] = t2 - t0;
                    if (pass == 1) {
                        searching += t1 - t0;
                        ranking += t2 - t1;
                        shown += Math.min(6, ranked.size());
                    }
                }
            }
            Arrays.sort(took);
            System.out.printf("ms: p50 %.2f, p90 %.2f, p99 %.2f, max %.2f; mean candidates %.2f + ranking %.2f; related shown %.2f per article%n",
                    took[took.length / 2] / 1e6, took[took.length * 9 / 10] / 1e6, took[took.length * 99 / 100] / 1e6,
                    took[took.length - 1] / 1e6, searching / 1e6 / took.length, ranking / 1e6 / took.length, shown / (double) took.length);
        }
    }

    private static IndexedArticle withinSpread(IndexedArticle a, int i) {
        Instant published = NOW.minusMillis((long) (new Random(i).nextDouble() * SPREAD.toMillis()));
        return new IndexedArticle(a.id(), a.sourceId(), a.publisher(), a.title(), a.text(), a.lead(), a.lang(), a.section(), a.regions(),
                a.topics(), published, a.storyId());
    }
}
