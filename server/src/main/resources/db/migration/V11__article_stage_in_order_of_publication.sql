-- The pipeline's stages claim the articles waiting for them in order of publication. With the
-- index in that order a claim reads only the rows it takes; with (stage, id) every waiting row was
-- read and sorted on each claim (on H2 also locked, so written).
DROP INDEX article_stage;
CREATE INDEX article_stage ON article (stage, published_at, id);
