package org.tidings.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tidings.server.enrich.EnrichmentDesk;
import org.tidings.server.store.Archive;
import org.tidings.server.store.ArticleStage;
import org.tidings.server.store.ArticleStore;
import org.tidings.server.store.EnrichmentStore;
import org.tidings.server.store.PipelineStore.Job;
import org.tidings.server.store.PipelineStore;
import org.tidings.server.testing.MutableClock;
import org.tidings.server.testing.OnEachDatabase;
import org.tidings.server.testing.TestDatabase;

/**
 * A database of the release before the pipeline kept each stage's result on the article, with
 * articles in every state, migrated to today's schema: the site shows the old articles at once,
 * and the back-fill stage fills in their text and canonical address in batches, resumably.
 */
@OnEachDatabase
class BackfillTest {

    @Parameter
    TestDatabase db;

    private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
    private static final String PARAGRAPHS = "<p>The harbour bridge reopened to traffic on Tuesday after two years of repairs.</p>"
            + "<p>Engineers replaced the corroded steel cables and rebuilt the road deck.</p>";
    private final MutableClock clock = new MutableClock(T0);

    private record Old(JdbcClient jdbc, DataSource ds) {

        long article(String key, String url, String summary, String content, String fullTextStatus, String fullHtml, Long story) {
            jdbc.sql("""
                    INSERT INTO article (source_id, entry_key, url, title, summary, content, published_at, first_seen_at,
                                         content_hash, full_text_status, full_html, story_id, clustered_at, enriched_at, changed_at)
                    VALUES (1, :key, :url, :title, :summary, :content, :t, :t, :key, :status, :html, :story, :clustered, :t, :t)""")
                    .param("key", key).param("url", url).param("title", "Bridge reopens (" + key + ")")
                    .param("summary", summary).param("content", content).param("status", fullTextStatus).param("html", fullHtml)
                    .param("story", story).param("clustered", story == null ? null : T0.atOffset(ZoneOffset.UTC))
                    .param("t", T0.atOffset(ZoneOffset.UTC))
                    .update();
            return jdbc.sql("SELECT id FROM article WHERE entry_key = :key").param("key", key).query(Long.class).single();
        }

        String column(String column, long id) {
            return jdbc.sql("SELECT " + column + " FROM article WHERE id = :id").param("id", id)
                    .query((rs, row) -> rs.getString(1)).list().getFirst();
        }
    }

    /** A database migrated to the release before (V9), with a source. */
    private static Old release9(TestDatabase db) {
        DataSource ds = db.create().dataSource();
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").target("9").load().migrate();
        JdbcClient jdbc = JdbcClient.create(ds);
        jdbc.sql("""
                INSERT INTO source (feed_url, name, language, created_at, next_fetch_at, fetch_interval_seconds)
                VALUES ('https://harbour.test/feed', 'Harbour Times', 'en', :t, :t, 900)""")
                .param("t", T0.atOffset(ZoneOffset.UTC)).update();
        return new Old(jdbc, ds);
    }

    @Test
    void olderArticlesGetTheirTextAndAddressInBatchesWhileTheSiteShowsThem() {
        Old old = release9(db);
        long feedOnly = old.article("feed", "https://harbour.test/bridge?utm_source=rss", "<p>A summary.</p>", PARAGRAPHS, null, null, null);
        long extracted = old.article("page", "https://harbour.test/page", "<p>The page's summary, which says more than the headline.</p>",
                "<p>The feed's teaser.</p>", "done", PARAGRAPHS, 7L);
        long waiting = old.article("waiting", "https://harbour.test/waiting", "<p>Waiting for its page.</p>", null, "pending", null, null);
        long copy = old.article("copy", "https://harbour.test/bridge?utm_medium=email", "<p>A summary.</p>", PARAGRAPHS, null, null, null);

        Flyway.configure().dataSource(old.ds()).locations("classpath:db/migration").load().migrate();
        Archive articles = new Archive(old.jdbc());
        PipelineStore pipeline = new PipelineStore(old.jdbc(), clock);
        assertThat(pipeline.waiting(ArticleStage.BACKFILL)).isEqualTo(4);
        assertThat(articles.body(extracted).orElseThrow().text()).as("shown by the same rule before the back-fill")
                .startsWith("The harbour bridge reopened");

        // a batch, then a new process (the server restarted) goes on with the rest
        Backfill first = new Backfill(new ArticleStore(old.jdbc(), clock));
        first.fill(pipeline.claim(ArticleStage.BACKFILL, org.tidings.server.testing.Stores.WORKER, java.time.Duration.ofMinutes(5), 2), ArticleStage.ENRICH);
        assertThat(pipeline.waiting(ArticleStage.BACKFILL)).isEqualTo(2);
        new Backfill(new ArticleStore(old.jdbc(), clock))
                .fill(pipeline.claim(ArticleStage.BACKFILL, org.tidings.server.testing.Stores.WORKER, java.time.Duration.ofMinutes(5), 100), ArticleStage.ENRICH);
        assertThat(pipeline.waiting(ArticleStage.BACKFILL)).isZero();

        assertThat(old.column("canonical_url", feedOnly)).isEqualTo("https://harbour.test/bridge");
        assertThat(articles.body(feedOnly).orElseThrow().text())
                .isEqualTo("The harbour bridge reopened to traffic on Tuesday after two years of repairs.\n\n"
                        + "Engineers replaced the corroded steel cables and rebuilt the road deck.");
        assertThat(old.column("content", feedOnly)).as("stored once: in the body").isNull();
        assertThat(articles.body(extracted).orElseThrow().text()).startsWith("The harbour bridge reopened");
        assertThat(articles.body(extracted).orElseThrow().lead()).isEqualTo("The page's summary, which says more than the headline.");
        assertThat(old.column("full_html", extracted)).isNull();
        assertThat(old.column("duplicate_of", copy)).as("the same page as an older article").isEqualTo(Long.toString(feedOnly));
        assertThat(old.column("canonical_url", copy)).isNull();

        assertThat(old.column("stage", waiting)).as("its page first").isEqualTo("fulltext");
        assertThat(List.of(feedOnly, extracted, copy)).allSatisfy(id -> assertThat(old.column("stage", id)).isEqualTo("enrich"));

        // enrichment then stores what it used to throw away: the language and the digest
        EnrichmentStore enrichment = new EnrichmentStore(old.jdbc(), clock);
        List<Job> jobs = pipeline.claim(ArticleStage.ENRICH, org.tidings.server.testing.Stores.WORKER, java.time.Duration.ofMinutes(5), 100);
        new EnrichmentDesk(enrichment).enrich(jobs, ArticleStage.STORY);
        assertThat(old.column("lang", feedOnly)).isEqualTo("en");
        assertThat(old.column("story_id", extracted)).as("its story stays").isEqualTo("7");
    }
}
