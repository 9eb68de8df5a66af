package org.tidings.server.store;

import static org.tidings.server.store.Timestamps.toDb;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * What enrichment learned about articles: section, regions and topics (migration V5), and the
 * articles still waiting for it (new ones, and those whose text changed since).
 */
@Repository
public class EnrichmentStore {

    /** Longest region list kept: the column's width. */
    private static final int REGIONS_CHARS = 200;
    private static final int SLUG_CHARS = 120;
    private static final int LABEL_CHARS = 200;

    /** An article waiting for enrichment, with what its source says of it. */
    public record Pending(long id, String title, String html, String lang, String sourceSection, String sourceRegion) {}

    /** A topic of an article, as its hashtag link shows it. {@code kind} is person, organization, place or subject. */
    public record TopicTag(String slug, String label, String kind) {

        /** "#FederalReserve", "#الأمم_المتحدة". */
        public String hashtag() {
            return new org.tidings.enrich.Topic(org.tidings.enrich.Topic.Kind.SUBJECT, label, slug, 1).hashtag();
        }
    }

    /**
     * What to store for one article. {@code regions} are edition region codes, strongest first.
     * The detected language is not stored: the story desk reads the article's language, and an
     * enrichment racing with it would change what it reads.
     */
    public record Learned(String section, List<String> regions, List<TopicTag> topics) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    public EnrichmentStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Articles waiting for enrichment, oldest first. */
    public List<Pending> pending(int limit) {
        return jdbc.sql("""
                SELECT a.id, a.title, a.summary, a.content, a.full_text_status, a.full_html, a.lang,
                       s.section AS source_section, s.region AS source_region
                FROM article a JOIN source s ON s.id = a.source_id
                WHERE a.enriched_at IS NULL ORDER BY a.id LIMIT :limit""")
                .param("limit", limit)
                .query((rs, row) -> {
                    String html = "done".equals(rs.getString("full_text_status")) && rs.getString("full_html") != null
                            ? rs.getString("full_html")
                            : rs.getString("content") != null && !rs.getString("content").isBlank() ? rs.getString("content")
                            : rs.getString("summary");
                    return new Pending(rs.getLong("id"), rs.getString("title"), html, rs.getString("lang"),
                            rs.getString("source_section"), rs.getString("source_region"));
                })
                .list();
    }

    /** Stores what enrichment learned, replacing what an earlier enrichment of the article stored. */
    @Transactional
    public void record(long articleId, Learned learned) {
        String regions = String.join(" ", learned.regions());
        if (regions.length() > REGIONS_CHARS) regions = regions.substring(0, regions.lastIndexOf(' ', REGIONS_CHARS));
        jdbc.sql("""
                UPDATE article SET section = :section, regions = :regions, enriched_at = :now, changed_at = :now
                WHERE id = :id""")
                .param("section", learned.section()).param("regions", regions.isEmpty() ? null : regions)
                .param("now", toDb(clock.instant())).param("id", articleId)
                .update();
        jdbc.sql("DELETE FROM article_topic WHERE article_id = :id").param("id", articleId).update();
        for (TopicTag t : learned.topics()) {
            jdbc.sql("INSERT INTO article_topic (article_id, slug, label, kind) VALUES (:id, :slug, :label, :kind) ON CONFLICT DO NOTHING")
                    .param("id", articleId).param("slug", cut(t.slug(), SLUG_CHARS)).param("label", cut(t.label(), LABEL_CHARS))
                    .param("kind", t.kind())
                    .update();
        }
    }

    /** An article's topics: people, then organisations, places and subjects, each alphabetically. */
    public List<TopicTag> topicsOf(long articleId) {
        return jdbc.sql("""
                SELECT slug, label, kind FROM article_topic WHERE article_id = :id
                ORDER BY CASE kind WHEN 'person' THEN 0 WHEN 'organization' THEN 1 WHEN 'place' THEN 2 ELSE 3 END, label""")
                .param("id", articleId)
                .query((rs, row) -> new TopicTag(rs.getString("slug"), rs.getString("label"), rs.getString("kind")))
                .list();
    }

    /** How a topic is named, from its newest article; empty when no article has it. */
    public Optional<TopicTag> topic(String slug) {
        return jdbc.sql("""
                SELECT t.slug, t.label, t.kind FROM article_topic t JOIN article a ON a.id = t.article_id
                WHERE t.slug = :slug ORDER BY a.published_at DESC LIMIT 1""")
                .param("slug", slug)
                .query((rs, row) -> new TopicTag(rs.getString("slug"), rs.getString("label"), rs.getString("kind")))
                .optional();
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
