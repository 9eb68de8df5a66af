-- What Tidings wrote with schema V9 (the release that merged enrichment V5, readers' accounts V6, comments V7, the
-- language model's outputs V8 and the search index's change time V9; commit 52a117c): enriched articles with their
-- section, regions and topics, one waiting for enrichment; readers, a moderator and a deleted account; a reset link,
-- follows, mutes, saved articles, reading history; comments in every status with replies, likes, reports, a
-- suspension and the moderators' log; a language model's summary. Reader passwords: "reader password 9",
-- "moderator password 7".
INSERT INTO article (source_id, entry_key, url, title, summary, content, author, published_at, first_seen_at, content_hash,
                     lang, section, regions, enriched_at, changed_at)
VALUES ((SELECT id FROM source WHERE feed_url = 'https://gulf-daily.example/feed/ar'), 'https://gulf-daily.example/ar/qatar-airways',
        'https://gulf-daily.example/ar/qatar-airways', 'الخطوط القطرية تطلب ٢٠ طائرة جديدة',
        '<p>أعلنت الخطوط القطرية عن طلب عشرين طائرة.</p>',
        '<p>أعلنت الخطوط القطرية يوم الأربعاء عن طلب عشرين طائرة جديدة لتوسيع أسطولها.</p><p>وقال الرئيس التنفيذي إن التسليم يبدأ في عام ٢٠٢٨.</p>',
        'سارة الكعبي', '2026-11-25 06:00:00+00:00', '2026-11-25 06:05:00+00:00',
        'd4a6c2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3', 'ar', 'business', 'gulf middle-east',
        '2026-11-25 06:06:00+00:00', '2026-11-25 06:06:00+00:00');
INSERT INTO article_topic (article_id, slug, label, kind)
VALUES ((SELECT id FROM article WHERE entry_key = 'https://gulf-daily.example/ar/qatar-airways'), 'qatar-airways', 'الخطوط القطرية', 'organization'),
       ((SELECT id FROM article WHERE entry_key = 'https://gulf-daily.example/ar/qatar-airways'), 'doha', 'الدوحة', 'place'),
       ((SELECT id FROM article WHERE entry_key = 'https://gulf-daily.example/ar/qatar-airways'), 'aviation', 'الطيران', 'subject');
INSERT INTO article (source_id, entry_key, url, title, summary, published_at, first_seen_at, content_hash,
                     full_text_status, full_text_attempts, lang, section, regions, enriched_at, changed_at)
VALUES ((SELECT id FROM source WHERE feed_url = 'https://harbour.example/rss.xml'), 'https://harbour.example/?p=120',
        'https://harbour.example/news/mayor-election', 'Mayor Ada Brennan re-elected with 61 per cent',
        '<p>Ada Brennan won a second term on Sunday.</p>',
        '2026-11-25 06:10:00+00:00', '2026-11-25 06:12:00+00:00', 'e5b7d3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4',
        'excerpt', 1, 'en', 'politics', 'europe', '2026-11-25 06:13:00+00:00', '2026-11-25 06:13:00+00:00');
INSERT INTO article_topic (article_id, slug, label, kind)
VALUES ((SELECT id FROM article WHERE entry_key = 'https://harbour.example/?p=120'), 'ada-brennan', 'Ada Brennan', 'person');
INSERT INTO article (source_id, entry_key, url, title, summary, published_at, first_seen_at, content_hash,
                     full_text_status, changed_at)
VALUES ((SELECT id FROM source WHERE feed_url = 'https://harbour.example/rss.xml'), 'https://harbour.example/?p=121',
        'https://harbour.example/news/tram-line', 'New tram line to the harbour approved',
        '<p>Construction starts in spring.</p>',
        '2026-11-25 06:20:00+00:00', '2026-11-25 06:21:00+00:00', 'f6c8e4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5',
        'pending', '2026-11-25 06:21:00+00:00');

