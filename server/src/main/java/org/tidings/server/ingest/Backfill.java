package org.tidings.server.ingest;

import java.util.List;
import org.springframework.stereotype.Service;
import org.tidings.server.store.ArticleStage;
import org.tidings.server.store.ArticleStore;
import org.tidings.server.store.PipelineStore.Job;
import org.tidings.url.CanonicalUrl;

/**
 * Articles stored before migration V10 get what ingestion stores now (canonical address, body, text
 * and lead), then go through enrichment again. A batch at a time, while the site runs: stopping
 * half-way loses nothing.
 */
@Service
public record Backfill(ArticleStore articles) {

    /** Fills in the articles of these jobs and hands them to {@code next}, or to their page first while it is due. */
    public void fill(List<Job> jobs, ArticleStage next) {
        for (ArticleStore.Legacy old : articles.legacy(jobs)) {
            articles.onBackfilled(old.job(), CanonicalUrl.canonicalize(old.url()), old.text(),
                    "pending".equals(old.fullTextStatus()) ? ArticleStage.FULL_TEXT : next);
        }
    }
}
