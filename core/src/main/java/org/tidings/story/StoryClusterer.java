package org.tidings.story;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import org.tidings.url.CanonicalUrl;

/**
 * Online story clustering: each article joins the live story whose centroid its headline and lead resemble most, or
 * founds one. Copies (same canonical URL or near-identical text) join and name their original; an original that
 * arrives after its copies (feeds are polled at different times) takes their place.
 *
 * <p>Articles and stories older than the window (from the latest publication time seen, not the wall clock) are
 * forgotten. The state is a function of the articles fed in order, so replaying the stored window rebuilds it with
 * the same story ids (the founding articles'). Not thread-safe: one clusterer per ingesting thread.
 */
public final class StoryClusterer {

    /** Default window: a news event is rarely covered as new for more than three days. */
    public static final Duration DEFAULT_WINDOW = Duration.ofDays(3);
    /**
     * Cosine to the centroid (after the time factor) needed to join a story: lower joins events sharing a topic word,
     * higher splits one event across reworded headlines. Precision first (a wrong join misleads, a split only
     * repeats): raised from 0.15, which raised precision on every dev day and both halves alike (BENCHMARKS.md).
     */
    static final double JOIN = 0.18;
    /**
     * Cosine between two centroids at which an article fitting both merges them (they began apart and converged).
     * Low, as an article must bridge them first; 0.10 merged neighbouring events (B-cubed precision 0.87, not 0.94).
     */
    static final double MERGE = 0.25;

    private final Duration window;
    private final DocumentFrequencies frequencies = new DocumentFrequencies();
    private final StoryIndex index;
    private final NearDuplicates nearDuplicates = new NearDuplicates();
    private final Map<String, StoryState> storiesById = new HashMap<>();
    private final Map<String, Live> articles = new HashMap<>();
    private final Map<String, String> byUrl = new HashMap<>();
    private final PriorityQueue<Live> expiry = new PriorityQueue<>(Comparator.comparing(Live::published));
    private Instant now;
    private int liveStoryCount;
    private int deadSinceSweep;

    /** One live article: what expiry and copy lookups need. */
    private record Live(String id, Instant published, String url, String duplicateOf, String[] terms, StoryState story) {
    }

    public StoryClusterer() {
        this(DEFAULT_WINDOW);
    }

    public StoryClusterer(Duration window) {
        this(window, JOIN, MERGE);
    }

