-- What Tidings wrote with schema V10 (commit c8c9eb1, the pipeline: each stage's result stored once on the article):
-- an article through every stage (its body, text, lead, canonical address, keywords, revision, story and digest; the
-- feed's content and the page's HTML no longer kept apart), and articles waiting for their page (claimed by a process
-- that stopped), for enrichment and for their story.
INSERT INTO article (source_id, entry_key, url, canonical_url, title, summary, body_html, body_text, lead, excerpt, author,
                     published_at, first_seen_at, content_hash, full_text_status, full_text_attempts, byline, lang, extracted_at,
                     keywords, section, regions, enriched_at, stage, revision, changed_at)
VALUES ((SELECT id FROM source WHERE feed_url = 'https://harbour.example/rss.xml'), 'https://harbour.example/?p=130',
        'https://harbour.example/news/tram-fares?utm_source=rss', 'https://harbour.example/news/tram-fares',
        'Tram fares fall by a third', '<p>Cheaper trams from January.</p>',
        '<p>Tram fares fall by a third from January.</p><p>The city pays the difference from its parking fees.</p>',
        'Tram fares fall by a third from January.

The city pays the difference from its parking fees.', 'Cheaper trams from January.', FALSE, 'Jonas Weber',
        '2026-12-06 17:00:00+00:00', '2026-12-06 17:01:00+00:00', '0a2c4e6f8b1d3f5a7c9e0b2d4f6a8c1e3f5b7d9a0c2e4f6b8d1f3a5c7e9b0d2f',
        'done', 1, 'Jonas Weber', 'en', '2026-12-06 17:02:00+00:00', 'transport,fares,city budget', 'local', 'europe',
        '2026-12-06 17:03:00+00:00', 'done', 2, '2026-12-06 17:04:00+00:00');
UPDATE article SET story_id = id, clustered_at = '2026-12-06 17:04:00+00:00' WHERE entry_key = 'https://harbour.example/?p=130';
INSERT INTO article_digest (article_id, part, sentence, start_at, end_at)
SELECT id, 'summary', 0, 0, 40 FROM article WHERE entry_key = 'https://harbour.example/?p=130';
INSERT INTO article_digest (article_id, part, sentence, start_at, end_at)
SELECT id, 'point', 1, 42, 93 FROM article WHERE entry_key = 'https://harbour.example/?p=130';
INSERT INTO article_topic (article_id, slug, label, kind)
SELECT id, 'tram', 'Tram', 'subject' FROM article WHERE entry_key = 'https://harbour.example/?p=130';

INSERT INTO article (source_id, entry_key, url, canonical_url, title, summary, body_html, body_text, lead, excerpt,
                     published_at, first_seen_at, content_hash, full_text_status, stage, stage_lease_until, revision, changed_at)
VALUES ((SELECT id FROM source WHERE feed_url = 'https://harbour.example/rss.xml'), 'https://harbour.example/?p=131',
        'https://harbour.example/news/school-roof', 'https://harbour.example/news/school-roof',
        'School roof repaired before winter', '<p>Pupils return on Monday.</p>', '<p>Pupils return on Monday.</p>',
        'Pupils return on Monday.', 'Pupils return on Monday.', TRUE,
        '2026-12-06 17:10:00+00:00', '2026-12-06 17:11:00+00:00', '1b3d5f7a9c2e4a6c8e0f1b3d5f7a9c2e4a6c8e0f1b3d5f7a9c2e4a6c8e0f1b3d',
        'pending', 'fulltext', '2026-12-06 17:16:00+00:00', 0, '2026-12-06 17:11:00+00:00');
INSERT INTO article (source_id, entry_key, url, canonical_url, title, summary, body_html, body_text, lead, excerpt,
                     published_at, first_seen_at, content_hash, stage, revision, changed_at)
VALUES ((SELECT id FROM source WHERE feed_url = 'https://gulf-daily.example/feed/ar'), 'https://gulf-daily.example/ar/rain',
        'https://gulf-daily.example/ar/rain', 'https://gulf-daily.example/ar/rain', 'أمطار غزيرة متوقعة على الساحل',
        '<p>تتوقع الأرصاد أمطاراً غزيرة يوم الخميس.</p>', '<p>تتوقع الأرصاد أمطاراً غزيرة يوم الخميس.</p>',
        'تتوقع الأرصاد أمطاراً غزيرة يوم الخميس.', 'تتوقع الأرصاد أمطاراً غزيرة يوم الخميس.', FALSE,
        '2026-12-06 17:20:00+00:00', '2026-12-06 17:21:00+00:00', '2c4e6a8b0d1f3a5c7e9b2d4f6a8c0e1f3b5d7a9c2e4f6b8d0a1c3e5f7b9d2a4c',
        'enrich', 0, '2026-12-06 17:21:00+00:00');
INSERT INTO article (source_id, entry_key, url, canonical_url, title, summary, body_html, body_text, lead, excerpt,
                     published_at, first_seen_at, content_hash, lang, section, regions, enriched_at, stage, revision, changed_at)
VALUES ((SELECT id FROM source WHERE feed_url = 'https://closed.example/atom'), 'tag:closed.example,2026:tram',
        'https://closed.example/2026/tram', 'https://closed.example/2026/tram', 'Harbour city cuts tram fares',
        '<p>A third off from January.</p>', '<p>A third off from January.</p>', 'A third off from January.',
        'A third off from January.', FALSE,
        '2026-12-06 17:30:00+00:00', '2026-12-06 17:31:00+00:00', '3d5f7b9c1e2a4c6e8f0b3d5f7a9c1e2a4c6e8f0b3d5f7a9c1e2a4c6e8f0b3d5f',
        'en', 'local', 'europe', '2026-12-06 17:32:00+00:00', 'story', 1, '2026-12-06 17:32:00+00:00');
