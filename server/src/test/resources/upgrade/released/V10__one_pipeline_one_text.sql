-- One pipeline, one text: each stage's result is stored once, on the article, and every later
-- stage reads it from there. One migration set for H2 (PostgreSQL mode) and PostgreSQL.
--
-- Every statement here is cheap on a table of any size: columns are added without rewriting
-- rows (PostgreSQL keeps a constant default in the catalogue), and the indexes are on columns that
-- start empty. Filling the new columns for the articles stored before this migration is the
-- pipeline's "backfill" stage, in small batches while the site runs (org.tidings.server.ingest.Backfill):
-- it can be stopped and resumed at any time, and pages show the old rows meanwhile.

-- The article's body as readers see it (sanitized HTML: the page's main content once extracted,
-- else the feed's content, else its summary), its plain text (paragraphs separated by a blank
-- line: the one text enrichment, stories, search, related articles and summaries read), its lead
-- (the opening a list or a feed shows), and whether the body is only a teaser.
ALTER TABLE article ADD COLUMN body_html TEXT;
ALTER TABLE article ADD COLUMN body_text TEXT;
ALTER TABLE article ADD COLUMN lead VARCHAR(1000);
ALTER TABLE article ADD COLUMN excerpt BOOLEAN DEFAULT FALSE NOT NULL;

-- The one spelling of the article's address (org.tidings.url.CanonicalUrl): two entries whose links
-- name the same page (tracking parameters, AMP and mobile variants) are one article.
ALTER TABLE article ADD COLUMN canonical_url VARCHAR(2048);
CREATE UNIQUE INDEX article_canonical_unique ON article (canonical_url);

-- What the page said of itself: its keywords (comma-separated, as the page lists them).
ALTER TABLE article ADD COLUMN keywords VARCHAR(1000);

-- Where the article is in the pipeline (org.tidings.server.pipeline.Pipeline): backfill (stored
-- before this migration), fulltext, enrich, story, done. A stage claims its articles with a lease
-- (several processes share the work); revision counts the changes of the article's text, so that a
-- stage that read an older text does not store its result over a newer one.
ALTER TABLE article ADD COLUMN stage VARCHAR(16) DEFAULT 'backfill' NOT NULL;
ALTER TABLE article ADD COLUMN stage_lease_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE article ADD COLUMN revision INTEGER DEFAULT 0 NOT NULL;
CREATE INDEX article_stage ON article (stage, id);

-- The queues of the five pollers this replaces.
DROP INDEX article_full_text_due;
DROP INDEX article_unenriched;
DROP INDEX article_unclustered;

-- The offline digest of an article (summary and key points), made once when its text changes:
-- sentences of body_text, by their position among its sentences and their character offsets.
CREATE TABLE article_digest (
    article_id  BIGINT      NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    part        VARCHAR(8)  NOT NULL,
    sentence    INTEGER     NOT NULL,
    start_at    INTEGER     NOT NULL,
    end_at      INTEGER     NOT NULL,
    PRIMARY KEY (article_id, part, sentence)
);
