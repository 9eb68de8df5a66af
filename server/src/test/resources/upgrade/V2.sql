-- What Tidings wrote with schema V2 (commit bece0fd): articles of full-text sources in each state of fetching their
-- page (done with the extracted HTML, byline and language; pending after a failed attempt; blocked by robots.txt;
-- failed after the last attempt), and one of a source without full text (status NULL).
INSERT INTO article (source_id, entry_key, url, title, summary, content, published_at, first_seen_at, content_hash,
                     full_text_status, full_text_attempts, full_html, byline, lang, extracted_at)
VALUES ((SELECT id FROM source WHERE feed_url = 'https://harbour.example/rss.xml'), 'https://harbour.example/?p=102',
        'https://harbour.example/news/ferry-timetable', 'Winter ferry timetable announced',
        '<p>Fewer crossings from December.</p>', '<p>Fewer crossings from December…</p>',
        '2026-11-25 04:00:00+00:00', '2026-11-25 04:05:00+00:00', '4d7a3b2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b',
        'done', 1,
        '<p>The ferry company will run six crossings a day from the first of December instead of ten.</p><p>Season tickets bought before November stay valid.</p>',
        'Lena Park', 'en', '2026-11-25 04:06:00+00:00');
INSERT INTO article (source_id, entry_key, url, title, summary, published_at, first_seen_at, content_hash,
                     full_text_status, full_text_attempts, full_text_lease_until, full_text_error)
VALUES ((SELECT id FROM source WHERE feed_url = 'https://harbour.example/rss.xml'), 'https://harbour.example/?p=103',
        'https://harbour.example/news/fish-market', 'Fish market moves to the old customs house',
        '<p>The market opens in its new home on Saturday.</p>',
        '2026-11-25 04:10:00+00:00', '2026-11-25 04:15:00+00:00', '5e8b4c3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c',
        'pending', 1, '2026-11-25 04:20:00+00:00', 'timed out after 20 s');
INSERT INTO article (source_id, entry_key, url, title, summary, published_at, first_seen_at, content_hash,
                     full_text_status, full_text_attempts)
VALUES ((SELECT id FROM source WHERE feed_url = 'https://harbour.example/rss.xml'), 'https://harbour.example/?p=104',
        'https://harbour.example/members/council-vote', 'Council votes on the harbour budget',
        '<p>The vote is expected late on Thursday.</p>',
        '2026-11-25 04:12:00+00:00', '2026-11-25 04:15:00+00:00', '6f9c5d4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d',
        'blocked', 1);
INSERT INTO article (source_id, entry_key, url, title, summary, published_at, first_seen_at, content_hash,
                     full_text_status, full_text_attempts, full_text_error)
VALUES ((SELECT id FROM source WHERE feed_url = 'https://harbour.example/rss.xml'), 'https://harbour.example/?p=105',
        'https://harbour.example/news/lighthouse', 'Lighthouse keeper retires after forty years',
        '<p>A party on the pier on Sunday.</p>',
        '2026-11-25 04:14:00+00:00', '2026-11-25 04:15:00+00:00', '7a0d6e5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e',
        'failed', 3, 'HTTP 404');
INSERT INTO article (source_id, entry_key, url, title, summary, published_at, first_seen_at, content_hash)
VALUES ((SELECT id FROM source WHERE feed_url = 'https://gulf-daily.example/feed/ar'), 'https://gulf-daily.example/ar/oil-prices',
        'https://gulf-daily.example/ar/oil-prices', 'أسعار النفط ترتفع للأسبوع الثالث',
        '<p>ارتفع سعر خام برنت إلى ٨٢ دولاراً للبرميل.</p>',
        '2026-11-25 04:30:00+00:00', '2026-11-25 04:31:00+00:00', '8b1e7f6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f');
