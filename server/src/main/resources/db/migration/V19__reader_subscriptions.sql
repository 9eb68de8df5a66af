-- Readers' own feeds and their read state (issue 17).
-- A source a reader added is private to its subscribers (published = FALSE) until an administrator publishes it to the
-- edition; the sources the edition already had stay published. One source row however many readers follow the feed.
-- One migration set for H2 (PostgreSQL mode) and PostgreSQL: only syntax both accept.
ALTER TABLE source ADD COLUMN published BOOLEAN NOT NULL DEFAULT TRUE;

-- A reader's subscription to a source, under the reader's own title and label (folder) if given.
CREATE TABLE subscription (
    account_id  BIGINT       NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    source_id   BIGINT       NOT NULL REFERENCES source (id) ON DELETE CASCADE,
    title       VARCHAR(300),
    label       VARCHAR(100),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (account_id, source_id)
);
CREATE INDEX subscription_by_source ON subscription (source_id);

-- The articles a reader has read: an article without a row is unread. "Mark all as read" writes a row per article.
CREATE TABLE article_read (
    account_id  BIGINT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    article_id  BIGINT NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    read_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (account_id, article_id)
);
CREATE INDEX article_read_by_article ON article_read (article_id);
