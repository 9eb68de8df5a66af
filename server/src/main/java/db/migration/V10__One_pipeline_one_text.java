package db.migration;

import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * One pipeline, one text: each stage's result is stored once, on the article, and every later
 * stage reads it from there. A migration in Java only because H2 rewrites the whole table for
 * every {@code ALTER TABLE} (7 s per 100,000 articles, each), and the one statement that adds
 * every column at once is written differently in H2 and in PostgreSQL (where adding them is
 * instant). Everything else is plain SQL both run.
 *
 * <p>Filling the new columns for the articles stored before is not done here, in one long
 * transaction, but by the pipeline's back-fill stage ({@code org.tidings.server.ingest.Backfill}), in
 * small batches while the site runs: it can be stopped and resumed at any time, and pages show
 * the older articles meanwhile by the same rule.
 */
public class V10__One_pipeline_one_text extends BaseJavaMigration {

    private static final List<String> ARTICLE_COLUMNS = List.of(
            // the body as readers see it (sanitized HTML: the page's main content once extracted, else the
            // feed's content, else its summary), its text in paragraphs (what every later stage reads),
            // its lead (the opening lists and feeds show), and whether it is only a teaser
            "body_html TEXT",
            "body_text TEXT",
            "lead VARCHAR(1000)",
            "excerpt BOOLEAN DEFAULT FALSE NOT NULL",
            // the one spelling of its address (org.tidings.url.CanonicalUrl): links that name one page are one article
            "canonical_url VARCHAR(2048)",
            // what its page said of itself, comma-separated
            "keywords VARCHAR(1000)",
            // the stage it waits for (backfill for the articles stored before, fulltext, enrich, story, done),
            // the lease of the process working on it, and the count of changes of its text: a stage that read
            // an older text does not store its result over a newer one
            "stage VARCHAR(16) DEFAULT 'backfill' NOT NULL",
            "stage_lease_until TIMESTAMP WITH TIME ZONE",
            "revision INTEGER DEFAULT 0 NOT NULL");

    private static final List<String> AFTER = List.of(
            "CREATE UNIQUE INDEX article_canonical_unique ON article (canonical_url)",
            "CREATE INDEX article_stage ON article (stage, id)",
            // the queues of the pollers the pipeline replaces
            "DROP INDEX article_full_text_due",
            "DROP INDEX article_unenriched",
            "DROP INDEX article_unclustered",
            // the offline digest (summary and key points) made once when the text changes: sentences of
            // body_text by their position among its sentences and their character offsets
            """
            CREATE TABLE article_digest (
                article_id  BIGINT      NOT NULL REFERENCES article (id) ON DELETE CASCADE,
                part        VARCHAR(8)  NOT NULL,
                sentence    INTEGER     NOT NULL,
                start_at    INTEGER     NOT NULL,
                end_at      INTEGER     NOT NULL,
                PRIMARY KEY (article_id, part, sentence)
            )""");

    @Override
    public void migrate(Context context) throws Exception {
        boolean h2 = context.getConnection().getMetaData().getDatabaseProductName().startsWith("H2");
        try (Statement sql = context.getConnection().createStatement()) {
            sql.execute(h2 ? "ALTER TABLE article ADD COLUMN (" + String.join(", ", ARTICLE_COLUMNS) + ")"
                    : "ALTER TABLE article " + ARTICLE_COLUMNS.stream().map(c -> "ADD COLUMN " + c).collect(Collectors.joining(", ")));
            for (String statement : AFTER) sql.execute(statement);
        }
    }
}
