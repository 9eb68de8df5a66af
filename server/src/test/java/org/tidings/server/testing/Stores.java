package org.tidings.server.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tidings.article.ArticleText;
import org.tidings.server.store.Archive;
import org.tidings.server.store.ArticleStage;
import org.tidings.server.store.ArticleStore;
import org.tidings.server.store.EnrichmentStore;
import org.tidings.server.store.ListingStore;
import org.tidings.server.store.PipelineStore.Job;
import org.tidings.server.store.PipelineStore;
import org.tidings.server.store.SearchStore;
import org.tidings.server.store.SourceStore;
import org.tidings.server.store.StoryStore;

/**
 * Every store on one fresh database of a kind, on a test's clock: for tests of the stores and the
 * stages below a whole server. The pipeline's stages are run by hand, by claiming what waits for
 * a stage and handing it to the stage's own code.
 */
public record Stores(DataSource dataSource, JdbcClient jdbc, SourceStore sources, ArticleStore articles, Archive archive,
        PipelineStore pipeline, EnrichmentStore enrichment, StoryStore stories, ListingStore listings, SearchStore search) {

    /** The lease of claims made by tests: longer than any test. */
    public static final Duration LEASE = Duration.ofMinutes(5);
    /** The worker that claims for tests ({@code <slot>#<instance>}, as {@code config/WorkerIdentity} names one). */
    public static final String WORKER = "test-slot#00000001";

    public static Stores on(TestDatabase db, MutableClock clock) {
        DataSource ds = db.migrated();
        JdbcClient jdbc = JdbcClient.create(ds);
        return new Stores(ds, jdbc, new SourceStore(jdbc, clock), new ArticleStore(jdbc, clock), new Archive(jdbc),
                new PipelineStore(jdbc, clock),
                new EnrichmentStore(jdbc, clock), new StoryStore(jdbc, clock), new ListingStore(jdbc), new SearchStore(jdbc));
    }

    /** Claims everything waiting for {@code stage}. */
    public List<Job> claimAll(ArticleStage stage) {
        return pipeline.claim(stage, WORKER, LEASE, 100_000);
    }

    /** Places the article in {@code story} (a copy of {@code duplicateOf} when that is not null), as the story desk would. */
    public static void placeInStory(StoryStore stories, long articleId, long story, Long duplicateOf) {
        stories.assign(new Job(articleId, 0, ArticleStage.STORY), story, duplicateOf, ArticleStage.DONE);
    }

    /** The stage the article waits for. */
    public ArticleStage stageOf(long articleId) {
        String column = jdbc.sql("SELECT stage FROM article WHERE id = :id").param("id", articleId).query(String.class).single();
        for (ArticleStage s : ArticleStage.values()) if (s.column().equals(column)) return s;
        throw new IllegalStateException("unknown stage " + column);
    }

    /** How many articles are stored. */
    public long articleCount() {
        return jdbc.sql("SELECT COUNT(*) FROM article").query(Long.class).single();
    }

    /** The id of the article of this entry key. */
    public long idOf(String entryKey) {
        return jdbc.sql("SELECT id FROM article WHERE entry_key = :k").param("k", entryKey).query(Long.class).single();
    }

    /**
     * The full-text stage's result for one article waiting for its page, as if its page held
     * {@code pageHtml}: the article then waits for enrichment.
     */
    public void pageArrives(long articleId, String title, String pageHtml) {
        List<Job> waiting = claimAll(ArticleStage.FULL_TEXT);
        jdbc.sql("UPDATE article SET stage_lease_until = NULL, stage_lease_owner = NULL WHERE id <> :id").param("id", articleId).update(); // the others wait again
        Job job = waiting.stream().filter(j -> j.id() == articleId).findFirst().orElseThrow();
        ArticleText text = ArticleText.ofPage(title, null, pageHtml, org.tidings.html.HtmlText.paragraphs(pageHtml));
        if (!articles.onPage(job, new ArticleStore.Page(text, null, null, "en", null, null, null, null, null), ArticleStage.ENRICH)) {
            throw new IllegalStateException("the article changed since it was claimed");
        }
    }
}
