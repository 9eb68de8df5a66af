-- What Tidings wrote with schema V4 (commit a940b54): the story desk placing articles in stories (story_id: the id of
-- the story's founding article) and finding a copy (duplicate_of), and its lease on the one job only one process does.
INSERT INTO article (source_id, entry_key, url, title, summary, content, published_at, first_seen_at, content_hash)
VALUES ((SELECT id FROM source WHERE feed_url = 'https://harbour.example/rss.xml'), 'https://harbour.example/?p=110',
        'https://harbour.example/news/storm-warning', 'Storm warning for the coast on Friday',
        '<p>Gusts of 120 km/h are expected.</p>', '<p>The weather service warns of gusts of 120 km/h along the coast on Friday night.</p>',
        '2026-11-25 05:10:00+00:00', '2026-11-25 05:12:00+00:00', 'a1d3f9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0');
INSERT INTO article (source_id, entry_key, url, title, summary, published_at, first_seen_at, content_hash)
VALUES ((SELECT id FROM source WHERE feed_url = 'https://closed.example/atom'), 'tag:closed.example,2026:storm',
        'https://closed.example/2026/storm', 'Coast braces for Friday storm', '<p>Ferries may be cancelled.</p>',
        '2026-11-25 05:20:00+00:00', '2026-11-25 05:22:00+00:00', 'b2e4a0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1');
INSERT INTO article (source_id, entry_key, url, title, summary, published_at, first_seen_at, content_hash)
VALUES ((SELECT id FROM source WHERE feed_url = 'https://closed.example/atom'), 'tag:closed.example,2026:storm-syndicated',
        'https://closed.example/wire/storm-warning', 'Storm warning for the coast on Friday', '<p>Gusts of 120 km/h are expected.</p>',
        '2026-11-25 05:25:00+00:00', '2026-11-25 05:26:00+00:00', 'c3f5b1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2');
UPDATE article SET story_id = id, clustered_at = '2026-11-25 05:13:00+00:00' WHERE entry_key = 'https://harbour.example/?p=110';
UPDATE article SET story_id = (SELECT id FROM article WHERE entry_key = 'https://harbour.example/?p=110'),
       clustered_at = '2026-11-25 05:23:00+00:00' WHERE entry_key = 'tag:closed.example,2026:storm';
UPDATE article SET story_id = (SELECT id FROM article WHERE entry_key = 'https://harbour.example/?p=110'),
       duplicate_of = (SELECT id FROM article WHERE entry_key = 'https://harbour.example/?p=110'),
       clustered_at = '2026-11-25 05:27:00+00:00' WHERE entry_key = 'tag:closed.example,2026:storm-syndicated';
INSERT INTO worker_lease (name, owner, lease_until) VALUES ('story-desk', 'host-a:4242', '2026-11-25 05:30:00+00:00');
