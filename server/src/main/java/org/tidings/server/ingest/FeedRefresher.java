package org.tidings.server.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tidings.feed.FeedEntry;
import org.tidings.feed.FeedParser;
import org.tidings.feed.ParsedFeed;
import org.tidings.server.config.TidingsProperties;
import org.tidings.server.fetch.FetchException;
import org.tidings.server.fetch.FetchResponse;
import org.tidings.server.fetch.Fetcher;
import org.tidings.server.store.ArticleDraft;
import org.tidings.server.store.ArticleStore;
import org.tidings.server.store.Source;
import org.tidings.server.store.SourceStore;

/** One refresh of one source: every outcome ends in exactly one {@code on...} method that writes the health line and releases the claim. */
@Service
public class FeedRefresher {

    private static final Logger log = LoggerFactory.getLogger(FeedRefresher.class);
    private static final String ACCEPT =
            "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";

    private final Fetcher fetcher;
    private final SourceStore sources;
    private final ArticleStore articles;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final PollingPolicy polling;
    private final TransactionTemplate transactions;
    /** Entries published longer ago are not stored: retention would prune them, and the feed would bring them back. */
    private final Duration articlesKept;

    public FeedRefresher(Fetcher fetcher, SourceStore sources, ArticleStore articles, TidingsProperties properties,
            Clock clock, MeterRegistry metrics, PlatformTransactionManager transactionManager) {
        this.fetcher = fetcher;
        this.sources = sources;
        this.articles = articles;
        this.clock = clock;
        this.metrics = metrics;
        this.polling = new PollingPolicy(properties.scheduler().minInterval(), properties.scheduler().maxInterval());
        this.articlesKept = properties.retention().articles();
        this.transactions = new TransactionTemplate(transactionManager);
    }

    private boolean olderThanKept(ArticleDraft draft, Instant now) {
        return articlesKept.isPositive() && draft.publishedAt() != null && draft.publishedAt().isBefore(now.minus(articlesKept));
    }

    public RefreshResult refresh(Source source) {
        FetchResponse response;
        try {
            response = fetcher.get(URI.create(source.feedUrl()), ACCEPT, source.validators().etag(), source.validators().lastModified());
        } catch (FetchException e) {
            return onFetchFailure(source, e.kind().name().toLowerCase(), null, e.getMessage(), null);
        } catch (IllegalArgumentException e) {
            return onFetchFailure(source, "bad_url", null, "not a valid URL: " + source.feedUrl(), null);
        }
        if (response.movedTo() != null) onMovedPermanently(source, response.movedTo().toString());
        if (response.notModified()) return onNotModified(source, response.status(), source.validators());
        if (response.status() == 410) return onGone(source);
        if (!response.ok()) return onFetchFailure(source, "http_" + response.status(), response.status(),
                "the server answered HTTP " + response.status(), retryAfter(response));

        String bodyHash = EntryDrafts.sha256(response.body());
        Source.Validators validators = new Source.Validators(response.etag(), response.lastModified(), bodyHash);
        if (bodyHash.equals(source.validators().bodyHash())) return onNotModified(source, response.status(), validators);

        ParsedFeed feed = FeedParser.parse(response.body(), response.contentType(), response.finalUri().toString());
        if (!feed.isFeed()) {
            String type = response.contentType() == null ? "no content type" : "content type " + response.contentType();
            return onFetchFailure(source, "not_a_feed", response.status(),
                    "the document is not an RSS, Atom or JSON feed (" + type + ")", null);
        }
        return onFetchSuccess(source, response, validators, feed);
    }

