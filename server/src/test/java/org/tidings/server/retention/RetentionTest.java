package org.tidings.server.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.tidings.article.ArticleText;
import org.tidings.server.config.TidingsProperties;
import org.tidings.server.search.ArticleSearch;
import org.tidings.server.search.SearchIndex;
import org.tidings.server.search.SearchIndexer;
import org.tidings.server.search.SearchResults;
import org.tidings.server.store.AccountStore;
import org.tidings.server.store.ArticleDraft;
import org.tidings.server.store.GeneratedTextStore;
import org.tidings.server.store.RetentionStore;
import org.tidings.server.testing.Fixtures;
import org.tidings.server.testing.MutableClock;
import org.tidings.server.testing.OnEachDatabase;
import org.tidings.server.testing.Settings;
import org.tidings.server.testing.Stores;
import org.tidings.server.testing.TestDatabase;

/**
 * What the operator chose to keep is kept, and nothing else (H2 and PostgreSQL): old full texts give way to their
 * lead, old articles go with their copies, topics and digests, old AI outputs go; what a reader saved or commented on
 * stays whole. Pruning goes in small batches.
 */
@OnEachDatabase
class RetentionTest {

    @Parameter
    TestDatabase db;

    private static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");
    private final MutableClock clock = new MutableClock(NOW);

    private static final TidingsProperties KEEP = Settings.with(Map.of(
            "tidings.retention.articles", "365d", "tidings.retention.full-text", "30d",
            "tidings.retention.ai-outputs", "90d", "tidings.retention.batch", "2"));

    @Test
    void oldThingsGoInBatchesAndWhatReadersKeptStays() {
        Stores d = Stores.on(db, clock);
        long source = d.sources().add(Fixtures.source("https://gulf.test/feed", "Gulf Daily"), Duration.ofMinutes(15)).id();
        long fresh = article(d, source, "fresh", 2);
        long month = article(d, source, "month", 40);
        long monthToo = article(d, source, "month-too", 50);
        long year = article(d, source, "year", 400);
        long yearCopy = article(d, source, "year-copy", 399);
        Stores.placeInStory(d.stories(), year, year, null);
        Stores.placeInStory(d.stories(), yearCopy, year, year);
        long yearToo = article(d, source, "year-too", 500);
        long yearThree = article(d, source, "year-three", 450);
        long saved = article(d, source, "saved", 600);
        long commented = article(d, source, "commented", 700);
        new AccountStore(d.jdbc(), clock).create("reader@example.test", "x", "READER");
        long reader = d.jdbc().sql("SELECT id FROM account").query(Long.class).single();
        d.jdbc().sql("INSERT INTO saved_article (account_id, article_id, saved_at) VALUES (:a, :id, :now)")
                .param("a", reader).param("id", saved).param("now", java.sql.Timestamp.from(NOW)).update();
        d.jdbc().sql("INSERT INTO comment (article_id, author_id, body, status, created_at) VALUES (:id, :a, 'Still true', 'visible', :now)")
                .param("a", reader).param("id", commented).param("now", java.sql.Timestamp.from(NOW)).update();
        d.jdbc().sql("INSERT INTO article_topic (article_id, slug, label, kind) VALUES (:id, 'harbour', 'harbour', 'subject')")
                .param("id", year).update();
        GeneratedTextStore ai = new GeneratedTextStore(d.jdbc(), clock);
        clock.set(NOW.minus(Duration.ofDays(100)));
        ai.save(new GeneratedTextStore.Key("article", month, "summary", "en", "m"), "h", "an old summary");
        ai.save(new GeneratedTextStore.Key("article", year, "summary", "en", "m"), "h", "the summary of a pruned article");
        clock.set(NOW.minus(Duration.ofDays(10)));
        ai.save(new GeneratedTextStore.Key("article", fresh, "summary", "en", "m"), "h", "a new summary");
        clock.set(NOW);

        Retention retention = new Retention(new RetentionStore(d.jdbc()), KEEP, clock);
        Retention.Pruned pruned = retention.prune();

        assertThat(pruned.articles()).as("three old articles and the copy of one").isEqualTo(4);
        assertThat(pruned.fullTexts()).as("the month-old ones").isEqualTo(2);
        assertThat(pruned.aiOutputs()).isEqualTo(1);
        assertThat(pruned.batches()).as("two of articles (by two, each with its copies), one of full texts, one of AI outputs")
                .isEqualTo(4);
        assertThat(ids(d)).containsExactlyInAnyOrder(fresh, month, monthToo, saved, commented);
        assertThat(d.jdbc().sql("SELECT COUNT(*) FROM article_topic WHERE article_id = :id").param("id", year).query(Long.class).single())
                .isZero();

        assertThat(body(d, fresh)).contains("The whole text of fresh");
        assertThat(body(d, month)).as("the lead stays").isNull();
        assertThat(d.archive().body(month).orElseThrow().text()).as("the lead, no more")
                .startsWith("The lead of month.").hasSizeLessThanOrEqualTo(ArticleText.LEAD_CHARS);
        assertThat(body(d, saved)).as("saved: kept whole").contains("The whole text of saved");
        assertThat(body(d, commented)).as("commented: kept whole").contains("The whole text of commented");
        assertThat(d.jdbc().sql("SELECT output FROM ai_output").query(String.class).list()).containsExactly("a new summary");

        assertThat(retention.prune().articles()).as("nothing left to prune").isZero();
    }

