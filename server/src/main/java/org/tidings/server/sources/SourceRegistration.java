package org.tidings.server.sources;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.tidings.feed.FeedDiscovery;
import org.tidings.feed.FeedParser;
import org.tidings.feed.Opml;
import org.tidings.server.config.TidingsProperties;
import org.tidings.server.fetch.FetchException;
import org.tidings.server.fetch.FetchResponse;
import org.tidings.server.fetch.Fetcher;
import org.tidings.server.i18n.Message;
import org.tidings.server.store.Source;
import org.tidings.server.store.SourceSettings;
import org.tidings.server.store.SourceStore;

/** Adding sources the way an operator thinks of them: by a feed's or a site's URL, or a whole OPML file; and exporting them. */
@Service
record SourceRegistration(SourceStore sources, Fetcher fetcher, TidingsProperties properties) {

    private static final Logger log = LoggerFactory.getLogger(SourceRegistration.class);
    /** A site page rarely lists more real feeds than this; more candidates only cost fetches. */
    private static final int MAX_CANDIDATES = 6;
    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, text/html;q=0.9, */*;q=0.5";
    /** The longest an administrator waits on "Add source": for the address and every feed its page links to, together. */
    private static final Duration CHECK_TIME = Duration.ofSeconds(15);

    /** The source added, and a sentence for the operator (or null). */
    public record Added(Source source, Message note) {}

    /**
     * Why an address cannot become a source, in a sentence for the operator; {@code confirmable} when the operator may
     * add it all the same (it could not be reached, or read as a feed, just now).
     */
    public static final class Refused extends Exception {
        private final transient Message reason;
        private final boolean confirmable;

        Refused(Message reason) {
            this(reason, false);
        }

        Refused(Message reason, boolean confirmable) {
            super(reason.key() + " " + reason.args());
            this.reason = reason;
            this.confirmable = confirmable;
        }

        public Message reason() {
            return reason;
        }

        public boolean confirmable() {
            return confirmable;
        }
    }

    /** Counts of an OPML import; {@code unsectioned}: the feeds added without a section, by their category that is none. */
    public record Imported(int added, int known, int invalid, Map<String, String> unsectioned) {}

    /**
     * Adds a feed as it is, or the feed a web page links to. An address that cannot be reached now, or read as a feed,
     * is refused with a question unless {@code confirmed}: then it is added as given, with the name given (its health
     * line will tell), since a publisher's outage must not stop an operator.
     */
    public Added add(SourceSettings settings, boolean confirmed) throws Refused {
        String url = settings.feedUrl();
        long deadline = System.nanoTime() + Math.min(CHECK_TIME.toNanos(), properties.fetch().totalTimeout().toNanos());
        FetchResponse page;
        try {
            page = fetcher.get(URI.create(url), ACCEPT, left(deadline));
        } catch (FetchException e) {
            if (e.kind() == FetchException.Kind.REFUSED) throw new Refused(Message.of("registration.refused", e.getMessage()));
            if (!confirmed) throw new Refused(Message.of("registration.unreachable", url, e.getMessage()), true);
            return save(settings, Message.of("registration.unchecked"));
        }
        if (!page.ok()) {
            if (!confirmed) throw new Refused(Message.of("registration.httpStatus", url, page.status()), true);
            return save(settings, Message.of("registration.unchecked"));
        }
        String pageUrl = page.finalUri().toString();
        if (FeedParser.parse(page.body(), page.contentType(), pageUrl).isFeed()) return save(settings, null);

        for (String candidate : FeedDiscovery.discover(page.body(), page.contentType(), pageUrl).stream().limit(MAX_CANDIDATES).toList()) {
            if (left(deadline).isZero()) throw new Refused(Message.of("registration.slow", url));
            if (!isFeed(candidate, left(deadline))) continue;
            if (sources.findByFeedUrl(candidate).isPresent()) throw new Refused(Message.of("registration.feedKnown", candidate));
            return save(new SourceSettings(candidate, settings.name(), settings.siteUrl() != null ? settings.siteUrl() : url,
                    settings.language(), settings.region(), settings.section(), settings.fullText(), settings.enabled()),
                    Message.of("registration.foundFeed", candidate));
        }
        if (!confirmed) throw new Refused(Message.of("registration.noFeed", url), true);
        return save(settings, Message.of("registration.unchecked"));
    }

    private static Duration left(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    private boolean isFeed(String url, Duration within) {
        try {
            FetchResponse r = fetcher.get(URI.create(url), ACCEPT, within);
            return r.ok() && FeedParser.parse(r.body(), r.contentType(), r.finalUri().toString()).isFeed();
        } catch (FetchException | IllegalArgumentException e) {
            return false;
        }
    }

    private Added save(SourceSettings settings, Message note) {
        Source source = sources.add(settings, properties.scheduler().defaultInterval());
        log.atInfo().addKeyValue("event", "source_added").addKeyValue("source_id", source.id())
                .addKeyValue("feed_url", source.feedUrl()).log("source {} added", source.id());
        return new Added(source, note);
    }

    /**
     * Adds every feed of an OPML document that is not a source yet; fetches none. Its innermost category becomes its
     * section when it names one of the site's ("Tech" is technology); a category that names none ("News", "Blogs")
     * leaves it without one, each article filed by its content, and the import says so.
     */
    public Imported importOpml(byte[] opml) {
        int added = 0, known = 0, invalid = 0;
        Map<String, String> unsectioned = new LinkedHashMap<>();
        for (Opml.Feed feed : Opml.parse(opml)) {
            String url = feed.feedUrl() == null ? "" : feed.feedUrl().strip();
            if (!url.startsWith("http://") && !url.startsWith("https://")) {
                invalid++;
            } else if (sources.findByFeedUrl(url).isPresent()) {
                known++;
            } else {
                String name = feed.title() == null || feed.title().isBlank() ? URI.create(url).getHost() : feed.title().strip();
                String category = feed.categories().isEmpty() ? null : feed.categories().getLast().strip();
                String section = category == null || category.isEmpty() ? null : SourceChoices.section(category);
                if (section == null && category != null && !category.isEmpty()) unsectioned.put(url, category);
                sources.add(new SourceSettings(url, name, feed.siteUrl(), feed.language(), null, section, true, true),
                        properties.scheduler().defaultInterval());
                added++;
            }
        }
        log.atInfo().addKeyValue("event", "opml_imported").addKeyValue("added", added).addKeyValue("known", known)
                .addKeyValue("invalid", invalid).addKeyValue("without_section", unsectioned.size())
                .log("OPML import: {} added", added);
        return new Imported(added, known, invalid, unsectioned);
    }

    /** Every source as OPML, grouped by section. */
    public byte[] exportOpml() {
        return Opml.writeBytes("Tidings sources", sources.findAll().stream().map(s -> new Opml.Feed(
                s.section() == null ? List.<String>of() : List.of(s.section()), s.name(), s.feedUrl(), s.siteUrl(), s.language()))
                .toList());
    }
}