INSERT INTO account (username, email, display_name, password_hash, role, created_at, password_changed_at)
VALUES ('amal@example.org', 'amal@example.org', 'Amal', '$argon2id$v=19$m=16384,t=2,p=1$q4lQ2odcgyjwL+5F877i+A$ySgS15Diq17nNhoTDnfFpIUt3sRB2wt9GqCYValx3Ww',
        'READER', '2026-11-25 06:30:00+00:00', '2026-11-25 06:30:00+00:00');
INSERT INTO account (username, email, display_name, password_hash, role, created_at, password_changed_at, history_enabled)
VALUES ('sam@example.org', 'sam@example.org', 'Sam Moderates', '$argon2id$v=19$m=16384,t=2,p=1$UvqtIpii6k3hCIMoU3VyDQ$lrYDHSNCrxOtr10rK8ZsIXwTnC6BtNsB/XrhDM5yxPM',
        'MODERATOR', '2026-11-25 06:31:00+00:00', '2026-11-25 06:31:00+00:00', FALSE);
INSERT INTO account (username, email, display_name, password_hash, role, created_at, password_changed_at)
VALUES ('troll@example.org', 'troll@example.org', 'Loud Voice', '$argon2id$v=19$m=16384,t=2,p=1$q4lQ2odcgyjwL+5F877i+A$ySgS15Diq17nNhoTDnfFpIUt3sRB2wt9GqCYValx3Ww',
        'READER', '2026-11-25 06:32:00+00:00', '2026-11-25 06:32:00+00:00');
INSERT INTO account (username, email, display_name, password_hash, role, created_at, password_changed_at)
VALUES ('gone@example.org', 'gone@example.org', 'Gone Soon', '!', 'READER', '2026-11-25 06:33:00+00:00', '2026-11-25 06:33:00+00:00');

INSERT INTO password_reset (token_hash, account_id, created_at, expires_at)
VALUES ('0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e',
        (SELECT id FROM account WHERE email = 'amal@example.org'), '2026-11-25 06:40:00+00:00', '2026-11-25 07:40:00+00:00');
INSERT INTO reader_follow (account_id, kind, target, label, created_at)
VALUES ((SELECT id FROM account WHERE email = 'amal@example.org'), 'topic', 'qatar-airways', 'الخطوط القطرية', '2026-11-25 06:41:00+00:00'),
       ((SELECT id FROM account WHERE email = 'amal@example.org'), 'section', 'business', 'business', '2026-11-25 06:41:30+00:00');
INSERT INTO reader_follow (account_id, kind, target, label, created_at)
SELECT (SELECT id FROM account WHERE email = 'amal@example.org'), 'source', CAST(id AS VARCHAR(20)), name, '2026-11-25 06:42:00+00:00'
FROM source WHERE feed_url = 'https://harbour.example/rss.xml';
INSERT INTO reader_mute (account_id, kind, target, label, created_at)
VALUES ((SELECT id FROM account WHERE email = 'amal@example.org'), 'keyword', 'horoscope', 'horoscope', '2026-11-25 06:43:00+00:00');
INSERT INTO saved_article (account_id, article_id, saved_at)
VALUES ((SELECT id FROM account WHERE email = 'amal@example.org'),
        (SELECT id FROM article WHERE entry_key = 'https://harbour.example/?p=101'), '2026-11-25 06:44:00+00:00');
INSERT INTO reading_history (account_id, article_id, read_at)
VALUES ((SELECT id FROM account WHERE email = 'amal@example.org'),
        (SELECT id FROM article WHERE entry_key = 'https://gulf-daily.example/ar/qatar-airways'), '2026-11-25 06:45:00+00:00');

-- a thread: Amal's comment, Sam's reply (liked by Amal); the troll's reported, then hidden, comment; a held comment
-- with a link from the account that was deleted since; a comment its author deleted
INSERT INTO comment (article_id, author_id, body, status, created_at, edited_at)
VALUES ((SELECT id FROM article WHERE entry_key = 'https://harbour.example/?p=101'), (SELECT id FROM account WHERE email = 'amal@example.org'),
        'Finally! The detour added 20 minutes to my commute.', 'visible', '2026-11-25 06:50:00+00:00', '2026-11-25 06:52:00+00:00');
