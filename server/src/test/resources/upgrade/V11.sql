-- What Tidings wrote with schema V11 (commit 3e78d31; the same columns as V10): an article through the pipeline, in the
-- story of an earlier one, and one waiting for a next attempt at its page (stage_lease_until without a claim).
INSERT INTO article (source_id, entry_key, url, canonical_url, title, summary, body_html, body_text, lead, excerpt,
                     published_at, first_seen_at, content_hash, full_text_status, full_text_attempts, lang, section, regions,
                     enriched_at, clustered_at, stage, revision, changed_at)
VALUES ((SELECT id FROM source WHERE feed_url = 'https://harbour.example/rss.xml'), 'https://harbour.example/?p=140',
        'https://harbour.example/news/storm-damage', 'https://harbour.example/news/storm-damage',
        'Storm damage along the coast smaller than feared', '<p>Two piers closed for repairs.</p>',
        '<p>The storm closed two piers, but no one was hurt.</p>', 'The storm closed two piers, but no one was hurt.',
        'Two piers closed for repairs.', FALSE,
        '2026-12-06 18:00:00+00:00', '2026-12-06 18:01:00+00:00', '4e6a8c0d2f3b5d7f9a1c4e6a8c0d2f3b5d7f9a1c4e6a8c0d2f3b5d7f9a1c4e6a',
        'done', 1, 'en', 'local', 'europe', '2026-12-06 18:02:00+00:00', '2026-12-06 18:03:00+00:00', 'done', 1,
        '2026-12-06 18:03:00+00:00');
UPDATE article SET story_id = (SELECT id FROM article WHERE entry_key = 'https://harbour.example/?p=110')
WHERE entry_key = 'https://harbour.example/?p=140';
INSERT INTO article (source_id, entry_key, url, canonical_url, title, summary, body_html, body_text, lead, excerpt,
                     published_at, first_seen_at, content_hash, full_text_status, full_text_attempts, full_text_error,
                     stage, stage_lease_until, revision, changed_at)
VALUES ((SELECT id FROM source WHERE feed_url = 'https://harbour.example/rss.xml'), 'https://harbour.example/?p=141',
        'https://harbour.example/news/pier-closure', 'https://harbour.example/news/pier-closure',
        'Which piers stay closed', '<p>A list of closures.</p>', '<p>A list of closures.</p>', 'A list of closures.',
        'A list of closures.', TRUE,
        '2026-12-06 18:10:00+00:00', '2026-12-06 18:11:00+00:00', '5f7b9d1e3a4c6e8a0b2d5f7b9d1e3a4c6e8a0b2d5f7b9d1e3a4c6e8a0b2d5f7b',
        'pending', 1, 'HTTP 503', 'fulltext', '2026-12-06 18:21:00+00:00', 0, '2026-12-06 18:11:00+00:00');
