package org.tidings.server.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.tidings.article.ArticleText;
import org.tidings.extract.ArticleExtractor;
import org.tidings.extract.ExtractedArticle;
import org.tidings.server.fetch.FetchException;
import org.tidings.server.fetch.FetchResponse;
import org.tidings.server.fetch.Fetcher;
import org.tidings.server.fetch.RobotsRules;
import org.tidings.server.store.ArticleStage;
import org.tidings.server.store.ArticleStore;
import org.tidings.server.store.PipelineStore.Job;
import org.tidings.url.CanonicalUrl;

/** One article page: whatever happens, the feed's own text stays as the fallback, and the article goes on. */
@Service
public record FullTextFetcher(Fetcher fetcher, RobotsRules robots, ArticleStore articles, MeterRegistry metrics) {

    private static final Logger log = LoggerFactory.getLogger(FullTextFetcher.class);
    private static final String ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";
    /** Short, because the article waits for its page before it is enriched and placed in its story. */
    static final List<Duration> RETRIES = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5));

    public void fetch(Job job, ArticleStage next) {
        Optional<ArticleStore.PageRequest> request = articles.pageRequest(job);
        if (request.isEmpty()) return; // deleted with its source meanwhile
        URI page;
        try {
            page = URI.create(request.get().url());
        } catch (IllegalArgumentException | NullPointerException e) {
            onFailed(job, "not a valid URL", List.of(), next);
            return;
        }
        if (!robots.allows(page)) {
            articles.onPageFailed(job, "robots.txt does not allow fetching this page", "blocked", List.of(), next);
            count("blocked");
            return;
        }
        FetchResponse response;
        try {
            response = fetcher.get(page, ACCEPT, null, null);
        } catch (FetchException e) {
            onFailed(job, e.getMessage(), RETRIES, next);
            return;
        }
        if (!response.ok()) {
            // a 4xx will not change by asking again; a 5xx may
            onFailed(job, "the page answered HTTP " + response.status(), response.status() < 500 ? List.of() : RETRIES, next);
            return;
        }
        String url = response.finalUri().toString();
        onFetched(job, request.get(), url, ArticleExtractor.extract(response.body(), response.contentType(), url), next);
    }

    private void onFetched(Job job, ArticleStore.PageRequest request, String url, ExtractedArticle page, ArticleStage next) {
        boolean teaser = page.excerpt() || page.html().isBlank();
        ArticleText text = teaser ? null : ArticleText.ofPage(request.title(), request.summary(), page.html(), page.text());
        articles.onPage(job, new ArticleStore.Page(text, CanonicalUrl.canonicalize(url, page.canonicalUrl()), page.byline(),
                page.lang(), page.image(), page.published(), page.modified(),
                page.keywords().isEmpty() ? null : String.join(", ", page.keywords()), page.imageCaption()), next);
        String status = teaser ? "excerpt" : "done";
        count(status);
        log.atDebug().addKeyValue("event", "full_text_" + status).addKeyValue("article_id", job.id())
                .log("article {} full text: {}", job.id(), status);
    }

    private void onFailed(Job job, String error, List<Duration> retries, ArticleStage next) {
        articles.onPageFailed(job, error, "failed", retries, next);
        count("failed");
        log.atInfo().addKeyValue("event", "full_text_failed").addKeyValue("article_id", job.id())
                .log("article {} full text failed: {}", job.id(), error);
    }

    private void count(String outcome) {
        metrics.counter("tidings.full_text", "outcome", outcome).increment();
    }
}
