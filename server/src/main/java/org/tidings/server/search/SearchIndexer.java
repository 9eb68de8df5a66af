package org.tidings.server.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tidings.server.store.SearchStore;

/**
 * Keeps the search index in step with the database: each round takes in the articles changed since
 * the committed watermark ({@code article.changed_at}), so a restart resumes from its last commit.
 */
@Component
public class SearchIndexer {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);

    /** Changes are read again this long after their time, in case an earlier write commits late: longer than any ingestion transaction and clock skew. */
    static final Duration SETTLE = Duration.ofMinutes(1);
    static final int BATCH = 500;
    /** During a long catch-up (a rebuild), commit after this many articles so that a restart resumes. */
    static final int COMMIT_EVERY = 50_000;
    /** With nothing new, the watermark is still committed this often, so a restart rereads little. */
    static final Duration IDLE_COMMIT = Duration.ofMinutes(5);
    /** A commit costs an fsync: at most one this often while articles keep coming (this process's searches see them at once). */
    static final Duration COMMIT_GAP = Duration.ofSeconds(1);

    private final ArticleIndex index;
    private final SearchStore store;
    private final Clock clock;
    /** Articles indexed within the settle window, with the change time indexed: not indexed twice. */
    private final Map<Long, Instant> recent = new HashMap<>();
    /** Where this process has followed the database to (ahead of the committed watermark between commits). */
    private Instant followed;
    private Instant lastCommit = Instant.EPOCH;

    public SearchIndexer(ArticleIndex index, SearchStore store, Clock clock) {
        this.index = index;
        this.store = store;
        this.clock = clock;
    }

    /** A round of the pipeline: {@link #catchUp}; after a failure the next round starts again from the last commit. */
    public int follow() {
        try {
            return catchUp();
        } catch (IOException | RuntimeException e) {
            synchronized (this) {
                followed = null;
                recent.clear();
            }
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** Returns the number of articles written (0 when another process writes the index). */
    public synchronized int catchUp() throws IOException {
        if (!index.tryToWrite()) {
            followed = null;
            index.refresh();
            return 0;
        }
        return catchUp(index);
    }

    /** Takes in what changed since {@link #followed} into {@code target}: this process's index, or one a rebuild fills. */
    private int catchUp(ArticleIndex target) throws IOException {
        if (followed == null) followed = target.watermark();
        int written = removeGoneSources(target);
        Instant now = clock.instant();
        Instant settled = now.minus(SETTLE);
        Instant cursorTime = followed;
        long cursorId = -1;
        int sinceCommit = 0;
        while (true) {
            List<SearchStore.Change> changes = store.changedAfter(cursorTime, cursorId, BATCH);
            List<Long> todo = changes.stream().filter(c -> !c.changedAt().equals(recent.get(c.id())))
                    .map(SearchStore.Change::id).toList();
            written += write(target, todo);
            sinceCommit += todo.size();
            changes.stream().filter(c -> !c.changedAt().isBefore(settled)).forEach(c -> recent.put(c.id(), c.changedAt()));
            if (changes.size() < BATCH) break;
            SearchStore.Change last = changes.getLast();
            cursorTime = last.changedAt();
            cursorId = last.id();
            if (sinceCommit >= COMMIT_EVERY) {
                commit(target, cursorTime.isBefore(settled) ? cursorTime : settled);
                sinceCommit = 0;
            }
        }
        if (settled.isAfter(followed)) followed = settled;
        recent.values().removeIf(t -> t.isBefore(followed));
        Duration uncommitted = Duration.between(lastCommit, now);
        if (written > 0 && uncommitted.compareTo(COMMIT_GAP) >= 0 || uncommitted.compareTo(IDLE_COMMIT) > 0) {
            commit(target, followed);
        } else if (written > 0) {
            target.refresh();
        }
        return written;
    }

    private void commit(ArticleIndex target, Instant watermark) throws IOException {
        target.commit(watermark);
        target.refresh();
        lastCommit = clock.instant();
    }

    /**
     * Builds the index anew from the whole database (the engine decides whether searches see it grow or only whole);
     * returns the number of articles indexed.
     */
    public synchronized int rebuild() throws IOException {
        if (!index.tryToWrite()) throw new IllegalStateException("another process writes the search index; stop it first");
        int[] size = new int[1];
        index.rebuild(fresh -> {
            followed = Instant.EPOCH;
            recent.clear();
            lastCommit = Instant.EPOCH; // the whole build is committed at its end
            catchUp(fresh);
            fresh.refresh();
            size[0] = fresh.size();
        });
        catchUp(index); // what changed while the new index was filled (written to the old one meanwhile by a running server)
        return size[0];
    }

    private int removeGoneSources(ArticleIndex target) throws IOException {
        Set<Long> gone = new HashSet<>(target.indexedSources());
        gone.removeAll(store.sourceIds());
        if (gone.isEmpty()) return 0;
        target.removeSources(gone);
        log.atInfo().addKeyValue("event", "search_sources_removed").addKeyValue("source_ids", gone)
                .log("removed the articles of {} deleted sources from the search index", gone.size());
        return gone.size();
    }

    private int write(ArticleIndex target, List<Long> ids) throws IOException {
        if (ids.isEmpty()) return 0;
        Map<Long, SearchStore.Row> rows = new HashMap<>();
        for (SearchStore.Row row : store.articles(ids)) rows.put(row.id(), row);
        Map<Long, List<SearchStore.Topic>> topics = store.topics(rows.keySet());
        List<Long> unlisted = new ArrayList<>();
        List<IndexedArticle> listed = new ArrayList<>();
        for (long id : ids) {
            SearchStore.Row row = rows.get(id);
            if (row == null || row.duplicateOf() != null) {
                unlisted.add(id); // gone, or a copy of another article: not listed
            } else {
                listed.add(indexed(row, topics.getOrDefault(id, List.of())));
            }
        }
        target.put(listed);
        target.remove(unlisted);
        return ids.size();
    }

    /** The article as the index holds it: its text, and its own attributes before its source's. */
    static IndexedArticle indexed(SearchStore.Row row, List<SearchStore.Topic> topics) {
        Set<String> regions = new LinkedHashSet<>();
        if (row.sourceRegion() != null) regions.add(row.sourceRegion());
        if (row.regions() != null) regions.addAll(Arrays.asList(row.regions().trim().split("\\s+")));
        regions.remove("");
        return new IndexedArticle(row.id(), row.sourceId(), row.publisher(), row.title(), row.text(), row.lead(),
                row.lang() != null ? row.lang() : row.sourceLanguage(),
                row.section() != null ? row.section() : row.sourceSection(),
                regions, topics.stream().map(t -> new IndexedArticle.Topic(t.slug(), t.label())).toList(),
                row.publishedAt(), row.storyId());
    }
}
