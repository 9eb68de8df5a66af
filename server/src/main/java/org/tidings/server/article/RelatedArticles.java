package org.tidings.server.article;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.tidings.server.search.SearchEngine;
import org.tidings.server.store.Archive;
import org.tidings.server.store.ArticleView;
import org.tidings.server.store.SearchStore;
import org.tidings.story.RelatedCoverage;

/**
 * The "related" block of an article page: recent similar articles of other stories (its own story's have their
 * block), spread over publishers, none below the core's similarity floor: an empty block rather than filler.
 */
@Service
record RelatedArticles(SearchEngine similar, Archive articles, SearchStore sources, Clock clock) {

    private static final Logger log = LoggerFactory.getLogger(RelatedArticles.class);

    /**
     * Candidates from the index: it ranks by all of an article's text, the core by headline and lead, so those
     * above the core's floor are not all in the first few (measured in BENCHMARKS.md).
     */
    static final int CANDIDATES = 50;
    /** The lead compared besides the headline: the core reads its first 40 words, which this holds. */
    static final int LEAD_CHARS = 600;

    /** Up to {@code limit} recent articles of other stories similar to {@code article}, most related first. */
    List<ArticleView> similarTo(ArticleView article, int limit) {
        Instant now = clock.instant();
        RelatedCoverage.Candidate own = new RelatedCoverage.Candidate(String.valueOf(article.id()),
                article.storyId() == null ? null : article.storyId().toString(), String.valueOf(article.sourceId()),
                article.title(), article.lead().substring(0, Math.min(LEAD_CHARS, article.lead().length())),
                article.publishedAt(), null);
        List<RelatedCoverage.Candidate> pool;
        try {
            pool = similar.recentLike(own, article.lang(), now.minus(RelatedCoverage.RECENT), sources.disabledSourceIds(),
                    CANDIDATES, LEAD_CHARS);
        } catch (UncheckedIOException e) {
            // the block is a courtesy: an unreadable index leaves it out, not the article
            log.atWarn().addKeyValue("event", "related_failed").addKeyValue("article_id", article.id()).setCause(e)
                    .log("related articles could not be found");
            return List.of();
        }
        List<Long> ranked = RelatedCoverage.rank(own, pool, now, pool.size()).stream()
                .filter(r -> r.reason() == RelatedCoverage.Reason.SIMILAR).limit(limit).map(r -> Long.parseLong(r.id())).toList();
        // the index follows the database by a second or so: a candidate may have joined the story since
        return articles.listed(ranked).stream()
                .filter(a -> article.storyId() == null || !Objects.equals(a.storyId(), article.storyId()))
                .toList();
    }
}
