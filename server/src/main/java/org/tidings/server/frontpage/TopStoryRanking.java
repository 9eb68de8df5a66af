package org.tidings.server.frontpage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.tidings.server.store.Archive;
import org.tidings.server.store.ArticleStage;
import org.tidings.server.store.Listing;
import org.tidings.server.store.ListingStore;
import org.tidings.server.store.PipelineStore;
import org.tidings.story.Story;
import org.tidings.story.TopStories;

/**
 * The top stories of a page: recent stories covered by several publishers, ranked by the core's score. A story is
 * in a section when most of its articles are; in an edition when one of its articles is, and the most representative
 * of its articles there leads it (the Arabic report, with the whole story's breadth).
 */
@Service
public class TopStoryRanking {

    /** Older stories are not "top" any more, however broad their coverage was. */
    public static final Duration HORIZON = Duration.ofHours(48);
    /** How long the recent stories and their rankings are kept, however many readers ask: top stories move over minutes. */
    static final Duration CACHE = Duration.ofMinutes(1);
    /**
     * How long they are kept while articles still wait to be placed in stories (a first start, a burst of news): the
     * stories are growing under the reader's eyes, a minute-old ranking would hide them.
     */
    static final Duration CATCHING_UP = Duration.ofSeconds(5);
    /** Other publishers' reports kept per top story: the page shows three, less those the reader muted. */
    static final int OTHERS = 6;
    /** Rankings kept per page: every ranking asked for is this long at most. */
    private static final int MAX_RANKED = 24;

    /** The recent stories as read at {@code at}, and the rankings made from them so far. */
    private record Snapshot(Instant at, boolean settled, List<Candidate> candidates, Map<Listing, List<TopStory>> ranked) {

        boolean staleAt(Instant now) {
            return at.plus(settled ? CACHE : CATCHING_UP).isBefore(now);
        }
    }

    private record Candidate(Story story, List<ListingStore.Placed> members, String section) {}

    private final ListingStore listings;
    private final Archive articles;
    private final PipelineStore pipeline;
    private final Clock clock;
    private volatile Snapshot snapshot = new Snapshot(Instant.MIN, true, List.of(), Map.of());

    TopStoryRanking(ListingStore listings, Archive articles, PipelineStore pipeline, Clock clock) {
        this.listings = listings;
        this.articles = articles;
        this.pipeline = pipeline;
        this.clock = clock;
    }

    /** The top stories of a listing (its section and edition; topics and sources have none). */
    public List<TopStory> top(int limit, Listing listing) {
        Instant now = clock.instant();
        if (snapshot.staleAt(now)) {
            boolean settled = pipeline.waiting(ArticleStage.ENRICH) + pipeline.waiting(ArticleStage.STORY) == 0;
            snapshot = new Snapshot(now, settled, candidates(now), new ConcurrentHashMap<>());
        }
        Snapshot current = snapshot;
        List<TopStory> ranked = current.ranked().computeIfAbsent(listing, l -> rank(current, l));
        return ranked.subList(0, Math.min(limit, ranked.size()));
    }

    private List<Candidate> candidates(Instant now) {
        Map<Long, List<ListingStore.Placed>> byStory = listings.recentPlaced(now.minus(HORIZON)).stream()
                .collect(Collectors.groupingBy(ListingStore.Placed::storyId, LinkedHashMap::new, Collectors.toList()));
        List<Candidate> candidates = new ArrayList<>();
        for (var entry : byStory.entrySet()) {
            List<ListingStore.Placed> members = entry.getValue();
            var publishers = new LinkedHashSet<String>();
            List<Story.Entry> timeline = new ArrayList<>();
            Map<String, Integer> sections = new HashMap<>();
            for (ListingStore.Placed m : members) {
                publishers.add(m.publisher());
                timeline.add(new Story.Entry(String.valueOf(m.articleId()), m.title(), m.publisher(), m.published(), null));
                if (m.section() != null) sections.merge(m.section(), 1, Integer::sum);
            }
            if (publishers.size() < TopStories.MIN_PUBLISHERS) continue; // not ranked anyway: spares the ranking
            String section = sections.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).orElse(null);
            String title = members.get(Math.max(0, Story.representative(members.stream().map(ListingStore.Placed::title).toList()))).title();
            candidates.add(new Candidate(new Story(String.valueOf(entry.getKey()), title, timeline,
                    publishers, members.getFirst().published(), members.getLast().published()), members, section));
        }
        return List.copyOf(candidates);
    }

    /** Reports that other publishers than the lead's gave the story, newest first, one each: enough to mute a few. */
    private static List<TopStory.Report> others(List<ListingStore.Placed> members, ListingStore.Placed lead) {
        var seen = new LinkedHashSet<Long>(List.of(lead.sourceId()));
        return members.reversed().stream().filter(m -> seen.add(m.sourceId())).limit(OTHERS)
                .map(m -> new TopStory.Report(m.articleId(), m.sourceId(), m.publisher(), m.title())).toList();
    }

    private List<TopStory> rank(Snapshot s, Listing listing) {
        Listing edition = new Listing(null, null, null, listing.lang(), listing.region());
        Map<String, Candidate> eligible = s.candidates().stream()
                .filter(c -> listing.section() == null || listing.section().equals(c.section()))
                .filter(c -> c.members().stream().anyMatch(m -> m.in(edition)))
                .collect(Collectors.toMap(c -> c.story().id(), c -> c, (first, again) -> first, LinkedHashMap::new));
        List<TopStory> top = new ArrayList<>();
        for (TopStories.Ranked r : TopStories.top(eligible.values().stream().map(Candidate::story).toList(), s.at(), MAX_RANKED)) {
            Candidate c = eligible.get(r.story().id());
            List<ListingStore.Placed> here = c.members().stream().filter(m -> m.in(edition)).toList();
            ListingStore.Placed lead = here.get(Math.max(0, Story.representative(here.stream().map(ListingStore.Placed::title).toList())));
            articles.findById(lead.articleId()).ifPresent(a -> top.add(new TopStory(Long.parseLong(r.story().id()), a,
                    r.story().publishers().size(), r.story().timeline().size(), r.story().first(), r.story().latest(), r.score(),
                    others(here, lead))));
        }
        return List.copyOf(top);
    }
}
