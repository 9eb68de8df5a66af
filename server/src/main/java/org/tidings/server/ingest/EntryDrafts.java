package org.tidings.server.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.tidings.article.ArticleText;
import org.tidings.feed.FeedEntry;
import org.tidings.server.store.ArticleDraft;

/** Turns a parsed feed entry into what the store keeps. */
final class EntryDrafts {

    /** A headline longer than this is a summary put in the title element; cut it at a word. */
    private static final int MAX_TITLE = 300;
    /** Clocks drift: a date a little ahead is kept; one far ahead is a feed bug, as if there were none. */
    private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(10);

    private static final String UNTITLED = "(untitled)";

    private EntryDrafts() {}

    /**
     * The article an entry becomes, identified by its guid, else its link, else a hash of its
     * text (so it is found again however the feed reorders it); null when the entry has no text at all.
     */
    static ArticleDraft toDraft(FeedEntry entry, Instant now) {
        String url = firstUrl(entry.link(), entry.id());
        String title = title(entry);
        String text = nz(entry.summary()) + nz(entry.content());
        if (url == null && title.equals(UNTITLED) && text.isBlank()) return null;
        // a caption counts only when there is one, so that the digests of entries without one stay what they were
        String caption = entry.imageCaption().isEmpty() ? "" : "\u0000" + nz(entry.imageCaption().text()) + "\u0000" + nz(entry.imageCaption().credit());
        String contentHash = sha256(String.join("\u0000", nz(url), nz(title), nz(entry.summary()), nz(entry.content()),
                nz(entry.author()), nz(entry.imageUrl())) + caption);
        String entryKey = entry.id() != null && !entry.id().isBlank() ? entry.id().strip()
                : url != null ? url : "sha256:" + sha256(title + "\u0000" + text);
        // FeedEntry carries HTML the feed parser has sanitized already (its contract): not sanitized twice
        return ArticleDraft.ofFeed(entryKey, url, title, blankToNull(entry.summary()), blankToNull(entry.content()),
                entry.author(), entry.imageUrl(), published(entry, now), entry.updated(), contentHash)
                .withImageCaption(entry.imageCaption());
    }

    /** The entry's title, else the start of its text. */
    private static String title(FeedEntry entry) {
        String title = entry.title() == null ? "" : entry.title().strip();
        if (title.isEmpty()) title = ArticleText.ofFeed(null, entry.summary(), entry.content()).lead();
        return title.isEmpty() ? UNTITLED : ArticleText.cut(title, MAX_TITLE);
    }

    /** Null when the entry does not say, or says far ahead. */
    private static Instant published(FeedEntry entry, Instant now) {
        Instant t = entry.published() != null ? entry.published() : entry.updated();
        return t == null || t.isAfter(now.plus(FUTURE_TOLERANCE)) ? null : t;
    }

    private static String firstUrl(String... candidates) {
        for (String c : candidates) {
            if (c != null && (c.startsWith("http://") || c.startsWith("https://"))) {
                int hash = c.indexOf('#');
                return (hash > 0 ? c.substring(0, hash) : c).strip();
            }
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
