-- Limits on sign-in, sign-up, comments and the API, kept in the database so that they hold across every process
-- sharing it, with the answers one process gives alone. One row per limit and holder (an account, an address, a
-- reader), named by a digest so that no address or account name is kept here. Each row is a token bucket as the
-- generic cell rate algorithm keeps it: the time, in microseconds since the epoch, at which the bucket is full again.
-- A row whose time has passed holds nothing to remember and is deleted.
CREATE TABLE rate_limit (
    bucket   VARCHAR(40) NOT NULL,
    holder   CHAR(64) NOT NULL,
    full_at  BIGINT NOT NULL,
    CONSTRAINT rate_limit_pk PRIMARY KEY (bucket, holder)
);
CREATE INDEX rate_limit_by_full_at ON rate_limit (full_at);
