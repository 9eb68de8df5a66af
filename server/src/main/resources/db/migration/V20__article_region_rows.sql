-- The regions an article is listed under, one row each, so that an edition's lists walk an index newest first rather
-- than test every article's regions (a LIKE on the middle of a column, or the source's region through a subquery).
-- Derived, never edited: from article.regions (enrichment's codes, space-separated), or, while an article has none,
-- its source's region; the article's section and time of publication are copied for the indexes' order.
-- The application rewrites an article's rows in the transaction that changes what they derive from.
-- One migration set for H2 (PostgreSQL mode) and PostgreSQL: only syntax both accept.
CREATE TABLE article_region (
    article_id    BIGINT                   NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    region        VARCHAR(200)             NOT NULL,
    section       VARCHAR(64),
    published_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (article_id, region)
);
-- An edition's lists walk an index newest first and stop at the page's end, reading an article only when the row's
-- region and section match. PostgreSQL walks a section within an edition as one range of the second index (and an
-- edition's newest along the first, testing the region from it). H2 walks an index in a list's order only if the index
-- starts with the ORDER BY's columns (a range led by region and section it reads whole, with every article in it, and
-- sorts), so ListingStore names the first index to H2 for every region list.
CREATE INDEX article_region_latest ON article_region (published_at DESC, article_id DESC, region, section);
CREATE INDEX article_region_section ON article_region (region, section, published_at DESC, article_id DESC);

-- articles without regions of their own: their source's
INSERT INTO article_region (article_id, region, section, published_at)
SELECT a.id, s.region, a.section, a.published_at
FROM article a JOIN source s ON s.id = a.source_id
WHERE a.regions IS NULL AND s.region IS NOT NULL;

-- the others: each word of their regions, split one at a time
INSERT INTO article_region (article_id, region, section, published_at)
WITH RECURSIVE word (article_id, region, rest) AS (
    SELECT id, CAST(NULL AS VARCHAR(200)), CAST(TRIM(regions) || ' ' AS VARCHAR(201))
    FROM article WHERE regions IS NOT NULL
    UNION ALL
    SELECT article_id, CAST(SUBSTRING(rest FROM 1 FOR POSITION(' ' IN rest) - 1) AS VARCHAR(200)),
           CAST(SUBSTRING(rest FROM POSITION(' ' IN rest) + 1) AS VARCHAR(201))
    FROM word WHERE POSITION(' ' IN rest) > 0
)
SELECT DISTINCT w.article_id, w.region, a.section, a.published_at
FROM word w JOIN article a ON a.id = w.article_id
WHERE w.region IS NOT NULL AND w.region <> '';
