-- What enrichment learned about each article: its section, the regions of the editions it is
-- about (space-separated codes, e.g. "gulf middle-east"), and its topics (people, organisations,
-- places, subjects) for hashtag pages. enriched_at is NULL while the article waits for enrichment
-- (new, or its full text arrived since).
ALTER TABLE article ADD COLUMN section VARCHAR(64);
ALTER TABLE article ADD COLUMN regions VARCHAR(200);
ALTER TABLE article ADD COLUMN enriched_at TIMESTAMP WITH TIME ZONE;

CREATE TABLE article_topic (
    article_id  BIGINT       NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    slug        VARCHAR(120) NOT NULL,
    label       VARCHAR(200) NOT NULL,
    kind        VARCHAR(16)  NOT NULL,
    PRIMARY KEY (article_id, slug)
);

CREATE INDEX article_topic_slug ON article_topic (slug);
-- section pages walk a section newest first, deciding "not a copy, publisher enabled" from the
-- index alone (reading each row would read its text too); the enrichment desk finds its work
CREATE INDEX article_section ON article (section, published_at DESC, id DESC, duplicate_of, source_id);
CREATE INDEX article_unenriched ON article (enriched_at, id);
