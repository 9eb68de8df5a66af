package org.tidings.server.store;

import static org.tidings.server.store.Columns.fromDb;
import static org.tidings.server.store.Columns.toDb;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The lists of the reader's pages (a section, topic or source, within an edition); no copies, no disabled sources. */
@Repository
public class ListingStore {

    private final JdbcClient jdbc;
    private final Archive archive;
    /** Whether the database is H2, once asked (null until then): the two planners need the lists written apart. */
    private volatile Boolean h2;

    public ListingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.archive = new Archive(jdbc);
    }

    /**
     * The newest articles of the listing. Two short queries rather than one join (which leads H2 to sort every article
     * first): the page's ids from the articles table alone, walking an index in order, then those articles. Every
     * parameter is bound; the statement names only those of the listing's parts.
     */
    public List<ArticleView> latest(Listing listing, int limit, int offset) {
        return latest(listing, null, limit, offset);
    }

    /** Where a list of articles, newest first, stopped: the last article shown, by its time and id. */
    public record Position(Instant publishedAt, long id) {}

    /** The articles of the listing that come after {@code after} (null: from the newest), newest first. */
    public List<ArticleView> latestAfter(Listing listing, Position after, int limit) {
        return latest(listing, after, limit, 0);
    }

    private List<ArticleView> latest(Listing listing, Position after, int limit, int offset) {
        // within a region (and no topic or publisher, which narrow further than it): the region's rows walked newest
        // first, in its section if there is one; otherwise the articles, the region a lookup of the article's rows
        boolean byRegion = listing.region() != null && listing.topic() == null && listing.sourceId() == null;
        StringBuilder sql = new StringBuilder(byRegion
                ? "SELECT a.id FROM article_region r" + (h2() ? " USE INDEX (article_region_latest)" : "") + " JOIN article a ON a.id = r.article_id WHERE r.region = :region"
                : "SELECT a.id FROM article a");
        if (listing.topic() != null) sql.append(" JOIN article_topic t ON t.article_id = a.id AND t.slug = :topic");
        // "not a copy": on H2 written so that no index is chosen for it (the walk is in the page's order); PostgreSQL
        // estimates that form at 0.5% of the articles and would then sort a whole section rather than walk its index
        sql.append(byRegion ? " AND" : " WHERE").append(h2() ? " COALESCE(a.duplicate_of, 0) = 0" : " a.duplicate_of IS NULL");
        List<Long> disabled = jdbc.sql("SELECT id FROM source WHERE enabled = FALSE OR published = FALSE").query(Long.class).list();
        if (!disabled.isEmpty()) sql.append(" AND a.source_id NOT IN (:disabled)");
        if (listing.section() != null) sql.append(byRegion ? " AND r.section = :section" : " AND a.section = :section");
        if (listing.sourceId() != null) sql.append(" AND a.source_id = :source");
        if (listing.lang() != null) {
            // the detected language ("en"), the page's declared one ("en-GB"), or the source's until then
            sql.append(" AND (a.lang LIKE :lang OR (a.lang IS NULL OR a.lang = 'und')"
                    + " AND a.source_id IN (SELECT id FROM source WHERE language LIKE :lang))");
        }
        if (listing.region() != null && !byRegion) {
            // the article's regions (its places' and its source's), or its source's until it is enriched: as rows
            sql.append(" AND EXISTS (SELECT 1 FROM article_region r WHERE r.article_id = a.id AND r.region = :region)");
        }
        String at = byRegion ? "r.published_at" : "a.published_at", id = byRegion ? "r.article_id" : "a.id";
        if (after != null) sql.append(" AND (%1$s < :afterAt OR %1$s = :afterAt AND %2$s < :afterId)".formatted(at, id));
        sql.append(" ORDER BY %s DESC, %s DESC LIMIT :limit OFFSET :offset".formatted(at, id));
        return archive.findByIds(jdbc.sql(sql.toString()).param("topic", listing.topic()).param("disabled", disabled)
                .param("section", listing.section()).param("source", listing.sourceId()).param("lang", listing.lang() + "%")
                .param("region", listing.region())
                .param("afterAt", after == null ? null : toDb(after.publishedAt())).param("afterId", after == null ? 0 : after.id())
                .param("limit", limit).param("offset", offset).query(Long.class).list());
    }

    /**
     * Whether the database is H2, where a region's rows are walked along the index led by the lists' order
     * ({@code USE INDEX}), which H2 walks in that order and stops at the page's end; H2 would otherwise take the range
     * of the region and section, read every article in it and sort them. PostgreSQL chooses well by itself (V20).
     */
    private boolean h2() {
        Boolean is = h2;
        if (is == null) {
            ResultSetExtractor<String> product = rs -> rs.getStatement().getConnection().getMetaData().getDatabaseProductName();
            is = "H2".equals(jdbc.sql("SELECT 1").query(product));
            h2 = is;
        }
        return is;
    }

    /** An article of a placed story, with what editions and sections need to know of it. */
    public record Placed(long storyId, long articleId, long sourceId, String title, String publisher, Instant published,
            String section, String lang, String regions) {

        public boolean in(Listing listing) {
            if (listing.section() != null && !listing.section().equals(section)) return false;
            if (listing.lang() != null && (lang == null || !lang.startsWith(listing.lang()))) return false;
            return listing.region() == null || regions != null && (" " + regions + " ").contains(" " + listing.region() + " ");
        }
    }

    /** The placed, non-copy articles of enabled sources published since {@code since}, by story and time. */
    public List<Placed> recentPlaced(Instant since) {
        return jdbc.sql("""
                SELECT a.story_id, a.id, a.source_id, a.title, s.name, a.published_at, a.section,
                       COALESCE(NULLIF(a.lang, 'und'), s.language) AS lang, COALESCE(a.regions, s.region) AS regions
                FROM article a JOIN source s ON s.id = a.source_id
                WHERE a.story_id IS NOT NULL AND a.duplicate_of IS NULL AND s.enabled = TRUE AND s.published = TRUE AND a.published_at >= :since
                ORDER BY a.story_id, a.published_at, a.id""")
                .param("since", toDb(since))
                .query((rs, row) -> new Placed(rs.getLong("story_id"), rs.getLong("id"), rs.getLong("source_id"), rs.getString("title"),
                        rs.getString("name"), fromDb(rs, "published_at"), rs.getString("section"), rs.getString("lang"),
                        rs.getString("regions")))
                .list();
    }

    /** The language and region pairs of the enabled sources, with how many sources each has: what editions there can be. */
    public record Coverage(String lang, String region, int sources) {}

    public List<Coverage> sourceCoverage() {
        return jdbc.sql("""
                SELECT language, region, COUNT(*) AS n FROM source WHERE enabled = TRUE AND published = TRUE AND language IS NOT NULL
                GROUP BY language, region""")
                .query((rs, row) -> new Coverage(rs.getString("language"), rs.getString("region"), rs.getInt("n"))).list();
    }

    /** A page of the site map: article ids and when each last changed, newest first. */
    public record Entry(long id, Instant modified) {}

    public List<Entry> sitemap(int limit) {
        return jdbc.sql("""
                SELECT a.id, COALESCE(a.updated_at, a.published_at) AS modified FROM article a JOIN source s ON s.id = a.source_id
                WHERE s.enabled = TRUE AND s.published = TRUE AND a.duplicate_of IS NULL ORDER BY a.published_at DESC, a.id DESC LIMIT :limit""")
                .param("limit", limit).query((rs, row) -> new Entry(rs.getLong("id"), fromDb(rs, "modified"))).list();
    }
}
