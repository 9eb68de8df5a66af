package org.tidings.server.store;

import static org.tidings.server.store.Columns.fromDb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.tidings.article.ImageCaption;

/**
 * An article as lists and pages show it, with its publisher; its body is read on its own page only ({@link Archive#body}).
 *
 * @param lead           the opening a list or a feed shows (plain text, possibly empty)
 * @param fullTextStatus null (the feed's text only), pending, done, excerpt, blocked or failed
 * @param excerpt        the body is only a teaser: the feed gave a summary alone, or the page held no more
 * @param lang           the article's language as detected (or as its page declared it, until then)
 * @param imageCaption   what the publisher says under {@code imageUrl} (never null: {@link ImageCaption#NONE})
 */
public record ArticleView(long id, long sourceId, String sourceName, String sourceSiteUrl, String url, String title,
        String lead, String author, String imageUrl, Instant publishedAt, Instant updatedAt, String fullTextStatus,
        boolean excerpt, String byline, String lang, Long storyId, ImageCaption imageCaption) {

    public ArticleView {
        imageCaption = imageCaption == null || imageUrl == null ? ImageCaption.NONE : imageCaption;
    }

    /** The articles with their publishers, for {@link #read}; a statement adds its {@code WHERE}. */
    static final String SELECT = """
            SELECT a.id, a.source_id, s.name AS source_name, s.site_url AS source_site_url, a.url, a.title, a.lead,
                   a.author, a.image_url, a.published_at, a.updated_at, a.full_text_status, a.excerpt, a.byline, a.lang,
                   a.story_id, a.lead_image_caption, a.lead_image_credit
            FROM article a JOIN source s ON s.id = a.source_id""";

    /** Who wrote it, as the page or the feed says, unless that is only the publisher's name again. */
    public String displayByline() {
        for (String name : new String[] {byline, author}) {
            if (name != null && !name.isBlank() && !name.strip().equalsIgnoreCase(sourceName)) return name.strip();
        }
        return null;
    }

    static ArticleView read(ResultSet rs, int row) throws SQLException {
        return new ArticleView(rs.getLong("id"), rs.getLong("source_id"), rs.getString("source_name"),
                rs.getString("source_site_url"), rs.getString("url"), rs.getString("title"), Columns.text(rs, "lead"),
                rs.getString("author"), rs.getString("image_url"), fromDb(rs, "published_at"), fromDb(rs, "updated_at"),
                rs.getString("full_text_status"), rs.getBoolean("excerpt"), rs.getString("byline"), rs.getString("lang"),
                rs.getObject("story_id", Long.class),
                new ImageCaption(rs.getString("lead_image_caption"), rs.getString("lead_image_credit")));
    }
}
