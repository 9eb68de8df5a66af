-- What Tidings wrote with schema V3 (commit 53def4d): an entry with neither guid nor link, kept as an article without
-- an address, identified by a hash of its title and text.
INSERT INTO article (source_id, entry_key, url, title, summary, published_at, first_seen_at, content_hash)
VALUES ((SELECT id FROM source WHERE feed_url = 'https://gulf-daily.example/feed/ar'),
        'sha256:0c3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f', NULL,
        'تنبيه: إغلاق طريق الكورنيش مساء الجمعة', '<p>يغلق طريق الكورنيش من السادسة حتى منتصف الليل.</p>',
        '2026-11-25 05:00:00+00:00', '2026-11-25 05:02:00+00:00', '9c2f8a7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a');
