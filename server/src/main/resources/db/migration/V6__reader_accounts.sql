-- Readers' accounts and their personal pages. One migration set for H2 (PostgreSQL mode) and
-- PostgreSQL: only syntax both accept.

-- Readers sign in by e-mail (stored lower-cased); the administrator keeps signing in by user name.
-- A deleted account keeps its row, anonymised, with deleted_at set: rows of others that refer to
-- it (comments) stay valid and show their author as "deleted".
ALTER TABLE account ADD COLUMN email VARCHAR(320);
ALTER TABLE account ADD COLUMN display_name VARCHAR(100);
ALTER TABLE account ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE account ADD COLUMN history_enabled BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE account ADD COLUMN password_changed_at TIMESTAMP WITH TIME ZONE;
CREATE UNIQUE INDEX account_email_unique ON account (email);

-- One-time password reset links: only a SHA-256 of the token is kept; used_at makes it single use.
CREATE TABLE password_reset (
    token_hash  VARCHAR(64) PRIMARY KEY,
    account_id  BIGINT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX password_reset_by_account ON password_reset (account_id);

-- What a reader follows (kind: topic, source, section) and mutes (kind: topic, source, keyword).
-- target: a topic slug, a source id, a section name or a lower-cased keyword.
CREATE TABLE reader_follow (
    account_id  BIGINT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    kind        VARCHAR(16) NOT NULL,
    target      VARCHAR(200) NOT NULL,
    label       VARCHAR(200) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (account_id, kind, target)
);

CREATE TABLE reader_mute (
    account_id  BIGINT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    kind        VARCHAR(16) NOT NULL,
    target      VARCHAR(200) NOT NULL,
    label       VARCHAR(200) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (account_id, kind, target)
);

-- Articles saved to read later.
CREATE TABLE saved_article (
    account_id  BIGINT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    article_id  BIGINT NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    saved_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (account_id, article_id)
);
CREATE INDEX saved_article_latest ON saved_article (account_id, saved_at);

-- Reading history: the last time the reader opened each article (only while history is on).
CREATE TABLE reading_history (
    account_id  BIGINT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    article_id  BIGINT NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    read_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (account_id, article_id)
);
CREATE INDEX reading_history_latest ON reading_history (account_id, read_at);
