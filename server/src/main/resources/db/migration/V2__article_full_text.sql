-- Full text fetched from the article page (for sources with full text on), and its state.
-- full_text_status: NULL (not wanted), pending, done, excerpt (only a teaser on the page),
-- blocked (robots.txt), failed (after the last attempt).
ALTER TABLE article ADD COLUMN full_text_status VARCHAR(16);
ALTER TABLE article ADD COLUMN full_text_attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE article ADD COLUMN full_text_lease_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE article ADD COLUMN full_text_error VARCHAR(500);
ALTER TABLE article ADD COLUMN full_html TEXT;
ALTER TABLE article ADD COLUMN byline VARCHAR(300);
ALTER TABLE article ADD COLUMN lang VARCHAR(16);
ALTER TABLE article ADD COLUMN extracted_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX article_full_text_due ON article (full_text_status, id);