    /** For tuning harnesses: other thresholds than the defaults. */
    StoryClusterer(Duration window, double join, double merge) {
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the window must be positive");
        }
        this.window = window;
        this.index = new StoryIndex(join, merge);
    }

    /**
     * Feeds the next article (in order of publication) and tells where it went. An id still in the window gets its
     * assignment again (with its story as it stands now) and changes nothing: ingestion may be retried.
     */
    public Assignment add(Article article) {
        Live known = articles.get(article.id());
        if (known != null) {
            return new Assignment(known.id(), known.story().resolve().id, known.duplicateOf(), List.of(), List.of());
        }
        Instant published = advanceClock(article.published());
        String url = urlKey(article.url());
        long[] sketch = NearDuplicates.sketch(article.text());
        String version = findOriginal(url, sketch);
        Live later = version == null ? null : articles.get(version);
        boolean earliest = later != null && published.isBefore(later.published());
        String duplicateOf = earliest ? null : version;

        Set<String> names = new HashSet<>();
        Map<String, Float> tf = TermVector.frequencies(article.title(), article.text(), names);
        frequencies.add(tf.keySet());
        TermVector vector = TermVector.weigh(tf, names, frequencies::idf);

        List<String> merged = new ArrayList<>();
        StoryState story = chooseStory(article, published, vector, version, merged);
        story.addMember(new StoryState.Member(article.id(), article.title(), article.publisher(), published, duplicateOf, vector));
        index.add(story, story.addToCentroid(vector));

        List<String> repointed = earliest ? giveWay(later, article.id()) : List.of();
        remember(new Live(article.id(), published, url, duplicateOf, vector.terms(), story), sketch);
        return new Assignment(article.id(), story.id, duplicateOf, merged, repointed);
    }

    /**
     * {@code earliest}, a version of {@code later} published before it, arrived after it: {@code later} and its
     * copies (all in its story) now copy {@code earliest}. Returns their ids.
     */
    private List<String> giveWay(Live later, String earliest) {
        List<String> repointed = new ArrayList<>();
        List<StoryState.Member> members = later.story().resolve().members;
        for (int i = 0; i < members.size(); i++) {
            StoryState.Member m = members.get(i);
            if (m.id().equals(later.id()) || later.id().equals(m.duplicateOf())) {
                members.set(i, new StoryState.Member(m.id(), m.title(), m.publisher(), m.published(), earliest, m.vector()));
                // the expiry queue keeps the old record: it reads only the id, time, URL, terms and story
                articles.computeIfPresent(m.id(), (id, l) -> new Live(id, l.published(), l.url(), earliest, l.terms(), l.story()));
                repointed.add(m.id());
            }
        }
        nearDuplicates.remove(later.id()); // copies are not indexed: later ones find the earliest version
        return repointed;
    }

    /** The current snapshot of a live story, by its id or the id of a story merged into it. */
    public Optional<Story> story(String storyId) {
        return Optional.ofNullable(storiesById.get(storyId)).map(s -> s.resolve().snapshot());
    }

    /** The id of the story a live article belongs to now (after merges). */
    public Optional<String> storyOf(String articleId) {
        return Optional.ofNullable(articles.get(articleId)).map(live -> live.story().resolve().id);
    }

    /** Snapshots of all live stories, largest first. */
    public List<Story> stories() {
        return storiesById.values().stream()
                .filter(s -> s.alive && s.mergedInto == null)
                .sorted(Comparator.comparingInt((StoryState s) -> -s.members.size()).thenComparing(s -> s.id))
                .map(StoryState::snapshot)
                .toList();
    }

    public int liveArticles() {
        return articles.size();
    }

    public int liveStories() {
        return liveStoryCount;
    }

    private Instant advanceClock(Instant published) {
        Instant t = published != null ? published : now != null ? now : Instant.EPOCH;
        if (now == null || t.isAfter(now)) {
            now = t;
            expire(now.minus(window));
        }
        return t;
    }

    /** The canonical URL without "www.": mobile hosts canonicalize to www., desktop ones may lack it. */
    private static String urlKey(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String canonical = CanonicalUrl.canonicalize(url);
        return canonical.replaceFirst("^(https?://)www\\.", "$1").replaceFirst("^http://", "https://");
    }

    private String findOriginal(String url, long[] sketch) {
        String original = url == null ? null : byUrl.get(url);
        if (original == null) {
            original = nearDuplicates.findOriginal(sketch);
        }
        Live live = original == null ? null : articles.get(original);
        boolean rootLive = live != null && live.duplicateOf() != null && articles.containsKey(live.duplicateOf());
        return rootLive ? live.duplicateOf() : original;
    }

    /** The story of the article's other version ({@code sameAs}) if it has one, else the best fit, else a new story. */
    private StoryState chooseStory(Article article, Instant published, TermVector vector, String sameAs, List<String> merged) {
        Live original = sameAs == null ? null : articles.get(sameAs);
        if (original != null && original.story().resolve().alive) {
            return original.story().resolve();
        }
        List<StoryState> ranked = index.rank(vector, published, article.lang());
        if (ranked.isEmpty()) {
            return found(article);
        }
        StoryState best = ranked.getFirst();
        if (ranked.size() > 1 && index.shouldMerge(best, ranked.get(1))) {
            StoryState absorbed = merge(best, ranked.get(1));
            merged.add(absorbed.id);
            return absorbed.resolve();
        }
        return best;
    }

    private StoryState found(Article article) {
        StoryState s = new StoryState(article.id());
        s.lang = article.lang();
        storiesById.put(s.id, s);
        liveStoryCount++;
        return s;
    }

    /** Merges the smaller story into the larger; returns the absorbed one. */
    private StoryState merge(StoryState a, StoryState b) {
        StoryState keep = a.members.size() >= b.members.size() ? a : b;
        StoryState gone = keep == a ? b : a;
        index.add(keep, keep.addToCentroid(gone));
        gone.members.forEach(keep::addMember);
        keep.absorbedIds.add(gone.id);
        keep.absorbedIds.addAll(gone.absorbedIds);
        gone.alive = false;
        gone.mergedInto = keep;
        liveStoryCount--;
        deadSinceSweep++;
        return gone;
    }

    private void remember(Live live, long[] sketch) {
        articles.put(live.id(), live);
        expiry.add(live);
        if (live.url() != null) {
            byUrl.putIfAbsent(live.url(), live.id());
        }
        if (live.duplicateOf() == null) {
            nearDuplicates.add(live.id(), sketch);
        }
    }

    private void expire(Instant cutoff) {
        while (!expiry.isEmpty() && expiry.peek().published().isBefore(cutoff)) {
            Live old = expiry.poll();
            articles.remove(old.id());
            frequencies.remove(old.terms());
            nearDuplicates.remove(old.id());
            if (old.url() != null) {
                byUrl.remove(old.url(), old.id());
            }
            StoryState story = old.story().resolve();
            if (story.alive && story.latest.isBefore(cutoff)) {
                retire(story);
            }
        }
        if (deadSinceSweep > Math.max(1_000, storiesById.size())) {
            index.sweep();
            deadSinceSweep = 0;
        }
    }

    private void retire(StoryState story) {
        story.alive = false;
        liveStoryCount--;
        storiesById.remove(story.id);
        story.absorbedIds.forEach(storiesById::remove);
        deadSinceSweep++;
    }
}
