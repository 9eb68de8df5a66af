package org.tidings.server.personal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.tidings.server.i18n.Message;
import org.tidings.server.store.Archive;
import org.tidings.server.store.ArticleView;
import org.tidings.server.store.EnrichmentStore;
import org.tidings.server.store.Interest;
import org.tidings.server.store.PersonalStore;
import org.tidings.story.Story;
import org.tidings.story.TopStories;

/**
 * Recent stories touching what the reader follows or reads, ranked like the top stories, each with
 * its reason. Only this server's tables: no tracking beyond the history the reader can see, clear
 * and turn off. Muted things never appear.
 */
@Service
public record ForYou(PersonalStore store, EnrichmentStore topics, Archive articles, ReaderFilters filters, Clock clock) {

    /** Longer than the front page's two days: a personal page is read less often. */
    static final Duration HORIZON = Duration.ofHours(72);
    /** Recent habits, not last year's. */
    static final Duration READING_SPAN = Duration.ofDays(30);
    /** Opening this many of a source's articles makes it a source the reader "often reads". */
    static final int OFTEN = 3;
    /** A story read in full keeps a quarter of its score: still there, but after what is new to the reader. */
    static final double ALREADY_READ = 0.25;
    /** Recent articles considered at most: a few days of a few hundred sources. */
    static final int CANDIDATES = 5000;

    public record Pick(long storyId, ArticleView lead, int publishers, int reports, Instant latest, Message reason,
            TopStories.Score score) {}

    /** Strongest first: a story is shown with the strongest reason it has. */
    private enum Why { TOPIC, SOURCE, SECTION, STORY_READ, SOURCE_READ }

    private record Reason(Why why, String label) {

        Message message() {
            return switch (why) {
                case TOPIC -> Message.of("forYou.because.topic", label);
                case SOURCE -> Message.of("forYou.because.source", label);
                case SECTION -> Message.of("forYou.because.section", label);
                case STORY_READ -> Message.of("forYou.because.story");
                case SOURCE_READ -> Message.of("forYou.because.sourceRead", label);
            };
        }
    }

    /** The page then says how to fill it. */
    boolean nothingToGoOn(long account) {
        return store.follows(account).isEmpty() && store.sourcesRead(account, clock.instant().minus(READING_SPAN)).isEmpty();
    }

