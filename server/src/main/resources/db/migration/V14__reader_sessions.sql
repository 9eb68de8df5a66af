-- Readers' sessions (Spring Session JDBC): kept in the database rather than one process's memory, so that any
-- process serves a signed-in reader and a restart signs nobody out. The tables and columns are the ones Spring
-- Session reads and writes; only syntax that H2 (PostgreSQL mode) and PostgreSQL both accept.
-- Times are milliseconds since the epoch, as Spring Session keeps them; expired sessions are deleted by expiry_time.
CREATE TABLE spring_session (
    primary_id             CHAR(36) NOT NULL,
    session_id             CHAR(36) NOT NULL,
    creation_time          BIGINT NOT NULL,
    last_access_time       BIGINT NOT NULL,
    max_inactive_interval  INT NOT NULL,
    expiry_time            BIGINT NOT NULL,
    principal_name         VARCHAR(100),
    CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_by_id ON spring_session (session_id);
CREATE INDEX spring_session_by_expiry ON spring_session (expiry_time);
CREATE INDEX spring_session_by_principal ON spring_session (principal_name);

-- The session's attributes (the signed-in reader, the CSRF token, the page that asked for signing in), serialized.
CREATE TABLE spring_session_attributes (
    session_primary_id  CHAR(36) NOT NULL,
    attribute_name      VARCHAR(200) NOT NULL,
    attribute_bytes     BYTEA NOT NULL,
    CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id) REFERENCES spring_session (primary_id)
        ON DELETE CASCADE
);
