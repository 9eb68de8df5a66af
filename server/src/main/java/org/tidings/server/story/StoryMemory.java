package org.tidings.server.story;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tidings.server.store.StoryStore;
import org.tidings.story.Article;
import org.tidings.story.Assignment;
import org.tidings.story.StoryClusterer;

/**
 * What the story desk keeps in memory: the clusterer over the recent window, and which stored
 * story each of its stories is. It decides where an article goes; the desk stores the decision.
 */
final class StoryMemory {

    /** Where an article goes: its story, stories merged into it, copies it is the original of, what it copies. */
    record Placement(long story, List<Long> absorbed, List<Long> repointed, Long duplicateOf) {}

    private final StoryClusterer clusterer = new StoryClusterer();
    /** The clusterer's story ids (founding article ids as it saw them) to the stored story ids. */
    private final Map<String, Long> storedIds = new HashMap<>();

    /** The memory of a desk that takes over: the stored window replayed in order of publication. */
    static StoryMemory of(List<StoryStore.Clusterable> window) {
        StoryMemory memory = new StoryMemory();
        for (StoryStore.Clusterable article : window) {
            Assignment a = memory.clusterer.add(toStory(article));
            memory.storedIds.putIfAbsent(a.storyId(), article.storyId() != null ? article.storyId() : article.id());
        }
        return memory;
    }

    Placement place(StoryStore.Clusterable article) {
        Assignment a = clusterer.add(toStory(article));
        long story = storedIds.computeIfAbsent(a.storyId(), Long::parseLong);
        List<Long> absorbed = new ArrayList<>();
        for (String merged : a.mergedStories()) {
            Long stored = storedIds.remove(merged);
            if (stored != null && stored != story) absorbed.add(stored);
        }
        return new Placement(story, absorbed, a.repointed().stream().map(Long::parseLong).toList(),
                a.duplicateOf() == null ? null : Long.parseLong(a.duplicateOf()));
    }

    int liveArticles() {
        return clusterer.liveArticles();
    }

    int liveStories() {
        return clusterer.liveStories();
    }

    private static Article toStory(StoryStore.Clusterable a) {
        return new Article(String.valueOf(a.id()), a.title(), a.lead() == null ? "" : a.lead(), a.canonicalUrl(),
                a.publisher(), a.published(), a.lang());
    }
}
