-- What Tidings wrote with schema V1 (commit d6adc0c): sources with their health, schedule and validators, articles
-- from feeds (entry key: the guid, else the link), the first administrator (Argon2id hash of
-- "the first administrator 1"). Rows refer to each other by their natural keys, never by a fixed id.
INSERT INTO source (feed_url, name, site_url, language, region, section, full_text, enabled, created_at,
                    last_fetch_at, last_success_at, last_status, last_http_status, consecutive_failures,
                    next_fetch_at, fetch_interval_seconds, etag, last_modified, body_hash)
VALUES ('https://harbour.example/rss.xml', 'Harbour Times', 'https://harbour.example/', 'en', 'europe', 'world', TRUE, TRUE,
        '2026-11-25 03:05:00+00:00', '2026-11-25 03:20:00+00:00', '2026-11-25 03:20:00+00:00', 'ok', 200, 0,
        '2026-11-25 03:35:00+00:00', 900, '"h-4711"', 'Wed, 25 Nov 2026 03:00:00 GMT',
        '9f2c1e0b7a6d5c4b3a29180716f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3');
INSERT INTO source (feed_url, name, site_url, language, region, section, full_text, enabled, created_at,
                    last_fetch_at, last_success_at, last_status, last_http_status, last_error, consecutive_failures,
                    next_fetch_at, fetch_interval_seconds)
VALUES ('https://gulf-daily.example/feed/ar', 'الخليج اليوم', 'https://gulf-daily.example/', 'ar', 'gulf', 'business', FALSE, TRUE,
        '2026-11-25 03:05:00+00:00', '2026-11-25 03:25:00+00:00', '2026-11-25 03:10:00+00:00', 'http_error', 503,
        'HTTP 503 Service Unavailable', 2, '2026-11-25 03:45:00+00:00', 1200);
INSERT INTO source (feed_url, name, site_url, language, region, section, enabled, created_at, last_fetch_at,
                    last_status, last_http_status, consecutive_failures, disabled_reason, next_fetch_at, fetch_interval_seconds)
VALUES ('https://closed.example/atom', 'Closed Courier', 'https://closed.example/', 'en', 'us', 'science', FALSE,
        '2026-11-25 03:05:00+00:00', '2026-11-25 03:06:00+00:00', 'gone', 410, 1, 'the feed is gone (HTTP 410)',
        '2026-11-26 03:06:00+00:00', 3600);

INSERT INTO article (source_id, entry_key, url, title, summary, content, author, image_url, published_at, updated_at,
                     first_seen_at, content_hash)
VALUES ((SELECT id FROM source WHERE feed_url = 'https://harbour.example/rss.xml'), 'https://harbour.example/?p=101',
        'https://harbour.example/news/bridge-reopens', 'Harbour bridge reopens after two years',
        '<p>The bridge is open again.</p>',
        '<p>The harbour bridge reopened to traffic on Tuesday after two years of repairs.</p><p>Engineers replaced the corroded steel cables and rebuilt the road deck.</p>',
        'Mina Okafor', 'https://harbour.example/img/bridge.jpg', '2026-11-25 02:40:00+00:00', '2026-11-25 02:55:00+00:00',
        '2026-11-25 03:20:00+00:00', '1b4f0e9c8d7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c');
INSERT INTO article (source_id, entry_key, url, title, summary, published_at, first_seen_at, content_hash)
VALUES ((SELECT id FROM source WHERE feed_url = 'https://gulf-daily.example/feed/ar'), 'https://gulf-daily.example/ar/port-opens',
        'https://gulf-daily.example/ar/port-opens', 'افتتاح ميناء جديد للحاويات في الدوحة',
        '<p>افتتحت قطر ميناءً جديداً للحاويات يوم الاثنين، بطاقة مليوني حاوية في السنة.</p>',
        '2026-11-25 01:15:00+00:00', '2026-11-25 03:10:00+00:00', '2a5e1f0d9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a29');
INSERT INTO article (source_id, entry_key, url, title, summary, author, published_at, first_seen_at, content_hash)
VALUES ((SELECT id FROM source WHERE feed_url = 'https://closed.example/atom'), 'tag:closed.example,2026:comet',
        'https://closed.example/2026/comet', 'A comet brightens in the evening sky', '<p>Look west after sunset.</p>',
        'R. Ibáñez', '2026-11-24 20:00:00+00:00', '2026-11-25 03:06:00+00:00', '3c6f2a1e0d9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a');

INSERT INTO account (username, password_hash, role, created_at)
VALUES ('admin', '$argon2id$v=19$m=16384,t=2,p=1$X/NPjdq3oQJVwS2tGyw0zw$z+dqeD2zOyYXvX5TCoWPnXJRKEo/JS9lrM09gpuIT3I', 'ADMIN',
        '2026-11-25 03:05:00+00:00');