    @Test
    void withTheDefaultsNothingIsPruned() {
        Stores d = Stores.on(db, clock);
        long source = d.sources().add(Fixtures.source("https://gulf.test/feed", "Gulf Daily"), Duration.ofMinutes(15)).id();
        long ancient = article(d, source, "ancient", 5000);
        Retention.Pruned pruned = new Retention(new RetentionStore(d.jdbc()), Settings.defaults(), clock).prune();
        assertThat(pruned.articles() + pruned.fullTexts()).isZero();
        assertThat(body(d, ancient)).contains("The whole text of ancient");
    }

    @Test
    void prunedArticlesLeaveTheSearchIndex() throws Exception {
        Stores d = Stores.on(db, clock);
        long source = d.sources().add(Fixtures.source("https://gulf.test/feed", "Gulf Daily"), Duration.ofMinutes(15)).id();
        long fresh = article(d, source, "fresh", 2);
        long year = article(d, source, "year", 400);
        try (SearchIndex index = SearchIndex.inMemory()) {
            new SearchIndexer(index, d.search(), clock).catchUp();
            ArticleSearch search = new ArticleSearch(index, clock);
            assertThat(search.search(Fixtures.search("lead"), List.of()).hits()).extracting(SearchResults.Hit::id)
                    .containsExactlyInAnyOrder(fresh, year);

            new Retention(new RetentionStore(d.jdbc()), index, KEEP, clock).prune();

            assertThat(search.search(Fixtures.search("lead"), List.of()).hits()).as("the index follows changes, not deletions: "
                    + "retention removes what it prunes").extracting(SearchResults.Hit::id).containsExactly(fresh);
        }
    }

    private long article(Stores d, long source, String key, int daysOld) {
        Instant published = NOW.minus(Duration.ofDays(daysOld));
        d.articles().save(source, ArticleDraft.ofFeed(key, "https://gulf.test/" + key, "Headline " + key, "<p>The lead of " + key + ".</p>",
                "<p>The lead of " + key + ".</p>" + ("<p>The whole text of " + key + ", paragraph after paragraph.</p>").repeat(40),
                null, null,
                published, null, key), false);
        return d.jdbc().sql("SELECT id FROM article WHERE entry_key = :k").param("k", key).query(Long.class).single();
    }

    private static String body(Stores d, long id) {
        return d.jdbc().sql("SELECT body_html FROM article WHERE id = :id").param("id", id).query((rs, row) -> java.util.Optional.ofNullable(rs.getString(1))).single().orElse(null);
    }

    private static java.util.List<Long> ids(Stores d) {
        return d.jdbc().sql("SELECT id FROM article").query(Long.class).list();
    }
}
