-- When an article last changed in a way readers see (stored, edited, its full text found, placed
-- in a story, its source edited). The search index follows the database by this time: every
-- process's index reads what changed since its last commit. Writers set it; the default covers
-- any insert that does not.
ALTER TABLE article ADD COLUMN changed_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP;
UPDATE article SET changed_at = first_seen_at;
CREATE INDEX article_changed ON article (changed_at, id);
