-- What a language model wrote about an article or a story, so that each is asked once: one row per
-- subject, feature, reader language and model. source_hash is a hash of the text the model was given;
-- when the article changes, the row no longer answers and is replaced. The raw answer is kept: it is
-- checked against the source again each time it is shown, under the current settings.
CREATE TABLE ai_output (
    subject      VARCHAR(16)  NOT NULL,
    subject_id   BIGINT       NOT NULL,
    feature      VARCHAR(16)  NOT NULL,
    lang         VARCHAR(16)  NOT NULL,
    model        VARCHAR(200) NOT NULL,
    source_hash  VARCHAR(64)  NOT NULL,
    output       TEXT         NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (subject, subject_id, feature, lang, model)
);