    public List<Pick> picks(long account, int limit) {
        Instant now = clock.instant();
        Instant since = now.minus(HORIZON);

        Map<String, String> followedTopics = new HashMap<>(); // slug -> label
        Set<Long> followedSources = new HashSet<>();
        Map<String, String> followedSections = new HashMap<>(); // name -> label
        for (PersonalStore.Entry e : store.follows(account)) {
            switch (e.kind()) {
                case TOPIC -> followedTopics.put(e.target(), e.label());
                case SOURCE -> followedSources.add(Long.parseLong(e.target()));
                case SECTION -> followedSections.put(e.target(), e.label());
                case KEYWORD -> { }
            }
        }
        Set<Long> oftenRead = new HashSet<>();
        for (long[] read : store.sourcesRead(account, now.minus(READING_SPAN))) if (read[1] >= OFTEN) oftenRead.add(read[0]);
        Set<Long> storiesRead = new HashSet<>(store.storiesRead(account, now.minus(READING_SPAN)));
        if (followedTopics.isEmpty() && followedSources.isEmpty() && followedSections.isEmpty() && oftenRead.isEmpty()
                && storiesRead.isEmpty()) {
            return List.of();
        }

        List<PersonalStore.Recent> recent = filters.visibleBy(filters.mutesOf(account), store.recent(since, CANDIDATES),
                r -> new ReaderFilters.Subject(r.articleId(), r.sourceId(), r.title(), r.lead()));
        Map<Long, Set<String>> topicMatches = topics.withTopics(followedTopics.keySet(), since);

        // every recent article, by story; a story is a candidate when one of its articles matches an interest
        Map<Long, List<PersonalStore.Recent>> byStory = new LinkedHashMap<>();
        Map<Long, Reason> reasons = new HashMap<>();
        Map<Long, PersonalStore.Recent> matched = new HashMap<>(); // story -> its newest matching article
        for (PersonalStore.Recent r : recent) {
            long story = r.storyId() != null ? r.storyId() : -r.articleId();
            byStory.computeIfAbsent(story, k -> new ArrayList<>()).add(r);
            Reason reason = reasonFor(r, story, followedTopics, topicMatches, followedSources, followedSections, oftenRead, storiesRead);
            if (reason == null) continue;
            Reason best = reasons.get(story);
            if (best == null || reason.why().ordinal() < best.why().ordinal()) {
                reasons.put(story, reason);
                matched.put(story, r); // recent is newest first: the first match of a reason is its newest article
            }
        }

        // stories the reader has read every article of bring nothing new: they come after the others
        Set<Long> read = new HashSet<>(store.readAmong(account, reasons.keySet().stream()
                .flatMap(story -> byStory.get(story).stream()).map(PersonalStore.Recent::articleId).toList()));

        List<Story> candidates = new ArrayList<>();
        Set<Long> allRead = new HashSet<>();
        for (long story : reasons.keySet()) {
            List<PersonalStore.Recent> members = byStory.get(story);
            if (members.stream().allMatch(m -> read.contains(m.articleId()))) allRead.add(story);
            List<Story.Entry> timeline = new ArrayList<>();
            Set<String> publishers = new LinkedHashSet<>();
            for (var m : members.reversed()) { // oldest first, as a story's timeline is
                timeline.add(new Story.Entry(String.valueOf(m.articleId()), m.title(), m.publisher(), m.published(), null));
                publishers.add(m.publisher());
            }
            candidates.add(new Story(String.valueOf(story), timeline.getFirst().title(), timeline, publishers,
                    timeline.getFirst().published(), timeline.getLast().published()));
        }

        List<TopStories.Ranked> ranked = TopStories.rank(candidates, now, candidates.size()).stream()
                .sorted(java.util.Comparator.comparingDouble((TopStories.Ranked r) ->
                        -r.score().total() * (allRead.contains(Long.parseLong(r.story().id())) ? ALREADY_READ : 1.0)))
                .limit(Math.max(0, limit))
                .toList();
        List<Long> leadIds = ranked.stream().map(r -> matched.get(Long.parseLong(r.story().id())).articleId()).toList();
        Map<Long, ArticleView> leads = new HashMap<>();
        for (ArticleView a : articles.findByIds(leadIds)) leads.put(a.id(), a);
        List<Pick> picks = new ArrayList<>();
        for (TopStories.Ranked r : ranked) {
            long story = Long.parseLong(r.story().id());
            ArticleView lead = leads.get(matched.get(story).articleId());
            if (lead == null) continue;
            picks.add(new Pick(story, lead, r.story().publishers().size(), r.story().timeline().size(), r.story().latest(),
                    reasons.get(story).message(), r.score()));
        }
        return picks;
    }

    private static Reason reasonFor(PersonalStore.Recent r, long story, Map<String, String> followedTopics,
            Map<Long, Set<String>> topicMatches, Set<Long> followedSources, Map<String, String> followedSections,
            Set<Long> oftenRead, Set<Long> storiesRead) {
        Set<String> topicsOfArticle = topicMatches.get(r.articleId());
        if (topicsOfArticle != null) {
            String slug = topicsOfArticle.stream().sorted().findFirst().orElseThrow();
            return new Reason(Why.TOPIC, followedTopics.get(slug));
        }
        if (followedSources.contains(r.sourceId())) return new Reason(Why.SOURCE, r.publisher());
        if (r.section() != null) {
            String section = followedSections.get(Interest.SECTION.normalize(r.section()).orElse(""));
            if (section != null) return new Reason(Why.SECTION, section);
        }
        if (story > 0 && storiesRead.contains(story)) return new Reason(Why.STORY_READ, null);
        if (oftenRead.contains(r.sourceId())) return new Reason(Why.SOURCE_READ, r.publisher());
        return null;
    }
}
