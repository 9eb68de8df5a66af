package org.tidings.server.story;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.tidings.html.HtmlSanitizer;
import org.tidings.server.config.TidingsProperties;
import org.tidings.server.config.WorkerIdentity;
import org.tidings.server.ingest.DeskRounds;
import org.tidings.server.store.StoryStore;
import org.tidings.story.Article;
import org.tidings.story.Assignment;
import org.tidings.story.StoryClusterer;

/**
 * Places every new article in its story, or marks it a copy of an earlier one, in order of
 * publication; an original that arrives after its copies takes their place (they become its
 * copies). The clusterer lives in memory, so one process at a time holds the desk (a lease in the
 * database); a process that takes the desk over first rebuilds the clusterer from the stored
 * window.
 */
@Component
public class StoryDesk implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StoryDesk.class);
    private static final String LEASE = "story-desk";
    /** Articles placed per round; the next round follows at once while there are more. */
    private static final int BATCH = 500;
    /** The lead the clusterer reads besides the headline: enough for names and places, no more. */
    private static final int LEAD_CHARS = 1000;

    private final StoryStore stories;
    private final TidingsProperties.Scheduler settings;
    private final String worker;
    private final Clock clock;
    private final DeskRounds rounds = new DeskRounds("story-desk", this::round);
    /** The clusterer's story ids (founding article ids as it saw them) to the stored story ids. */
    private final Map<String, Long> storedIds = new HashMap<>();
    private StoryClusterer clusterer;

    public StoryDesk(StoryStore stories, TidingsProperties properties, WorkerIdentity worker, Clock clock) {
        this.stories = stories;
        this.settings = properties.scheduler();
        this.worker = worker.id();
        this.clock = clock;
    }

    @Override
    public void start() {
        if (settings.enabled()) rounds.start(settings.tick());
    }

    /** A round now rather than at the next tick (after new articles arrived). */
    public void wakeUp() {
        rounds.wakeUp();
    }

    private void round() {
        try {
            if (!stories.holdLease(LEASE, worker, settings.lease())) {
                clusterer = null; // another process holds the desk; rebuild if it comes back here
                return;
            }
            if (clusterer == null) rebuild();
            List<StoryStore.Clusterable> batch = stories.unclustered(BATCH);
            for (StoryStore.Clusterable article : batch) place(article);
            if (batch.size() == BATCH) wakeUp();
        } catch (RuntimeException e) {
            clusterer = null;
            log.atError().addKeyValue("event", "story_desk_failed").setCause(e).log("story desk round failed");
        }
    }

    private void rebuild() {
        clusterer = new StoryClusterer();
        storedIds.clear();
        var window = stories.clusteredSince(clock.instant().minus(StoryClusterer.DEFAULT_WINDOW).minus(Duration.ofDays(1)));
        for (StoryStore.Clusterable article : window) {
            Assignment a = clusterer.add(toStory(article));
            storedIds.putIfAbsent(a.storyId(), article.storyId() != null ? article.storyId() : article.id());
        }
        log.atInfo().addKeyValue("event", "story_desk_rebuilt").addKeyValue("articles", window.size())
                .log("story desk rebuilt from {} articles", window.size());
    }

    private void place(StoryStore.Clusterable article) {
        Assignment a = clusterer.add(toStory(article));
        long story = storedIds.computeIfAbsent(a.storyId(), Long::parseLong);
        List<Long> absorbed = new ArrayList<>();
        for (String merged : a.mergedStories()) {
            Long stored = storedIds.remove(merged);
            if (stored != null && stored != story) absorbed.add(stored);
        }
        stories.merge(absorbed, story);
        // before the article is marked placed: a crash in between places it again, which re-points again
        stories.repoint(a.repointed().stream().map(Long::parseLong).toList(), article.id());
        stories.assign(article.id(), story, a.duplicateOf() == null ? null : Long.parseLong(a.duplicateOf()));
    }

    private static Article toStory(StoryStore.Clusterable a) {
        String html = a.summary() != null && !a.summary().isBlank() ? a.summary() : a.content();
        String lead = HtmlSanitizer.toText(html);
        if (lead.length() > LEAD_CHARS) lead = lead.substring(0, LEAD_CHARS);
        return new Article(String.valueOf(a.id()), a.title(), lead, a.url(), a.publisher(), a.published(), a.lang());
    }

    @Override
    public void stop() {
        rounds.stop();
    }

    @Override
    public boolean isRunning() {
        return rounds.running();
    }
}