    private RefreshResult onFetchSuccess(Source source, FetchResponse response, Source.Validators validators, ParsedFeed feed) {
        Instant now = clock.instant();
        int[] counts = new int[4]; // inserted, updated, unchanged, skipped
        // one transaction per feed: one commit (one WAL flush on PostgreSQL) instead of one per entry
        transactions.executeWithoutResult(tx -> {
            for (FeedEntry entry : feed.entries()) {
                ArticleDraft draft = EntryDrafts.toDraft(entry, now);
                if (draft == null || olderThanKept(draft, now)) counts[3]++;
                else counts[articles.save(source.id(), draft, source.fullText()).ordinal()]++;
            }
        });
        int inserted = counts[0], updated = counts[1], skipped = counts[3];
        String status = feed.bozo() ? "ok_recovered" : "ok";
        Duration next = polling.next(feed.entries().stream().map(e -> e.published() != null ? e.published() : e.updated()).toList(),
                now, interval(source), inserted > 0);
        sources.onFetched(source.id(), status, response.status(), validators, next, feed.bozoReason());
        count("ok");
        metrics.counter("tidings.articles.ingested").increment(inserted);
        log.atInfo().addKeyValue("event", "feed_fetched").addKeyValue("source_id", source.id())
                .addKeyValue("entries", feed.entries().size()).addKeyValue("left_out", feed.leftOut()).addKeyValue("inserted", inserted)
                .addKeyValue("updated", updated).addKeyValue("skipped", skipped).addKeyValue("next_in_s", next.toSeconds())
                .log("fetched feed of source {}", source.id());
        return new RefreshResult(status, inserted);
    }

    private RefreshResult onNotModified(Source source, int httpStatus, Source.Validators validators) {
        sources.onFetched(source.id(), "not_modified", httpStatus, validators, polling.unchanged(interval(source)), null);
        count("not_modified");
        log.atDebug().addKeyValue("event", "feed_not_modified").addKeyValue("source_id", source.id())
                .log("feed of source {} not modified", source.id());
        return RefreshResult.nothingStored("not_modified");
    }

    private void onMovedPermanently(Source source, String newUrl) {
        boolean moved = sources.moveFeedUrl(source.id(), newUrl);
        log.atInfo().addKeyValue("event", "feed_moved").addKeyValue("source_id", source.id())
                .addKeyValue("to", newUrl).addKeyValue("followed", moved)
                .log("feed of source {} moved permanently to {}", source.id(), newUrl);
    }

    private RefreshResult onGone(Source source) {
        sources.disable(source.id(), "gone", 410,
                "the publisher says this feed is gone for good (HTTP 410); edit the feed URL to enable it again");
        count("gone");
        log.atWarn().addKeyValue("event", "feed_gone").addKeyValue("source_id", source.id())
                .log("feed of source {} is gone; source disabled", source.id());
        return RefreshResult.nothingStored("gone");
    }

    private RefreshResult onFetchFailure(Source source, String status, Integer httpStatus, String error, Duration retryAfter) {
        int failures = source.health().consecutiveFailures() + 1;
        Duration wait = backoff(failures);
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) wait = min(retryAfter, polling.max());
        sources.onFailed(source.id(), status, httpStatus, error, clock.instant().plus(wait));
        count("failed");
        log.atWarn().addKeyValue("event", "feed_failed").addKeyValue("source_id", source.id())
                .addKeyValue("status", status).addKeyValue("failures", failures)
                .addKeyValue("retry_in_s", wait.toSeconds())
                .log("fetching source {} failed: {}", source.id(), error);
        return RefreshResult.nothingStored(status);
    }

    private Duration interval(Source source) {
        return polling.clamp(Duration.ofSeconds(source.fetchIntervalSeconds()));
    }

    /** Doubles from the minimum interval with each consecutive failure, up to the maximum: never gives up. */
    Duration backoff(int failures) {
        Duration wait = polling.min();
        for (int i = 1; i < failures && wait.compareTo(polling.max()) < 0; i++) wait = wait.multipliedBy(2);
        return min(wait, polling.max());
    }

    /** The wait that a 429 or 503 answer asks for, in seconds or as an HTTP date; null when it asks none. */
    private Duration retryAfter(FetchResponse response) {
        String header = response.retryAfter();
        if (response.status() != 429 && response.status() != 503 || header == null || header.isBlank()) return null;
        try {
            return Duration.ofSeconds(Long.parseLong(header.strip()));
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(clock.instant(), at);
                return d.isNegative() ? null : d;
            } catch (RuntimeException e2) {
                return null;
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private void count(String outcome) {
        metrics.counter("tidings.feed.fetches", "outcome", outcome).increment();
    }
}
