package org.tidings.server.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.tidings.extract.ArticleExtractor;
import org.tidings.extract.ExtractedArticle;
import org.tidings.server.fetch.FetchException;
import org.tidings.server.fetch.FetchResponse;
import org.tidings.server.fetch.Fetcher;
import org.tidings.server.fetch.RobotsRules;
import org.tidings.server.store.ArticleStore;

/**
 * One article page, top to bottom: ask robots.txt, fetch the page with the shared fetcher,
 * extract its main text, store it. Whatever happens, the feed's own text stays as the fallback.
 */
@Service
public class FullTextFetcher {

    private static final Logger log = LoggerFactory.getLogger(FullTextFetcher.class);
    private static final String ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";
    /** A page that fails this often (server errors, time-outs) is left with the feed's text. */
    static final int MAX_ATTEMPTS = 3;
    private static final Duration RETRY_AFTER = Duration.ofMinutes(30);

    private final Fetcher fetcher;
    private final RobotsRules robots;
    private final ArticleStore articles;
    private final MeterRegistry metrics;

    public FullTextFetcher(Fetcher fetcher, RobotsRules robots, ArticleStore articles, MeterRegistry metrics) {
        this.fetcher = fetcher;
        this.robots = robots;
        this.articles = articles;
        this.metrics = metrics;
    }

    public void fetch(ArticleStore.FullTextJob job) {
        URI page;
        try {
            page = URI.create(job.url());
        } catch (IllegalArgumentException e) {
            onFailed(job, "not a valid URL", 0);
            return;
        }
        if (!robots.allows(page)) {
            articles.onFullTextFailed(job.id(), "robots.txt does not allow fetching this page", "blocked", 0, RETRY_AFTER);
            count("blocked");
            return;
        }
        FetchResponse response;
        try {
            response = fetcher.get(page, ACCEPT, null, null);
        } catch (FetchException e) {
            onFailed(job, e.getMessage(), MAX_ATTEMPTS);
            return;
        }
        if (!response.ok()) {
            // a 4xx will not change by asking again; a 5xx may
            onFailed(job, "the page answered HTTP " + response.status(), response.status() < 500 ? 0 : MAX_ATTEMPTS);
            return;
        }
        onFetched(job, ArticleExtractor.extract(response.body(), response.contentType(), response.finalUri().toString()));
    }

    private void onFetched(ArticleStore.FullTextJob job, ExtractedArticle page) {
        String status = page.excerpt() || page.html() == null || page.html().isBlank() ? "excerpt" : "done";
        articles.onFullText(job.id(), new ArticleStore.FullText(status, status.equals("done") ? page.html() : null,
                page.byline(), page.lang(), page.image()));
        count(status);
        log.atDebug().addKeyValue("event", "full_text_" + status).addKeyValue("article_id", job.id())
                .log("article {} full text: {}", job.id(), status);
    }

    private void onFailed(ArticleStore.FullTextJob job, String error, int maxAttempts) {
        articles.onFullTextFailed(job.id(), error, "failed", maxAttempts, RETRY_AFTER);
        count("failed");
        log.atInfo().addKeyValue("event", "full_text_failed").addKeyValue("article_id", job.id())
                .log("article {} full text failed: {}", job.id(), error);
    }

    private void count(String outcome) {
        metrics.counter("tidings.full_text", "outcome", outcome).increment();
    }
}
