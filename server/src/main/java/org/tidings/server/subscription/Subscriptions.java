package org.tidings.server.subscription;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.tidings.feed.FeedDiscovery;
import org.tidings.feed.FeedParser;
import org.tidings.feed.Opml;
import org.tidings.feed.ParsedFeed;
import org.tidings.server.config.TidingsProperties;
import org.tidings.server.fetch.FetchException;
import org.tidings.server.fetch.FetchResponse;
import org.tidings.server.fetch.Fetcher;
import org.tidings.server.i18n.Message;
import org.tidings.server.pipeline.Pipeline;
import org.tidings.server.store.Source;
import org.tidings.server.store.SourceSettings;
import org.tidings.server.store.SourceStore;
import org.tidings.server.store.SubscriptionStore;

/**
 * A reader subscribing to a feed by its address (on the site, by OPML, or through an app). The address is read once,
 * through the one guarded fetcher, and must be a feed (or a page linking to one): an address inside the network, or
 * one that is not a feed, is refused and nothing is stored. A feed another reader (or the edition) already has is the
 * same source: it is fetched once however many readers follow it. A feed new to Tidings stays private to its
 * subscribers until an administrator publishes it.
 */
@Service
public class Subscriptions {

    private static final Logger log = LoggerFactory.getLogger(Subscriptions.class);
    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, text/html;q=0.9, */*;q=0.5";
    private static final Duration CHECK_TIME = Duration.ofSeconds(15);
    private static final int MAX_CANDIDATES = 4;
    /** Feeds one OPML import may subscribe to: each is read once before it is added. */
    static final int MAX_IMPORTED = 200;

    /** Why an address cannot be subscribed to, in a sentence for the reader. */
    public static final class Refused extends Exception {
        private final transient Message reason;

        Refused(Message reason) {
            super(reason.key() + " " + reason.args());
            this.reason = reason;
        }

        public Message reason() {
            return reason;
        }
    }

    /** The subscription made (or already there). */
    public record Subscribed(Source source, boolean added) {}

    /** Counts of an OPML import. */
    public record Imported(int added, int known, List<String> refused) {}

    private final SourceStore sources;
    private final SubscriptionStore store;
    private final Fetcher fetcher;
    private final Pipeline pipeline;
    private final TidingsProperties properties;

    Subscriptions(SourceStore sources, SubscriptionStore store, Fetcher fetcher, Pipeline pipeline, TidingsProperties properties) {
        this.sources = sources;
        this.store = store;
        this.fetcher = fetcher;
        this.pipeline = pipeline;
        this.properties = properties;
    }

    /** Subscribes the reader to the feed at {@code address}, or to the feed the page there links to. */
    public Subscribed subscribe(long reader, String address, String title, String label) throws Refused {
        String url = address == null ? "" : address.strip();
        Subscribed done = subscribeWithoutRefresh(reader, url, title, label);
        pipeline.refreshNow();
        return done;
    }

    private Subscribed subscribeWithoutRefresh(long reader, String url, String title, String label) throws Refused {
        if (!url.startsWith("http://") && !url.startsWith("https://") || url.length() > 2000) {
            throw new Refused(Message.of("subscriptions.problem.address"));
        }
        var known = sources.findByFeedUrl(url);
        if (known.isPresent()) return subscribed(reader, known.get(), title, label);
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new Refused(Message.of("subscriptions.problem.address"));
        }
        long deadline = System.nanoTime() + Math.min(CHECK_TIME.toNanos(), properties.fetch().totalTimeout().toNanos());
        FetchResponse page = fetch(uri, deadline, url);
        String pageUrl = page.finalUri().toString();
        ParsedFeed feed = FeedParser.parse(page.body(), page.contentType(), pageUrl);
        if (feed.isFeed()) return subscribed(reader, register(url, feed, null), title, label);
        for (String candidate : FeedDiscovery.discover(page.body(), page.contentType(), pageUrl).stream().limit(MAX_CANDIDATES).toList()) {
            var knownCandidate = sources.findByFeedUrl(candidate);
            if (knownCandidate.isPresent()) return subscribed(reader, knownCandidate.get(), title, label);
            try {
                FetchResponse linked = fetch(URI.create(candidate), deadline, candidate);
                ParsedFeed parsed = FeedParser.parse(linked.body(), linked.contentType(), linked.finalUri().toString());
                if (parsed.isFeed()) return subscribed(reader, register(candidate, parsed, url), title, label);
            } catch (Refused | IllegalArgumentException e) {
                // the next candidate, if any
            }
        }
        throw new Refused(Message.of("subscriptions.problem.notFeed", url));
    }

    private FetchResponse fetch(URI uri, long deadline, String url) throws Refused {
        try {
            FetchResponse page = fetcher.get(uri, ACCEPT, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (!page.ok()) throw new Refused(Message.of("registration.httpStatus", url, page.status()));
            return page;
        } catch (FetchException e) {
            if (e.kind() == FetchException.Kind.REFUSED) throw new Refused(Message.of("subscriptions.problem.inside", url));
            throw new Refused(Message.of("registration.unreachable", url, e.getMessage()));
        }
    }

    private Source register(String feedUrl, ParsedFeed feed, String pageUrl) {
        String name = feed.title() == null || feed.title().isBlank() ? URI.create(feedUrl).getHost() : feed.title().strip();
        String site = feed.link() != null && feed.link().startsWith("http") ? feed.link() : pageUrl;
        Source source = sources.addPrivate(new SourceSettings(feedUrl, name.length() > 300 ? name.substring(0, 300) : name,
                site, null, null, null, false, true), properties.scheduler().defaultInterval());
        log.atInfo().addKeyValue("event", "reader_source_added").addKeyValue("source_id", source.id())
                .log("source {} added by a reader", source.id());
        return source;
    }

    private Subscribed subscribed(long reader, Source source, String title, String label) {
        boolean added = store.subscribe(reader, source.id(), title, label);
        return new Subscribed(source, added);
    }

    /** Subscribes the reader to every feed of an OPML document (at most {@value #MAX_IMPORTED}), each read first. */
    public Imported importOpml(long reader, byte[] opml) {
        int added = 0, known = 0;
        List<String> refused = new java.util.ArrayList<>();
        for (Opml.Feed feed : Opml.parse(opml).stream().limit(MAX_IMPORTED).toList()) {
            String label = feed.categories().isEmpty() ? null : feed.categories().getLast();
            try {
                if (subscribeWithoutRefresh(reader, feed.feedUrl() == null ? "" : feed.feedUrl().strip(), feed.title(), label).added()) added++;
                else known++;
            } catch (Refused e) {
                refused.add(feed.feedUrl() == null ? "" : feed.feedUrl());
            }
        }
        pipeline.refreshNow();
        return new Imported(added, known, refused);
    }

    public boolean unsubscribe(long reader, long sourceId) {
        return store.unsubscribe(reader, sourceId);
    }
}
