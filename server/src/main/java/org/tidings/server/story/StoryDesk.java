package org.tidings.server.story;

import static java.util.stream.Collectors.toMap;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tidings.server.store.ArticleStage;
import org.tidings.server.store.PipelineStore;
import org.tidings.server.store.PipelineStore.Job;
import org.tidings.server.store.StoryStore;
import org.tidings.story.StoryClusterer;

/**
 * Places every article in its story, or marks it a copy, in order of publication. The memory
 * ({@link StoryMemory}) lives in this process, so one process at a time holds the desk (a pipeline
 * lease); a process that takes it over first rebuilds the memory from the stored window.
 */
@Component
public class StoryDesk {

    private static final Logger log = LoggerFactory.getLogger(StoryDesk.class);

    private final StoryStore stories;
    private final PipelineStore pipeline;
    private final Clock clock;
    private StoryMemory memory;

    public StoryDesk(StoryStore stories, PipelineStore pipeline, Clock clock) {
        this.stories = stories;
        this.pipeline = pipeline;
        this.clock = clock;
    }

    /**
     * Places the jobs' articles in order and hands each to {@code next}; one placed before (enriched
     * again after an edit) keeps its story. A failure drops the memory, to be rebuilt from the store.
     */
    public synchronized void place(List<Job> jobs, ArticleStage next) {
        try {
            if (memory == null) rebuild();
            Map<Long, Job> byId = jobs.stream().collect(toMap(Job::id, job -> job));
            for (StoryStore.Clusterable article : stories.clusterable(jobs)) {
                Job job = byId.get(article.id());
                if (article.placed()) pipeline.handOn(job, next);
                else store(job, memory.place(article), next);
            }
        } catch (RuntimeException e) {
            memory = null;
            throw e;
        }
    }

    /** Another process holds the desk now: what this one remembers goes stale. */
    public synchronized void forget() {
        memory = null;
    }

    private void rebuild() {
        var window = stories.placedSince(clock.instant().minus(StoryClusterer.DEFAULT_WINDOW).minus(Duration.ofDays(1)));
        memory = StoryMemory.of(window);
        log.atInfo().addKeyValue("event", "story_desk_rebuilt").addKeyValue("articles", window.size())
                .log("story desk rebuilt from {} articles", window.size());
    }

    private void store(Job job, StoryMemory.Placement placement, ArticleStage next) {
        stories.merge(placement.absorbed(), placement.story());
        stories.repoint(placement.repointed(), job.id());
        stories.assign(job, placement.story(), placement.duplicateOf(), next);
    }
}
