-- Retention (tidings.retention.*): the pruning job asks whether a reader saved an article (by article, not by reader)
-- and which AI outputs are older than the operator keeps; without these indexes both would read whole tables.
CREATE INDEX saved_article_by_article ON saved_article (article_id);
CREATE INDEX ai_output_by_created ON ai_output (created_at);
