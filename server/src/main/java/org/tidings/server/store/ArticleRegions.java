package org.tidings.server.store;

import static org.tidings.server.store.Columns.fromDb;
import static org.tidings.server.store.Columns.toDb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The regions an article is listed under, kept as rows of {@code article_region} so that an edition's lists walk an
 * index: each word of the article's own regions (enrichment's: its places' and its source's), or its source's region
 * while it has none. The rows are derived, never the truth: every store that changes what they derive from (the
 * article's regions, section or time of publication, a new article, its source's region) rewrites them here, in its
 * own transaction. Deleting an article deletes its rows (the foreign key cascades).
 */
final class ArticleRegions {

    private final JdbcClient jdbc;

    ArticleRegions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The regions that the stored {@code regions} and the source's {@code sourceRegion} give an article, in order. */
    static Set<String> of(String regions, String sourceRegion) {
        Set<String> words = new LinkedHashSet<>();
        if (regions == null) {
            if (sourceRegion != null) words.add(sourceRegion);
            return words;
        }
        Arrays.stream(regions.split(" ")).filter(word -> !word.isEmpty()).forEach(words::add);
        return words;
    }

    private record Stored(String regions, String sourceRegion, String section, Instant publishedAt) {}

    /** Rewrites the article's rows from what is stored now (none if the article is gone). */
    void refresh(long articleId) {
        Optional<Stored> stored = jdbc.sql("""
                SELECT a.regions, s.region AS source_region, a.section, a.published_at
                FROM article a JOIN source s ON s.id = a.source_id WHERE a.id = :id""")
                .param("id", articleId)
                .query((rs, row) -> new Stored(rs.getString("regions"), rs.getString("source_region"), rs.getString("section"),
                        fromDb(rs, "published_at")))
                .optional();
        jdbc.sql("DELETE FROM article_region WHERE article_id = :id").param("id", articleId).update();
        if (stored.isEmpty()) return;
        List<String> regions = new ArrayList<>(of(stored.get().regions(), stored.get().sourceRegion()));
        if (regions.isEmpty()) return;
        StringJoiner values = new StringJoiner(", ");
        for (int n = 0; n < regions.size(); n++) values.add("(:id, :region" + n + ", :section, :published)");
        JdbcClient.StatementSpec insert = jdbc.sql("INSERT INTO article_region (article_id, region, section, published_at) VALUES " + values)
                .param("id", articleId).param("section", stored.get().section()).param("published", toDb(stored.get().publishedAt()));
        for (int n = 0; n < regions.size(); n++) insert = insert.param("region" + n, regions.get(n));
        insert.update();
    }

    /** Rewrites the rows of the source's articles that have no regions of their own: its region is theirs. */
    void refreshSource(long sourceId) {
        jdbc.sql("DELETE FROM article_region WHERE article_id IN (SELECT id FROM article WHERE source_id = :id AND regions IS NULL)")
                .param("id", sourceId).update();
        jdbc.sql("""
                INSERT INTO article_region (article_id, region, section, published_at)
                SELECT a.id, s.region, a.section, a.published_at FROM article a JOIN source s ON s.id = a.source_id
                WHERE a.source_id = :id AND a.regions IS NULL AND s.region IS NOT NULL""")
                .param("id", sourceId).update();
    }
}