INSERT INTO comment (article_id, parent_id, root_id, author_id, body, status, created_at)
SELECT article_id, id, id, (SELECT id FROM account WHERE email = 'sam@example.org'), 'The cycle lane reopened too.', 'visible',
       '2026-11-25 06:55:00+00:00'
FROM comment WHERE body LIKE 'Finally!%';
INSERT INTO comment (article_id, author_id, body, status, created_at)
VALUES ((SELECT id FROM article WHERE entry_key = 'https://harbour.example/?p=101'), (SELECT id FROM account WHERE email = 'troll@example.org'),
        'NOBODY NEEDS THIS BRIDGE', 'hidden', '2026-11-25 06:56:00+00:00');
INSERT INTO comment (article_id, author_id, body, status, created_at)
VALUES ((SELECT id FROM article WHERE entry_key = 'https://gulf-daily.example/ar/qatar-airways'), (SELECT id FROM account WHERE email = 'gone@example.org'),
        'Cheap flights at https://cheap-flights.example', 'held', '2026-11-25 06:57:00+00:00');
INSERT INTO comment (article_id, author_id, body, status, created_at)
VALUES ((SELECT id FROM article WHERE entry_key = 'https://gulf-daily.example/ar/qatar-airways'), (SELECT id FROM account WHERE email = 'amal@example.org'),
        'Wrong article, sorry.', 'deleted', '2026-11-25 06:58:00+00:00');
INSERT INTO comment_reaction (comment_id, account_id, kind, created_at)
SELECT id, (SELECT id FROM account WHERE email = 'amal@example.org'), 'like', '2026-11-25 06:59:00+00:00'
FROM comment WHERE body = 'The cycle lane reopened too.';
INSERT INTO comment_report (comment_id, account_id, reason, created_at, resolved_at)
SELECT id, (SELECT id FROM account WHERE email = 'amal@example.org'), 'abuse', '2026-11-25 07:00:00+00:00', '2026-11-25 07:05:00+00:00'
FROM comment WHERE body = 'NOBODY NEEDS THIS BRIDGE';
INSERT INTO comment_report (comment_id, account_id, reason, created_at)
SELECT id, (SELECT id FROM account WHERE email = 'amal@example.org'), 'spam', '2026-11-25 07:01:00+00:00'
FROM comment WHERE body LIKE 'Cheap flights%';
INSERT INTO account_suspension (account_id, reason, suspended_by, created_at)
VALUES ((SELECT id FROM account WHERE email = 'troll@example.org'), 'shouting at everyone',
        (SELECT id FROM account WHERE email = 'sam@example.org'), '2026-11-25 07:06:00+00:00');
INSERT INTO moderation_action (acted_at, moderator_id, action, comment_id, account_id, note)
SELECT '2026-11-25 07:05:00+00:00', (SELECT id FROM account WHERE email = 'sam@example.org'), 'hide', id, author_id, NULL
FROM comment WHERE body = 'NOBODY NEEDS THIS BRIDGE';
INSERT INTO moderation_action (acted_at, moderator_id, action, account_id, note)
VALUES ('2026-11-25 07:06:00+00:00', (SELECT id FROM account WHERE email = 'sam@example.org'), 'suspend',
        (SELECT id FROM account WHERE email = 'troll@example.org'), 'shouting at everyone');
-- the account deleted by its owner: anonymised, its row kept for its comments
UPDATE account SET username = CONCAT('deleted-', id), email = NULL, display_name = NULL, password_hash = '!deleted',
       deleted_at = '2026-11-25 07:10:00+00:00', history_enabled = FALSE
WHERE email = 'gone@example.org';

INSERT INTO ai_output (subject, subject_id, feature, lang, model, source_hash, output, created_at)
SELECT 'article', id, 'summary', 'en', 'llama3.2:3b', 'b8e0a6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7',
       '[1] The harbour bridge reopened on Tuesday. [2] Its cables were replaced.', '2026-11-25 07:15:00+00:00'
FROM article WHERE entry_key = 'https://harbour.example/?p=101';
