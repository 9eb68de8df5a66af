package org.tidings.server.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * robots.txt, honoured for every page fetched beyond a feed (feeds are published to be polled).
 * Per RFC 9309, a missing robots.txt allows everything and an unreachable one allows nothing.
 */
@Component
public final class RobotsRules {

    /** The product token robots.txt groups are matched against. */
    static final String AGENT = "tidings";
    private static final Duration KEEP = Duration.ofHours(24);
    private static final Duration KEEP_UNREACHABLE = Duration.ofHours(1);
    /** Sites remembered at once; beyond it the cache starts afresh rather than grow without bound. */
    private static final int MAX_SITES = 10_000;

    private record Cached(BaseRobotRules rules, Instant until) {}

    private final Fetcher fetcher;
    private final Clock clock;
    private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    private final ConcurrentHashMap<String, Cached> sites = new ConcurrentHashMap<>();

    public RobotsRules(Fetcher fetcher, Clock clock) {
        this.fetcher = fetcher;
        this.clock = clock;
    }

    public boolean allows(URI page) {
        String site = page.getScheme() + "://" + page.getRawAuthority();
        Instant now = clock.instant();
        Cached cached = sites.get(site);
        if (cached == null || cached.until().isBefore(now)) {
            cached = load(site, now);
            if (sites.size() >= MAX_SITES) sites.clear();
            sites.put(site, cached);
        }
        return cached.rules().isAllowed(page.toString());
    }

    private Cached load(String site, Instant now) {
        URI robots = URI.create(site + "/robots.txt");
        try {
            FetchResponse r = fetcher.get(robots, "text/plain", null, null);
            if (r.ok()) {
                return new Cached(parser.parseContent(robots.toString(), r.body(), r.contentType(), List.of(AGENT)), now.plus(KEEP));
            }
            if (r.status() >= 400 && r.status() < 500) {
                return new Cached(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL), now.plus(KEEP));
            }
        } catch (FetchException e) {
            // unreachable: treated as a server error below
        }
        return new Cached(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE), now.plus(KEEP_UNREACHABLE));
    }
}
