-- Stories: each article joins the story of its event (story_id: the id of the story's founding
-- article) or is a copy of an earlier article (duplicate_of), as the story desk decides.
ALTER TABLE article ADD COLUMN story_id BIGINT;
ALTER TABLE article ADD COLUMN duplicate_of BIGINT;
ALTER TABLE article ADD COLUMN clustered_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX article_story ON article (story_id, published_at);
CREATE INDEX article_duplicate ON article (duplicate_of);
CREATE INDEX article_unclustered ON article (clustered_at, published_at);

-- A job only one process may do at a time (the story desk keeps its clusterer in memory).
CREATE TABLE worker_lease (
    name        VARCHAR(64)  PRIMARY KEY,
    owner       VARCHAR(200) NOT NULL,
    lease_until TIMESTAMP WITH TIME ZONE NOT NULL
);
