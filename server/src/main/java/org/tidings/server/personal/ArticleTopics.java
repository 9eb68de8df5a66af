package org.tidings.server.personal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The topics and sections the enrichment stores for articles (migration V5: table
 * {@code article_topic(article_id, slug, label, kind)} and column {@code article.section}). Until
 * those exist in the database, articles have no topics and take their section from their source;
 * whether they exist is looked up once, at the first question.
 */
@Component
class ArticleTopics {

    private final JdbcClient jdbc;
    private volatile Boolean topics;
    private volatile Boolean sections;

    ArticleTopics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean hasTopics() {
        Boolean t = topics;
        if (t == null) topics = t = exists("SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) = 'article_topic' "
                + "AND LOWER(table_schema) = LOWER(CURRENT_SCHEMA)");
        return t;
    }

    boolean hasArticleSections() {
        Boolean s = sections;
        if (s == null) sections = s = exists("SELECT COUNT(*) FROM information_schema.columns WHERE LOWER(table_name) = 'article' "
                + "AND LOWER(column_name) = 'section' AND LOWER(table_schema) = LOWER(CURRENT_SCHEMA)");
        return s;
    }

    /** The topic slugs of each of these articles (articles without topics are absent). */
    Map<Long, Set<String>> slugsOf(Collection<Long> articleIds) {
        Map<Long, Set<String>> slugs = new HashMap<>();
        if (articleIds.isEmpty() || !hasTopics()) return slugs;
        for (List<Long> chunk : chunks(List.copyOf(articleIds))) {
            jdbc.sql("SELECT article_id, slug FROM article_topic WHERE article_id IN (:ids)").param("ids", chunk)
                    .query((rs, row) -> slugs.computeIfAbsent(rs.getLong("article_id"), k -> new HashSet<>()).add(rs.getString("slug")))
                    .list();
        }
        return slugs;
    }

    /** One topic of an article, as the enrichment labelled it. */
    record Topic(String slug, String label) {}

    /** The topics of one article, by label. */
    List<Topic> topicsOf(long articleId) {
        if (!hasTopics()) return List.of();
        return jdbc.sql("SELECT slug, label FROM article_topic WHERE article_id = :id ORDER BY label, slug").param("id", articleId)
                .query((rs, row) -> new Topic(rs.getString("slug"), rs.getString("label"))).list();
    }

    /** The article's section: the enrichment's when it stored one, else its source's; null when neither has one. */
    String sectionOf(long articleId) {
        String sql = hasArticleSections()
                ? "SELECT COALESCE(a.section, s.section) FROM article a JOIN source s ON s.id = a.source_id WHERE a.id = :id"
                : "SELECT s.section FROM article a JOIN source s ON s.id = a.source_id WHERE a.id = :id";
        return jdbc.sql(sql).param("id", articleId).query(String.class).optional().orElse(null);
    }

    /** The label the enrichment gave a topic slug, if any article has it. */
    Optional<String> label(String slug) {
        if (!hasTopics()) return Optional.empty();
        return jdbc.sql("SELECT label FROM article_topic WHERE slug = :s LIMIT 1").param("s", slug).query(String.class).optional();
    }

    /** Articles published since {@code since} that have one of these topics. */
    Map<Long, Set<String>> articlesWith(Set<String> slugs, Instant since) {
        Map<Long, Set<String>> found = new HashMap<>();
        if (slugs.isEmpty() || !hasTopics()) return found;
        jdbc.sql("""
                SELECT t.article_id, t.slug FROM article_topic t JOIN article a ON a.id = t.article_id
                WHERE t.slug IN (:slugs) AND a.published_at >= :since""")
                .param("slugs", List.copyOf(slugs)).param("since", since.atOffset(ZoneOffset.UTC))
                .query((rs, row) -> found.computeIfAbsent(rs.getLong("article_id"), k -> new HashSet<>()).add(rs.getString("slug")))
                .list();
        return found;
    }

    private boolean exists(String sql) {
        return jdbc.sql(sql).query(Long.class).single() > 0;
    }

    /** IN lists of at most 500 ids: well within every database's limit on parameters. */
    private static List<List<Long>> chunks(List<Long> ids) {
        int size = 500;
        List<List<Long>> chunks = new java.util.ArrayList<>();
        for (int i = 0; i < ids.size(); i += size) chunks.add(ids.subList(i, Math.min(ids.size(), i + size)));
        return chunks;
    }
}
